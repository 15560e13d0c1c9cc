import { Module, type OnModuleInit } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { OutboxRelay } from '@aftersales/platform-kafka';
import { CALL_MODEL, CallSchema } from './calls/call.schema';
import { CallsRepository } from './calls/calls.repository';
import { CallsResolver } from './calls/calls.resolver';
import { CallsService } from './calls/calls.service';
import { CentersReadModel } from './centers/centers.read-model';
import { Store } from './common/store';
import { CallsConsumers } from './events/consumers';
import { RegionKpisResolver, ServiceCenterKpisResolver } from './kpis/kpis.resolver';
import { ContactCheckScanner } from './outbound/contact-check.scanner';
import { JobOrdersReadModel } from './outbound/job-orders.read-model';
import { TASK_MODEL, TaskSchema } from './outbound/task.schema';
import { TasksRepository } from './outbound/tasks.repository';
import { TasksResolver } from './outbound/tasks.resolver';
import { TasksService } from './outbound/tasks.service';
import { QcResolver } from './qc/qc.resolver';
import { QcService } from './qc/qc.service';
import { Counters } from './reports/counters';
import { ReportsResolver } from './reports/reports.resolver';
import { ReportsService } from './reports/reports.service';
import { StaffingResolver } from './staffing/staffing.resolver';

@Module({
  imports: [
    MongooseModule.forFeature([
      { name: CALL_MODEL, schema: CallSchema },
      { name: TASK_MODEL, schema: TaskSchema },
    ]),
  ],
  providers: [
    Store,
    Counters,
    CentersReadModel,
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
    CallsConsumers,
  ],
})
export class CallsModule implements OnModuleInit {
  constructor(
    private readonly relay: OutboxRelay,
    private readonly calls: CallsRepository,
    private readonly tasks: TasksRepository,
  ) {}

  onModuleInit() {
    this.relay.register(this.calls.outboxModel);
    this.relay.register(this.tasks.outboxModel);
  }
}
