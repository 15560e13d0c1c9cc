import { Field, ID, InputType, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsDate, IsEnum, IsOptional, IsString, Length, MaxLength, ValidateNested } from 'class-validator';
import { CustomerType, VehicleType } from '../common/types';
import { SlotKind } from '../setup/setup.types';
import { IsPlainText } from '@aftersales/contracts';

export enum AppointmentOrigin {
  PROACTIVE = 'PROACTIVE',
  PASSIVE = 'PASSIVE',
}
export enum AppointmentStatus {
  PROPOSED = 'PROPOSED',
  BOOKED = 'BOOKED',
  ARRIVED = 'ARRIVED',
  NO_SHOW = 'NO_SHOW',
  CANCELLED = 'CANCELLED',
  DECLINED = 'DECLINED',
}
export enum ArrivalClass {
  ON_TIME = 'ON_TIME',
  LATE = 'LATE',
  NO_SHOW = 'NO_SHOW',
}
registerEnumType(AppointmentOrigin, { name: 'AppointmentOrigin', description: 'PROACTIVE: the center called the customer; PASSIVE: the customer called' });
registerEnumType(AppointmentStatus, { name: 'AppointmentStatus' });
registerEnumType(ArrivalClass, { name: 'ArrivalClass' });

@InputType()
export class BookAppointmentInput {
  @Field(() => ID)
  @IsString()
  @Length(1, 64)
  serviceCenterId!: string;

  @Field({ description: 'Start of a slot (see availableSlots)' })
  @Type(() => Date)
  @IsDate({ message: 'must be an ISO-8601 timestamp' })
  slotStart!: Date;

  @Field(() => CustomerType)
  @ValidateNested()
  @Type(() => CustomerType)
  customer!: CustomerType;

  @Field(() => VehicleType)
  @ValidateNested()
  @Type(() => VehicleType)
  vehicle!: VehicleType;

  @Field(() => AppointmentOrigin)
  @IsEnum(AppointmentOrigin)
  origin!: AppointmentOrigin;

  @Field({ nullable: true, description: 'Maintenance or repair wished, for preparing staff, bay and parts' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  @IsPlainText()
  request?: string;
}

@ObjectType('AppointmentSlot')
export class SlotModel {
  @Field()
  start!: Date;

  @Field()
  end!: Date;

  @Field(() => SlotKind)
  kind!: SlotKind;

  @Field(() => [String], { description: 'Bays still free in this slot for an appointment' })
  freeBays!: string[];
}

@ObjectType({ description: 'The campaign call that booked an appointment' })
export class AppointmentCampaign {
  @Field(() => ID)
  id!: string;

  @Field({ description: 'RECALL, SERVICE or CARE' })
  kind!: string;

  @Field()
  name!: string;

  @Field(() => ID, { description: "The call center's task of the call" })
  taskId!: string;

  @Field({ description: 'The slot the customer chose; slotStart differs when it was taken before the workshop heard of the call' })
  requestedSlotStart!: Date;
}

@ObjectType({ description: 'The fault a connected car reported, which the appointment was proposed for' })
export class AppointmentFault {
  @Field(() => ID, { description: "The call center's telematics event" })
  reportId!: string;

  @Field({ description: 'OBD-II fault code, e.g. P0301' })
  code!: string;

  @Field({ description: 'MAJOR or CRITICAL' })
  severity!: string;

  @Field()
  odometerKm!: number;

  @Field()
  description!: string;
}

@ObjectType()
export class Appointment {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  serviceCenterId!: string;

  @Field()
  slotStart!: Date;

  @Field({ description: 'The bay is held for the customer until then' })
  slotEnd!: Date;

  @Field(() => SlotKind)
  slotKind!: SlotKind;

  @Field()
  bayId!: string;

  @Field(() => CustomerType)
  customer!: CustomerType;

  @Field(() => VehicleType)
  vehicle!: VehicleType;

  @Field(() => AppointmentOrigin)
  origin!: AppointmentOrigin;

  @Field(() => String, { nullable: true })
  request!: string | null;

  @Field(() => AppointmentCampaign, { nullable: true, description: 'Set when a campaign call booked it (origin PROACTIVE)' })
  campaign!: AppointmentCampaign | null;

  @Field(() => AppointmentFault, { nullable: true, description: 'Set when the workshop proposed it for a reported fault (status PROPOSED until confirmed or declined)' })
  fault!: AppointmentFault | null;

  @Field(() => AppointmentStatus)
  status!: AppointmentStatus;

  @Field({ description: 'One hour before the slot' })
  reminderDueAt!: Date;

  @Field(() => Date, { nullable: true })
  remindedAt!: Date | null;

  @Field(() => Date, { nullable: true })
  arrivedAt!: Date | null;

  @Field(() => ArrivalClass, { nullable: true })
  arrival!: ArrivalClass | null;

  @Field(() => ID, { nullable: true })
  repairOrderId!: string | null;

  @Field()
  createdAt!: Date;
}

@ObjectType({ description: 'Either the booked appointment, or (slot taken) at least two alternative times' })
export class BookingResult {
  @Field(() => Appointment, { nullable: true })
  appointment!: Appointment | null;

  @Field(() => [SlotModel])
  alternatives!: SlotModel[];

  @Field(() => String, { nullable: true })
  reason!: string | null;
}
