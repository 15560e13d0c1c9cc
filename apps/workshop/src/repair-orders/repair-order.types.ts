import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsDate,
  IsEnum,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { CustomerType, VehicleType } from '../common/types';
import { ReceptionTimesInput, ServiceTimesModel } from './service-times.types';
import { RepairItemWarrantyModel } from '../warranty/item-warranty.types';
import { IsDecimal, IsPersonName, IsPlainLine, IsPlainText } from '@aftersales/contracts';

export enum ItemKind {
  LABOR = 'LABOR',
  PART = 'PART',
}
export enum RepairOrderStatus {
  OPEN = 'OPEN',
  IN_REPAIR = 'IN_REPAIR',
  WAITING_FOR_PARTS = 'WAITING_FOR_PARTS',
  QUALITY_CHECK = 'QUALITY_CHECK',
  READY_FOR_DELIVERY = 'READY_FOR_DELIVERY',
  DELIVERED = 'DELIVERED',
}
export enum QcLevel {
  TECHNICIAN = 'TECHNICIAN',
  TEAM_LEADER = 'TEAM_LEADER',
  QC_INSPECTOR = 'QC_INSPECTOR',
}
export enum AuthorizationChannel {
  SIGNATURE = 'SIGNATURE',
  PHONE = 'PHONE',
}
export enum PaymentMethod {
  CASH = 'CASH',
  CARD = 'CARD',
  TRANSFER = 'TRANSFER',
  MOBILE = 'MOBILE',
  WARRANTY_ONLY = 'WARRANTY_ONLY',
}
registerEnumType(ItemKind, { name: 'RepairItemKind' });
registerEnumType(RepairOrderStatus, { name: 'RepairOrderStatus' });
registerEnumType(QcLevel, { name: 'QcLevel', description: 'Technician self-check, team-leader mutual check, QC inspector final check' });
registerEnumType(AuthorizationChannel, { name: 'AuthorizationChannel' });
registerEnumType(PaymentMethod, { name: 'WorkshopPaymentMethod' });

const CODE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

@InputType()
export class RepairItemInput {
  @Field(() => ItemKind)
  @IsEnum(ItemKind)
  kind!: ItemKind;

  @Field({ description: 'Labor operation code or part number' })
  @Matches(CODE, { message: 'must be 1-40 letters, digits, dot, dash or underscore' })
  code!: string;

  @Field()
  @IsString()
  @Length(1, 500)
  @IsPlainText()
  description!: string;

  @Field(() => Float, { description: 'Labor hours or part quantity' })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0.01)
  @Max(10_000)
  quantity!: number;

  @Field(() => Float, { description: 'Hourly rate or unit price' })
  @IsDecimal(2)
  @Min(0)
  @Max(10_000_000)
  unitPrice!: number;

  @Field({
    nullable: true,
    deprecationReason: 'Ignored: the warranty decision made when the item is added sets the flag (see RepairItem.warranty)',
    description: 'Ignored, kept so older clients still send it',
  })
  @IsOptional()
  @IsBoolean()
  warrantyClaim?: boolean;
}

@ObjectType('RepairItem')
export class RepairItemModel {
  @Field(() => ID)
  id!: string;

  @Field(() => ItemKind)
  kind!: ItemKind;

  @Field()
  code!: string;

  @Field()
  description!: string;

  @Field(() => Float)
  quantity!: number;

  @Field(() => Float)
  unitPrice!: number;

  @Field(() => Float)
  amount!: number;

  @Field({ description: 'Claimed under warranty ("S" on the order): the warranty decision in force (after any override); items older than warranty decisions keep the flag set by hand' })
  warrantyClaim!: boolean;

  @Field(() => RepairItemWarrantyModel, { nullable: true, description: 'The warranty decision: covered or not, under which policy, why; overrides. Null on items older than warranty decisions' })
  warranty!: RepairItemWarrantyModel | null;

  @Field({ description: 'Added after the order was signed' })
  added!: boolean;

  @Field(() => AuthorizationModel, { nullable: true })
  authorization!: AuthorizationModel | null;
}

@InputType()
export class WalkAroundInput {
  @Field(() => Int)
  @IsInt()
  @Min(0)
  @Max(5_000_000)
  mileageKm!: number;

  @Field(() => Int, { description: 'Fuel level in percent' })
  @IsInt()
  @Min(0)
  @Max(100)
  fuelPercent!: number;

  @Field(() => [String], { description: 'Exterior damages found' })
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MaxLength(300, { each: true })
  @IsPlainLine({ each: true })
  damages!: string[];

  @Field(() => [String], { description: 'Valuables found (handed back to the customer)' })
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MaxLength(300, { each: true })
  @IsPlainLine({ each: true })
  valuables!: string[];

