import { Module, type OnModuleInit } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { OutboxRelay } from '@aftersales/platform-kafka';
import { COMPLAINT_MODEL, ComplaintSchema, MIGRATION_MODEL, MigrationSchema, SEQUENCE_MODEL, SequenceSchema } from './complaints/complaint.schema';
import { ComplaintsRepository } from './complaints/complaints.repository';
import { ComplaintsResolver } from './complaints/complaints.resolver';
import { ComplaintsService } from './complaints/complaints.service';
import { DeadlineScanner } from './complaints/deadline.scanner';
import { IntakeConsumer } from './complaints/intake.consumer';
import { CampaignCallIntake } from './complaints/campaign-call.intake';
import { CampaignCallsConsumer } from './complaints/campaign-calls.consumer';
import { JobOrderReactions } from './complaints/job-order.reactions';
import { RepeatSignatureBackfill } from './complaints/repeat-backfill';
import { ExportsService } from './exports/exports.service';
import { DeliveriesConsumer } from './kpis/deliveries.consumer';
import { AssessmentResolver, RegionComplaintKpisResolver, ServiceCenterComplaintKpisResolver } from './kpis/kpis.resolver';
import { COMPLAINT_STATS_MODEL, ComplaintStatsSchema, StatsStore } from './kpis/stats.store';

@Module({
  imports: [
    MongooseModule.forFeature([
      { name: COMPLAINT_MODEL, schema: ComplaintSchema },
      { name: SEQUENCE_MODEL, schema: SequenceSchema },
      { name: MIGRATION_MODEL, schema: MigrationSchema },
      { name: COMPLAINT_STATS_MODEL, schema: ComplaintStatsSchema },
    ]),
  ],
  providers: [
    ComplaintsRepository,
    ComplaintsService,
    ComplaintsResolver,
    DeadlineScanner,
    CampaignCallIntake,
    RepeatSignatureBackfill,
    ExportsService,
    StatsStore,
    ServiceCenterComplaintKpisResolver,
    RegionComplaintKpisResolver,
    AssessmentResolver,
  ],
  controllers: [IntakeConsumer, JobOrderReactions, DeliveriesConsumer, CampaignCallsConsumer],
})
export class ComplaintsModule implements OnModuleInit {
  constructor(
    private readonly relay: OutboxRelay,
    private readonly complaints: ComplaintsRepository,
  ) {}

  onModuleInit() {
    this.relay.register(this.complaints.outboxModel);
  }
}
