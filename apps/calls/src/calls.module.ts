import { Module, type OnModuleInit } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { OutboxRelay } from '@aftersales/platform-kafka';
import { CALL_MODEL, CallSchema } from './calls/call.schema';
import { CallsRepository } from './calls/calls.repository';
import { CallsResolver } from './calls/calls.resolver';
import { CallsService } from './calls/calls.service';
import { CAMPAIGN_MODEL, CAMPAIGN_VEHICLE_MODEL, CampaignSchema, CampaignVehicleSchema } from './campaigns/campaign.schema';
import { CampaignsConsumer } from './campaigns/campaigns.consumer';
import { CampaignsRepository } from './campaigns/campaigns.repository';
import { CampaignsResolver } from './campaigns/campaigns.resolver';
import { CampaignsService } from './campaigns/campaigns.service';
import { CallsConsumers } from './events/consumers';
import { PostGate } from './common/post-gate';
import { RegionKpisResolver, ServiceCenterKpisResolver } from './kpis/kpis.resolver';
import { ContactCheckScanner } from './outbound/contact-check.scanner';
import { JOB_ORDER_VIEW_MODEL, JobOrdersReadModel, JobOrderViewSchema } from './outbound/job-orders.read-model';
import { TASK_MODEL, TaskSchema } from './outbound/task.schema';
import { TasksRepository } from './outbound/tasks.repository';
import { TasksResolver } from './outbound/tasks.resolver';
import { TasksService } from './outbound/tasks.service';
import { QcResolver } from './qc/qc.resolver';
import { QcService } from './qc/qc.service';
import { AGENT_QC_COUNTER_MODEL, AgentQcCounterSchema, CENTER_KPI_MODEL, CenterKpiSchema, REPORT_COUNTER_MODEL, ReportCounterSchema } from './reports/counter.schema';
import { Counters } from './reports/counters';
import { ReportsResolver } from './reports/reports.resolver';
import { ReportsService } from './reports/reports.service';
import { StaffingResolver } from './staffing/staffing.resolver';
import { TelematicsController } from './telematics/telematics.controller';
import { TelematicsFeedConsumer } from './telematics/telematics.consumer';
import { TELEMATICS_EVENT_MODEL, TelematicsEventSchema } from './telematics/telematics-event.schema';
import { TelematicsRepository } from './telematics/telematics.repository';
import { TelematicsResolver } from './telematics/telematics.resolver';
import { TelematicsService } from './telematics/telematics.service';

@Module({
  imports: [
    MongooseModule.forFeature([
      { name: CALL_MODEL, schema: CallSchema },
      { name: TASK_MODEL, schema: TaskSchema },
      { name: JOB_ORDER_VIEW_MODEL, schema: JobOrderViewSchema },
      { name: REPORT_COUNTER_MODEL, schema: ReportCounterSchema },
      { name: CENTER_KPI_MODEL, schema: CenterKpiSchema },
      { name: AGENT_QC_COUNTER_MODEL, schema: AgentQcCounterSchema },
      { name: CAMPAIGN_MODEL, schema: CampaignSchema },
      { name: CAMPAIGN_VEHICLE_MODEL, schema: CampaignVehicleSchema },
      { name: TELEMATICS_EVENT_MODEL, schema: TelematicsEventSchema },
    ]),
  ],
  providers: [
    PostGate,
    Counters,
    JobOrdersReadModel,
    CallsRepository,
    CallsService,
    CallsResolver,
    TasksRepository,
    TasksService,
    TasksResolver,
    ContactCheckScanner,
    QcService,
    QcResolver,
    StaffingResolver,
    ReportsService,
    ReportsResolver,
    ServiceCenterKpisResolver,
    RegionKpisResolver,
    CampaignsRepository,
    CampaignsService,
    CampaignsResolver,
    TelematicsRepository,
    TelematicsService,
    TelematicsResolver,
  ],
  controllers: [CallsConsumers, CampaignsConsumer, TelematicsFeedConsumer, TelematicsController],
})
export class CallsModule implements OnModuleInit {
  constructor(
    private readonly relay: OutboxRelay,
    private readonly calls: CallsRepository,
    private readonly tasks: TasksRepository,
    private readonly telematics: TelematicsRepository,
  ) {}

  onModuleInit() {
    this.relay.register(this.calls.outboxModel);
    this.relay.register(this.tasks.outboxModel);
    this.relay.register(this.telematics.outboxModel);
  }
}
