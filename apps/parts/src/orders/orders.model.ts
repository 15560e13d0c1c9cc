import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsEnum, IsInt, Matches, Max, Min, ValidateNested } from 'class-validator';
import { ORDER_STATUSES, PART_NUMBER_PATTERN } from '@aftersales/domain-parts';

export enum PartsOrderStatus {
  SUBMITTED = 'SUBMITTED',
  PARTLY_SHIPPED = 'PARTLY_SHIPPED',
  SHIPPED = 'SHIPPED',
  COMPLETED = 'COMPLETED',
  CANCELLED = 'CANCELLED',
}
registerEnumType(PartsOrderStatus, { name: 'PartsOrderStatus' });
export const _statusesMatch: readonly (keyof typeof PartsOrderStatus)[] = ORDER_STATUSES;

export enum FillRateGrouping {
  DEALER = 'DEALER',
  REGION = 'REGION',
  PART = 'PART',
  CLASS = 'CLASS',
}
registerEnumType(FillRateGrouping, { name: 'FillRateGrouping' });

@InputType()
export class PartsOrderLineInput {
  @Field()
  @Matches(PART_NUMBER_PATTERN, { message: 'must be 3-40 uppercase letters, digits or dashes' })
  partNumber!: string;

  @Field(() => Int)
  @IsInt()
  @Min(1)
  @Max(10_000)
  quantity!: number;
}

@InputType()
export class SubmitPartsOrderInput {
  @Field(() => ID, { description: 'The ordering location (a dealer or a regional parts center)' })
  @Matches(/^[a-z0-9][a-z0-9-]{1,63}$/, { message: 'must be a service center id' })
  locationId!: string;

  @Field(() => [PartsOrderLineInput])
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => PartsOrderLineInput)
  lines!: PartsOrderLineInput[];
}

@InputType()
export class FillRateInput {
  @Field(() => FillRateGrouping)
  @IsEnum(FillRateGrouping)
  groupBy!: FillRateGrouping;
}

@ObjectType()
export class PartsOrderLine {
  @Field()
  lineId!: string;

  @Field()
  partNumber!: string;

  @Field(() => Int)
  requested!: number;

  @Field(() => Int, { nullable: true, description: 'Units in the first delivery' })
  firstDelivery!: number | null;

  @Field(() => Int)
  shipped!: number;

  @Field(() => Int)
  received!: number;

  @Field(() => Int, { description: 'Still to ship' })
  backordered!: number;

  @Field({ description: 'Fully served by the first delivery' })
  filledAtFirstDelivery!: boolean;
}

@ObjectType()
export class ShipmentLine {
  @Field()
  lineId!: string;

  @Field(() => Int)
  quantity!: number;
}

@ObjectType()
export class Shipment {
  @Field(() => Int)
  no!: number;

  @Field()
  shippedAt!: Date;

  @Field(() => Date, { nullable: true })
  receivedAt!: Date | null;

  @Field(() => [ShipmentLine])
  lines!: ShipmentLine[];
}

@ObjectType()
export class FillRateFigure {
  @Field(() => Int)
  filled!: number;

  @Field(() => Int)
  total!: number;

  @Field(() => Float, { nullable: true })
  rate!: number | null;
}

@ObjectType()
export class PartsOrder {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  locationId!: string;

  @Field(() => ID)
  supplierId!: string;

  @Field(() => ID)
  regionId!: string;

  @Field(() => PartsOrderStatus)
  status!: PartsOrderStatus;

  @Field(() => [String], { description: 'Steps allowed from the current status' })
  allowedActions!: string[];

  @Field(() => [PartsOrderLine])
  lines!: PartsOrderLine[];

  @Field(() => [Shipment])
  shipments!: Shipment[];

  @Field(() => FillRateFigure, { description: 'Lines filled at first delivery' })
  lineFillRate!: FillRateFigure;

  @Field({ description: 'Every line filled at first delivery' })
  orderFilled!: boolean;

  @Field()
  submittedAt!: Date;

  @Field(() => Date, { nullable: true })
  completedAt!: Date | null;

  @Field(() => Float, { nullable: true, description: 'Submission to last receipt, hours' })
  supplyCycleHours!: number | null;
}

@ObjectType()
export class FillRateRow {
  @Field()
  key!: string;

  @Field(() => FillRateFigure)
  lines!: FillRateFigure;

  @Field(() => FillRateFigure, { description: 'Orders whose every line was filled (not for PART or CLASS grouping)', nullable: true })
  orders!: FillRateFigure | null;
}
