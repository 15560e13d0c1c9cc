import { Module, type OnModuleInit } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { OutboxRelay } from '@aftersales/platform-kafka';
import { AppointmentsResolver } from './appointments/appointments.resolver';
import { AppointmentsService } from './appointments/appointments.service';
import { CampaignCallsConsumer } from './appointments/campaign-calls.consumer';
import { APPOINTMENT_MODEL, AppointmentSchema, BAY_HOLD_MODEL, BayHoldSchema } from './appointments/appointment.schema';
import { KPI_COUNTER_MODEL, KpiCounterSchema } from './kpis/kpi-counter.schema';
import { HotlineCallsConsumer } from './kpis/hotline-calls.consumer';
import { KpiStore } from './kpis/kpi-store';
import { RegionKpiResolver, ServiceCenterKpiResolver } from './kpis/kpi.resolver';
import { ServiceStandardsResolver } from './kpis/service-standards.resolver';
import { PartsConsumer } from './repair-orders/parts.consumer';
import { FollowUpCallsConsumer } from './repair-orders/follow-up-calls.consumer';
import { REPAIR_ORDER_MODEL, RepairOrderSchema } from './repair-orders/repair-order.schema';
import { RepairOrdersResolver } from './repair-orders/repair-orders.resolver';
import { RepairOrdersService } from './repair-orders/repair-orders.service';
import { VehicleHistory } from './repair-orders/vehicle-history';
import { RESCUE_MODEL, RescueSchema } from './rescue/rescue.schema';
import { RescueConsumer } from './rescue/rescue.consumer';
import { RescueResolver } from './rescue/rescue.resolver';
import { RescueService } from './rescue/rescue.service';
import { COURTESY_ASSIGNMENT_MODEL, COURTESY_CAR_MODEL, CourtesyAssignmentSchema, CourtesyCarSchema } from './courtesy-cars/courtesy-car.schema';
import { CourtesyCarsResolver, RepairOrderCourtesyResolver, RescueCourtesyResolver } from './courtesy-cars/courtesy-cars.resolver';
import { CourtesyCarsService } from './courtesy-cars/courtesy-cars.service';
import { EXPERT_QUESTION_MODEL, ExpertQuestionSchema } from './experts/expert-question.schema';
import { ExpertsResolver, RepairOrderQuestionsResolver, RescueQuestionsResolver } from './experts/experts.resolver';
import { ExpertQuestionScanner } from './experts/experts.scanner';
import { ExpertsService } from './experts/experts.service';
import { EmergencyLevels } from './rescue/emergency-levels';
import { RescueEscalationScanner } from './rescue/escalation.scanner';
import { WORKSHOP_SETUP_MODEL, WorkshopSetupSchema } from './setup/setup.schema';
import { SetupResolver } from './setup/setup.resolver';
import { SetupService } from './setup/setup.service';
import { WARRANTY_POLICY_MODEL, WarrantyPolicySchema } from './warranty/policies/warranty-policy.schema';
import { WarrantyPoliciesService } from './warranty/policies/warranty-policies.service';
import { WarrantyPoliciesResolver } from './warranty/policies/warranty-policies.resolver';
import { VEHICLE_WARRANTY_MODEL, VehicleWarrantySchema } from './warranty/registrations/vehicle-warranty.schema';
import { VehicleWarrantiesService } from './warranty/registrations/vehicle-warranties.service';
import { VehicleWarrantiesResolver } from './warranty/registrations/vehicle-warranties.resolver';
import { WARRANTY_CLAIM_MODEL, WarrantyClaimSchema } from './warranty/claims/warranty-claim.schema';
import { WarrantyClaimsService } from './warranty/claims/warranty-claims.service';
import { WarrantyClaimsResolver } from './warranty/claims/warranty-claims.resolver';
import { WarrantyDecider } from './warranty/warranty-decider';
import { ItemWarrantyService } from './warranty/item-warranty.service';
import { ItemWarrantyResolver } from './warranty/item-warranty.resolver';
import { IMPORT_JOB_MODEL, ImportJobSchema } from '@aftersales/platform-imports';
import { DMS_VISIT_MODEL, DmsVisitSchema } from './dms-imports/dms-visit.schema';
import { DmsImportsService } from './dms-imports/dms-imports.service';
import { DmsImportsResolver } from './dms-imports/dms-imports.resolver';

@Module({
  imports: [
    MongooseModule.forFeature([
      { name: WORKSHOP_SETUP_MODEL, schema: WorkshopSetupSchema },
      { name: APPOINTMENT_MODEL, schema: AppointmentSchema },
      { name: BAY_HOLD_MODEL, schema: BayHoldSchema },
      { name: REPAIR_ORDER_MODEL, schema: RepairOrderSchema },
      { name: RESCUE_MODEL, schema: RescueSchema },
      { name: KPI_COUNTER_MODEL, schema: KpiCounterSchema },
      { name: EXPERT_QUESTION_MODEL, schema: ExpertQuestionSchema },
      { name: COURTESY_CAR_MODEL, schema: CourtesyCarSchema },
      { name: COURTESY_ASSIGNMENT_MODEL, schema: CourtesyAssignmentSchema },
      { name: WARRANTY_POLICY_MODEL, schema: WarrantyPolicySchema },
      { name: VEHICLE_WARRANTY_MODEL, schema: VehicleWarrantySchema },
      { name: WARRANTY_CLAIM_MODEL, schema: WarrantyClaimSchema },
      { name: DMS_VISIT_MODEL, schema: DmsVisitSchema },
      { name: IMPORT_JOB_MODEL, schema: ImportJobSchema },
    ]),
  ],
  providers: [
    KpiStore,
    SetupService,
    SetupResolver,
    AppointmentsService,
    AppointmentsResolver,
    VehicleHistory,
    RepairOrdersService,
    RepairOrdersResolver,
    RescueService,
    RescueResolver,
    EmergencyLevels,
    RescueEscalationScanner,
    ExpertsService,
    ExpertsResolver,
    RepairOrderQuestionsResolver,
    RescueQuestionsResolver,
    ExpertQuestionScanner,
    CourtesyCarsService,
    CourtesyCarsResolver,
    RepairOrderCourtesyResolver,
    RescueCourtesyResolver,
    ServiceCenterKpiResolver,
    RegionKpiResolver,
    ServiceStandardsResolver,
    WarrantyPoliciesService,
    WarrantyPoliciesResolver,
    VehicleWarrantiesService,
    VehicleWarrantiesResolver,
    WarrantyDecider,
    ItemWarrantyService,
    ItemWarrantyResolver,
    WarrantyClaimsService,
    WarrantyClaimsResolver,
    DmsImportsService,
    DmsImportsResolver,
  ],
  controllers: [PartsConsumer, RescueConsumer, FollowUpCallsConsumer, CampaignCallsConsumer, HotlineCallsConsumer],
})
export class WorkshopModule implements OnModuleInit {
  constructor(
    private readonly relay: OutboxRelay,
    private readonly orders: RepairOrdersService,
    private readonly rescues: RescueService,
    private readonly experts: ExpertsService,
  ) {}

  onModuleInit() {
    this.relay.register(this.orders.outboxModel);
    this.relay.register(this.rescues.outboxModel);
    this.relay.register(this.experts.outboxModel);
  }
}