  @Field(() => [String], { description: 'Tools on board' })
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MaxLength(300, { each: true })
  @IsPlainLine({ each: true })
  tools!: string[];

  @Field({ description: 'The customer signed the walk-around record' })
  @IsBoolean()
  customerSigned!: boolean;
}

@ObjectType('WalkAround')
export class WalkAroundModel {
  @Field(() => Int) mileageKm!: number;
  @Field(() => Int) fuelPercent!: number;
  @Field(() => [String]) damages!: string[];
  @Field(() => [String]) valuables!: string[];
  @Field(() => [String]) tools!: string[];
  @Field() customerSigned!: boolean;
}

@ObjectType('WorkshopCustomerSignature')
@InputType('WorkshopCustomerSignatureInput')
export class SignatureType {
  @Field({ description: 'Who signed' })
  @IsString()
  @Length(1, 200)
  @IsPersonName()
  name!: string;

  @Field()
  @Type(() => Date)
  @IsDate({ message: 'must be an ISO-8601 timestamp' })
  signedAt!: Date;
}

@ObjectType('NextMaintenance')
@InputType('NextMaintenanceInput')
export class NextMaintenanceType {
  @Field({ description: 'Local date YYYY-MM-DD' })
  @Matches(DATE, { message: 'must be a date YYYY-MM-DD' })
  date!: string;

  @Field(() => Int)
  @IsInt()
  @Min(0)
  @Max(5_000_000)
  mileageKm!: number;
}

@InputType()
export class OpenRepairOrderInput {
  @Field(() => ID)
  @IsString()
  @Length(1, 64)
  serviceCenterId!: string;

  @Field(() => ID, { nullable: true, description: 'The arrived appointment this visit comes from' })
  @IsOptional()
  @IsString()
  appointmentId?: string;

  @Field(() => ID, { description: 'Service advisor (delivers the car too)' })
  @IsString()
  @Length(1, 64)
  advisorId!: string;

  @Field(() => CustomerType)
  @ValidateNested()
  @Type(() => CustomerType)
  customer!: CustomerType;

  @Field(() => VehicleType)
  @ValidateNested()
  @Type(() => VehicleType)
  vehicle!: VehicleType;

  @Field(() => WalkAroundInput)
  @ValidateNested()
  @Type(() => WalkAroundInput)
  walkAround!: WalkAroundInput;

  @Field({ description: 'The customer’s own words' })
  @IsString()
  @Length(1, 4000)
  @IsPlainText()
  faultDescription!: string;

  @Field({ description: 'Fault code used to recognise a repeat repair' })
  @Matches(CODE, { message: 'must be 1-40 letters, digits, dot, dash or underscore' })
  faultCode!: string;

  @Field(() => [RepairItemInput])
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => RepairItemInput)
  items!: RepairItemInput[];

  @Field({ description: 'Promised completion / delivery time' })
  @Type(() => Date)
  @IsDate({ message: 'must be an ISO-8601 timestamp' })
  promisedAt!: Date;

  @Field(() => SignatureType)
  @ValidateNested()
  @Type(() => SignatureType)
  customerSignature!: SignatureType;

  @Field(() => NextMaintenanceType)
  @ValidateNested()
  @Type(() => NextMaintenanceType)
  nextMaintenance!: NextMaintenanceType;

  @Field(() => ID, { nullable: true, description: 'The job order this visit answers' })
  @IsOptional()
  @IsString()
  jobOrderId?: string;

  @Field(() => ReceptionTimesInput, { nullable: true, description: 'Arrival, greeting and fault-listening times (service-time standards)' })
  @IsOptional()
  @ValidateNested()
  @Type(() => ReceptionTimesInput)
  reception?: ReceptionTimesInput;
}

@ObjectType('ItemAuthorization')
@InputType('ItemAuthorizationInput')
export class AuthorizationModel {
  @Field({ description: 'Who authorized' })
  @IsString()
  @MaxLength(200)
  by!: string;

  @Field(() => AuthorizationChannel)
  @IsEnum(AuthorizationChannel)
  channel!: AuthorizationChannel;

  @Field()
  @Type(() => Date)
  @IsDate({ message: 'must be an ISO-8601 timestamp' })
  at!: Date;

