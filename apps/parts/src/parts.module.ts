import { Module, type OnModuleInit } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { OutboxRelay } from '@aftersales/platform-kafka';
import { CatalogResolver } from './catalog/catalog.resolver';
import { GENUINE_CODE_MODEL, GenuineCodeSchema, PART_MODEL, PartSchema } from './catalog/catalog.schema';
import { CatalogService } from './catalog/catalog.service';
import { IMPORT_JOB_MODEL, ImportJobSchema } from '@aftersales/platform-imports';
import { EpcImportsResolver } from './epc-imports/epc-imports.resolver';
import { EpcImportsService } from './epc-imports/epc-imports.service';
import { PartsKpiService, PartsKpisResolver, RegionPartsResolver, ServiceCenterPartsResolver } from './kpi/kpi';
import { PartsLocations } from './locations/parts-locations';
import { OrdersResolver } from './orders/orders.resolver';
import { FILL_COUNTER_MODEL, FILL_FACT_MODEL, FillCounterSchema, FillFactSchema, ORDER_MODEL, OrderSchema } from './orders/orders.schema';
import { OrdersService } from './orders/orders.service';
import { DEMAND_MODEL, DemandHistory, DemandSchema } from './planning/demand-history';
import { PlanningResolver } from './planning/planning.resolver';
import { CLASS_RUN_MODEL, ClassRunSchema, PlanningService } from './planning/planning.service';
import { CLASS_CHANGE_MODEL, ClassChangeBatchSchema, PARTS_REQUEST_MODEL, PartsRequestSchema } from './requests/parts-request.schema';
import { PartsRequestsConsumer } from './requests/parts-requests.consumer';
import { PartsRequestsService } from './requests/parts-requests.service';
import { TRANSFER_MODEL, TransferSchema, TransfersResolver, TransfersService } from './sharing/transfers';
import { PolicyStore } from './stock/policy';
import { StockStore } from './stock/stock-store';
import { POLICY_MODEL, PolicySchema, STOCK_MODEL, STOCK_MOVEMENT_MODEL, StockMovementSchema, StockSchema } from './stock/stock.schema';
import { StockResolver } from './stock/stock.resolver';
import { StockService } from './stock/stock.service';

@Module({
  imports: [
    MongooseModule.forFeature([
      { name: PART_MODEL, schema: PartSchema },
      { name: GENUINE_CODE_MODEL, schema: GenuineCodeSchema },
      { name: STOCK_MODEL, schema: StockSchema },
      { name: STOCK_MOVEMENT_MODEL, schema: StockMovementSchema },
      { name: POLICY_MODEL, schema: PolicySchema },
      { name: DEMAND_MODEL, schema: DemandSchema },
      { name: ORDER_MODEL, schema: OrderSchema },
      { name: FILL_FACT_MODEL, schema: FillFactSchema },
      { name: FILL_COUNTER_MODEL, schema: FillCounterSchema },
      { name: TRANSFER_MODEL, schema: TransferSchema },
      { name: CLASS_RUN_MODEL, schema: ClassRunSchema },
      { name: PARTS_REQUEST_MODEL, schema: PartsRequestSchema },
      { name: CLASS_CHANGE_MODEL, schema: ClassChangeBatchSchema },
      { name: IMPORT_JOB_MODEL, schema: ImportJobSchema },
    ]),
  ],
  providers: [
    PartsLocations,
    StockStore,
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
    PartsKpiService,
    PartsKpisResolver,
    ServiceCenterPartsResolver,
    RegionPartsResolver,
    EpcImportsService,
    EpcImportsResolver,
  ],
  controllers: [PartsRequestsConsumer],
})
export class PartsModule implements OnModuleInit {
  constructor(
    private readonly relay: OutboxRelay,
    private readonly requests: PartsRequestsService,
    private readonly planning: PlanningService,
  ) {}

  onModuleInit() {
    this.relay.register(this.requests.outboxModel);
    this.relay.register(this.planning.outboxModel);
  }
}
