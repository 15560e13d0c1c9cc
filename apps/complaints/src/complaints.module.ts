import { Module, type OnModuleInit } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { OutboxRelay } from '@aftersales/platform-kafka';
import { CentersReadModel } from './centers/centers.read-model';
import { COMPLAINT_MODEL, COMPLAINT_OUTBOX_MODEL, ComplaintOutboxSchema, ComplaintSchema } from './complaints/complaint.schema';
import { ComplaintsRepository } from './complaints/complaints.repository';
import { ComplaintsResolver } from './complaints/complaints.resolver';
import { ComplaintsService } from './complaints/complaints.service';
import { DeadlineSchedule } from './complaints/deadline-schedule';
import { DeadlineScanner } from './complaints/deadline.scanner';
import { IntakeConsumer } from './complaints/intake.consumer';
import { JobOrderReactions } from './complaints/job-order.reactions';
import { ExportsService } from './exports/exports.service';
import { DeliveriesConsumer } from './kpis/deliveries.consumer';
import { AssessmentResolver, RegionComplaintKpisResolver, ServiceCenterComplaintKpisResolver } from './kpis/kpis.resolver';
import { StatsStore } from './kpis/stats.store';

@Module({
  imports: [
    MongooseModule.forFeature([
      { name: COMPLAINT_MODEL, schema: ComplaintSchema },
      { name: COMPLAINT_OUTBOX_MODEL, schema: ComplaintOutboxSchema },
    ]),
  ],
  providers: [
    CentersReadModel,
    ComplaintsRepository,
    ComplaintsService,
    ComplaintsResolver,
    DeadlineSchedule,
    DeadlineScanner,
    IntakeConsumer,
    JobOrderReactions,
    ExportsService,
    StatsStore,
    DeliveriesConsumer,
    ServiceCenterComplaintKpisResolver,
    RegionComplaintKpisResolver,
    AssessmentResolver,
  ],
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