  @Field(() => String, { nullable: true, description: 'For phone consents: number, time, who' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  @IsPlainText()
  note?: string | null;
}

@InputType()
export class AddItemInput {
  @Field(() => RepairItemInput)
  @ValidateNested()
  @Type(() => RepairItemInput)
  item!: RepairItemInput;

  @Field(() => AuthorizationModel)
  @ValidateNested()
  @Type(() => AuthorizationModel)
  authorization!: AuthorizationModel;

  @Field({ nullable: true, description: 'New promised time agreed with the customer' })
  @IsOptional()
  @Type(() => Date)
  @IsDate({ message: 'must be an ISO-8601 timestamp' })
  promisedAt?: Date;
}

@InputType()
export class DispatchInput {
  @Field(() => ID)
  @IsString()
  @Length(1, 64)
  technicianId!: string;

  @Field()
  @IsString()
  @Length(1, 32)
  bayId!: string;

  @Field({ nullable: true, description: 'The car left the reception bay (standard: within 10 min of the order being opened)' })
  @IsOptional()
  @Type(() => Date)
  @IsDate({ message: 'must be an ISO-8601 timestamp' })
  leftReceptionAt?: Date;
}

@InputType()
export class QualityCheckInput {
  @Field(() => QcLevel)
  @IsEnum(QcLevel)
  level!: QcLevel;

  @Field()
  @IsBoolean()
  passed!: boolean;

  @Field(() => ID)
  @IsString()
  @Length(1, 64)
  inspectorId!: string;

  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  @IsPlainText()
  notes?: string;
}

@InputType()
export class DeliverInput {
  @Field(() => Float, { description: 'Final bill (customer share)' })
  @IsDecimal(2)
  @Min(0)
  finalAmount!: number;

  @Field(() => PaymentMethod)
  @IsEnum(PaymentMethod)
  paymentMethod!: PaymentMethod;

  @Field(() => Float)
  @IsDecimal(2)
  @Min(0)
  paidAmount!: number;

  @Field(() => ID, { description: 'Who hands the car over: the original advisor' })
  @IsString()
  @Length(1, 64)
  deliveredBy!: string;

  @Field({ nullable: true, description: 'The settlement was presented (standard: paid within 5 min; paid = this delivery)' })
  @IsOptional()
  @Type(() => Date)
  @IsDate({ message: 'must be an ISO-8601 timestamp' })
  settlementPresentedAt?: Date;

  @Field({ nullable: true, description: 'The old parts were shown to the customer (checkbox; unanswered = not measured)' })
  @IsOptional()
  @IsBoolean()
  oldPartsShown?: boolean;
}

@ObjectType('RepairQualityCheck')
export class QualityCheckModel {
  @Field(() => Int) round!: number;
  @Field(() => QcLevel) level!: QcLevel;
  @Field() passed!: boolean;
  @Field() inspectorId!: string;
  @Field(() => String, { nullable: true }) notes!: string | null;
  @Field() at!: Date;
}

@ObjectType('RepairEstimate')
export class EstimateModel {
  @Field(() => Float) total!: number;
  @Field(() => Float, { description: 'Customer share (warranty items excluded)' }) customer!: number;
  @Field(() => Float) laborHours!: number;
}

@ObjectType('RepairRepeatOf')
export class RepeatOfModel {
  @Field(() => ID) repairOrderId!: string;
  @Field(() => ID) serviceCenterId!: string;
  @Field() deliveredAt!: Date;
}

@ObjectType('RepairPartsRequest')
export class PartsRequestModel {
  @Field(() => ID) requestId!: string;
  @Field({ description: 'REQUESTED, RESERVED or SHORT' }) status!: string;
  @Field(() => [String]) partNumbers!: string[];
}

@ObjectType('RepairSettlement')
export class SettlementModel {
  @Field(() => Float) finalAmount!: number;
  @Field(() => Float) paidAmount!: number;
  @Field(() => PaymentMethod) paymentMethod!: PaymentMethod;
  @Field() paidAt!: Date;
  @Field({ description: '|final - estimate| < 10% of the estimate' }) estimateAccurate!: boolean;
  @Field() onTime!: boolean;
}

@ObjectType('WorkshopFollowUp')
export class FollowUpModel {
  @Field(() => ID) id!: string;
  @Field(() => ID) repairOrderId!: string;
  @Field(() => ID) serviceCenterId!: string;
  @Field({ description: 'FIRST (3 working days, never later than 7) or SECOND (2 weeks)' }) kind!: string;
  @Field({ description: 'Local date whose call list carries it' }) scheduledFor!: string;
  @Field() dueAt!: Date;
  @Field({ description: 'OPEN, CALL_REQUESTED (to the call center) or DONE' }) status!: string;
  @Field(() => CustomerType) customer!: CustomerType;
  @Field(() => VehicleType) vehicle!: VehicleType;
  @Field(() => Boolean, { nullable: true, description: 'The customer was reached' }) connected!: boolean | null;
  @Field(() => String, {
    nullable: true,
    description: 'REACHED, or UNREACHABLE (the workshop could not reach the customer, or the call center gave up after the required calls); null while not done',
  })
  outcome!: string | null;
  @Field(() => Boolean, { nullable: true, description: 'Is the problem solved (asked by the call center)' }) solved!: boolean | null;
  @Field(() => Boolean, { nullable: true }) satisfied!: boolean | null;
  @Field(() => String, { nullable: true }) complaint!: string | null;
  @Field(() => String, { nullable: true }) notes!: string | null;
  @Field(() => Date, { nullable: true }) recordedAt!: Date | null;
  @Field(() => String, { nullable: true, description: 'WORKSHOP, or CALL_CENTER when the call was handed over' }) recordedVia!: string | null;
  @Field(() => ID, { nullable: true, description: "The call center's outbound task" }) callTaskId!: string | null;
  @Field(() => Int, { nullable: true, description: 'Calls the call center made, unanswered ones included' }) callAttempts!: number | null;
  @Field(() => Int, { nullable: true, description: 'Length of the connected call (standard: about 3 min)' }) callDurationSeconds!: number | null;
}

@ObjectType()
export class RepairOrder {
  @Field(() => ID) id!: string;
  @Field(() => ID) serviceCenterId!: string;
  @Field(() => ID) regionId!: string;
  @Field(() => RepairOrderStatus) status!: RepairOrderStatus;
  @Field(() => [String], { description: 'Actions the current status allows' }) allowedActions!: string[];
  @Field(() => ID, { nullable: true }) appointmentId!: string | null;
  @Field(() => String, { nullable: true, description: 'PROACTIVE or PASSIVE when from an appointment' }) appointmentOrigin!: string | null;
  @Field(() => ID) advisorId!: string;
  @Field(() => CustomerType) customer!: CustomerType;
  @Field(() => VehicleType) vehicle!: VehicleType;
  @Field(() => WalkAroundModel) walkAround!: WalkAroundModel;
  @Field() faultDescription!: string;
  @Field() faultCode!: string;
  @Field(() => [RepairItemModel]) items!: RepairItemModel[];
  @Field(() => EstimateModel) estimate!: EstimateModel;
  @Field(() => EstimateModel, { description: 'As signed at reception' }) initialEstimate!: EstimateModel;
  @Field() promisedAt!: Date;
  @Field(() => SignatureType) customerSignature!: SignatureType;
  @Field(() => NextMaintenanceType) nextMaintenance!: NextMaintenanceType;
  @Field({ description: 'Back for the same fault or operation within the window (red tag)' }) repeatRepair!: boolean;
  @Field(() => RepeatOfModel, { nullable: true }) repeatOf!: RepeatOfModel | null;
  @Field(() => ID, { nullable: true }) technicianId!: string | null;
  @Field(() => String, { nullable: true }) bayId!: string | null;
  @Field(() => Int) reworkCount!: number;
  @Field(() => [PartsRequestModel]) partsRequests!: PartsRequestModel[];
  @Field({ description: 'Was short of parts at some point' }) partsShortage!: boolean;
  @Field(() => [QualityCheckModel]) qualityChecks!: QualityCheckModel[];
  @Field(() => Date, { nullable: true }) workCompletedAt!: Date | null;
  @Field(() => SettlementModel, { nullable: true }) settlement!: SettlementModel | null;
  @Field(() => Date, { nullable: true }) deliveredAt!: Date | null;
  @Field(() => [FollowUpModel]) followUps!: FollowUpModel[];
  @Field() openedAt!: Date;
  @Field(() => ServiceTimesModel, { description: 'Moments the service-time standards measure' }) serviceTimes!: ServiceTimesModel;
  @Field({ description: 'The network policy version its numbers come from (see the network\'s `policy` query); `SEED` for older ones' }) policyVersion!: string;
}

@ObjectType('VehicleVisit')
export class VehicleVisitModel {
  @Field(() => ID) repairOrderId!: string;
  @Field(() => ID) serviceCenterId!: string;
  @Field() openedAt!: Date;
  @Field(() => Date, { nullable: true }) deliveredAt!: Date | null;
  @Field() faultCode!: string;
  @Field(() => [String]) operations!: string[];
  @Field(() => Int, { nullable: true }) mileageKm!: number | null;
  @Field() repeatRepair!: boolean;
  @Field({ description: 'PLATFORM for a repair order opened here, DMS for a past visit imported from a dealer DMS' }) source!: string;
  @Field(() => String, { nullable: true, description: "The dealer's DMS repair-order number of an imported visit" }) dmsRoNumber!: string | null;
}

@InputType()
export class FollowUpResultInput {
  @Field({ description: 'The customer was reached' })
  @IsBoolean()
  connected!: boolean;

  @Field({ nullable: true })
  @IsOptional()
  @IsBoolean()
  satisfied?: boolean;

  @Field({ nullable: true, description: 'A complaint raised in the call: goes to complaints' })
  @IsOptional()
  @IsString()
  @Length(1, 8000)
  @IsPlainText()
  complaint?: string;

  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  @IsPlainText()
  notes?: string;

  @Field(() => Int, { nullable: true, description: 'Length of the call in seconds (standard: about 3 min)' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(14_400)
  callDurationSeconds?: number;
}
