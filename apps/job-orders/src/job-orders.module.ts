import { Inject, Module, type OnModuleInit } from '@nestjs/common';
import { HealthRegistry } from '@aftersales/platform-core';
import { EventConsumer, OutboxRelay } from '@aftersales/platform-kafka';
import { CentersDirectory } from './centers/centers.directory';
import { IntakeConsumer } from './intake/intake.consumer';
import { JobOrderNumbers } from './job-orders/counters';
import { JobOrdersRepository } from './job-orders/job-orders.repository';
import { JobOrdersResolver } from './job-orders/job-orders.resolver';
import { JobOrdersService } from './job-orders/job-orders.service';
import { KpiConsumer } from './kpi/kpi.consumer';
import { RegionKpiResolver, ServiceCenterKpiResolver } from './kpi/kpi.resolver';
import { KpiStore } from './kpi/kpi.store';
import { BreachScanner } from './sla/breach-scanner';
import { DeadlineIndex } from './sla/deadline-index';

@Module({
  providers: [
    CentersDirectory,
    JobOrdersRepository,
    JobOrderNumbers,
    DeadlineIndex,
    JobOrdersService,
    JobOrdersResolver,
    BreachScanner,
    KpiStore,
    KpiConsumer,
    ServiceCenterKpiResolver,
    RegionKpiResolver,
    IntakeConsumer,
  ],
})
export class JobOrdersModule implements OnModuleInit {
  constructor(
    private readonly relay: OutboxRelay,
    private readonly orders: JobOrdersRepository,
    private readonly consumer: EventConsumer,
    @Inject(HealthRegistry) private readonly health: HealthRegistry,
  ) {}

  onModuleInit() {
    this.relay.register(...this.orders.outboxStores);
    // Ready only once the consumer has its partitions: events published before that would be missed by a new group.
    this.health.register({ name: 'consumer', check: () => this.consumer.waitForJoin(1_000) });
  }
}
