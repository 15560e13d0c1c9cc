import { Inject, Module, type OnModuleInit } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { HealthRegistry } from '@aftersales/platform-core';
import { EventConsumer, OutboxRelay } from '@aftersales/platform-kafka';
import { DissatisfactionConsumer } from './intake/dissatisfaction.consumer';
import { IntakeConsumer } from './intake/intake.consumer';
import { COUNTER_MODEL, CounterSchema, JobOrderNumbers } from './job-orders/counters';
import { JOB_ORDER_MODEL, JobOrderSchema } from './job-orders/job-order.schema';
import { JobOrdersRepository } from './job-orders/job-orders.repository';
import { JobOrderConnectionResolver, JobOrdersResolver } from './job-orders/job-orders.resolver';
import { JobOrdersService } from './job-orders/job-orders.service';
import { KpiConsumer } from './kpi/kpi.consumer';
import { RegionKpiResolver, ServiceCenterKpiResolver } from './kpi/kpi.resolver';
import { KPI_COUNTERS_MODEL, KpiCountersSchema, KpiStore } from './kpi/kpi.store';
import { BreachScanner } from './sla/breach-scanner';

@Module({
  imports: [
    MongooseModule.forFeature([
      { name: JOB_ORDER_MODEL, schema: JobOrderSchema },
      { name: COUNTER_MODEL, schema: CounterSchema },
      { name: KPI_COUNTERS_MODEL, schema: KpiCountersSchema },
    ]),
  ],
  providers: [
    JobOrdersRepository,
    JobOrderNumbers,
    JobOrdersService,
    JobOrdersResolver,
    JobOrderConnectionResolver,
    BreachScanner,
    KpiStore,
    ServiceCenterKpiResolver,
    RegionKpiResolver,
  ],
  controllers: [KpiConsumer, IntakeConsumer, DissatisfactionConsumer],
})
export class JobOrdersModule implements OnModuleInit {
  constructor(
    private readonly relay: OutboxRelay,
    private readonly orders: JobOrdersRepository,
    private readonly consumer: EventConsumer,
    @Inject(HealthRegistry) private readonly health: HealthRegistry,
  ) {}

  onModuleInit() {
    this.relay.register(this.orders.outboxModel);
    // Ready only once the consumer has its partitions: events published before that would be missed by a new group.
    this.health.register({ name: 'consumer', check: () => this.consumer.waitForJoin(1_000) });
  }
}
