import { Module, type OnModuleInit } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { EventConsumer, OutboxRelay } from '@aftersales/platform-kafka';
import { CatalogResolver } from './catalog/catalog.resolver';
import { CatalogService } from './catalog/catalog.service';
import { LocationStore } from './common/store';
import { PartsKpiService, RegionPartsResolver, ServiceCenterPartsResolver } from './kpi/kpi';
import { KpiCache } from './kpi/kpi-cache';
import { LocationsRepository } from './locations/locations.repository';
import { OrdersResolver } from './orders/orders.resolver';
import { OrdersService } from './orders/orders.service';
import { DemandHistory } from './planning/demand-history';
import { PlanningResolver } from './planning/planning.resolver';
import { PlanningService } from './planning/planning.service';
import { CLASS_CHANGE_MODEL, ClassChangeBatchSchema, PARTS_REQUEST_MODEL, PartsRequestSchema } from './requests/parts-request.schema';
import { PartsRequestsService } from './requests/parts-requests.service';
import { TransfersResolver, TransfersService } from './sharing/transfers';
import { StockLedger } from './stock/ledger';
import { PolicyStore } from './stock/policy';
import { StockResolver } from './stock/stock.resolver';
import { StockService } from './stock/stock.service';

@Module({
  imports: [
    MongooseModule.forFeature([
      { name: PARTS_REQUEST_MODEL, schema: PartsRequestSchema },
      { name: CLASS_CHANGE_MODEL, schema: ClassChangeBatchSchema },
    ]),
  ],
  providers: [
    LocationStore,
    LocationsRepository,
    StockLedger,
    PolicyStore,
    CatalogService,
    CatalogResolver,
    StockService,
    StockResolver,
    DemandHistory,
    OrdersService,
    OrdersResolver,
    PlanningService,
    PlanningResolver,
    PartsRequestsService,
    TransfersService,
    TransfersResolver,
    KpiCache,
    PartsKpiService,
    ServiceCenterPartsResolver,
    RegionPartsResolver,
  ],
})
export class PartsModule implements OnModuleInit {
  constructor(
    private readonly consumer: EventConsumer,
    private readonly relay: OutboxRelay,
    private readonly locations: LocationsRepository,
    private readonly requests: PartsRequestsService,
    private readonly planning: PlanningService,
  ) {}

  onModuleInit() {
    this.relay.register(this.requests.outboxModel);
    this.relay.register(this.planning.outboxModel);
    this.consumer.on('ServiceCenterUpserted.v1', (event) => this.locations.apply(event));
    this.consumer.on('PartsRequested.v1', (event) => this.requests.handle(event));
  }
}
