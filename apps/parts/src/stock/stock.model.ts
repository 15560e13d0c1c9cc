import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { IsBoolean, IsEnum, IsInt, IsOptional, IsString, Length, Matches, Max, Min, NotEquals } from 'class-validator';
import { ADJUSTMENT_REASONS, MAX_PRICE, PART_NUMBER_PATTERN } from '@aftersales/domain-parts';
import { LocationLevel } from '../common/levels';
import { IsCode, IsDecimal } from '@aftersales/contracts';

export enum ManualMovementType {
  RECEIPT = 'RECEIPT',
  ISSUE = 'ISSUE',
  ADJUSTMENT = 'ADJUSTMENT',
}
registerEnumType(ManualMovementType, { name: 'ManualMovementType', description: 'Movements a location records by hand; the others come from orders, transfers and reservations' });

export enum AdjustmentReason {
  COUNT_CORRECTION = 'COUNT_CORRECTION',
  DAMAGED = 'DAMAGED',
  LOST = 'LOST',
  FOUND = 'FOUND',
  RETURNED_BY_CUSTOMER = 'RETURNED_BY_CUSTOMER',
  EXPIRED = 'EXPIRED',
}
registerEnumType(AdjustmentReason, { name: 'AdjustmentReason' });
// Keeps the GraphQL enum and the domain's list in step.
export const _reasonsMatch: readonly (keyof typeof AdjustmentReason)[] = ADJUSTMENT_REASONS;

const LOCATION_ID = /^[a-z0-9][a-z0-9-]{1,63}$/;

@ObjectType({ description: "A location's own stock of a part, with its costs and planning parameters (owner's view)" })
export class StockItem {
  @Field(() => ID)
  locationId!: string;

  @Field()
  partNumber!: string;

  @Field(() => Int)
  onHand!: number;

  @Field(() => Int)
  reserved!: number;

  @Field(() => Int, { description: 'onHand - reserved' })
  available!: number;

  @Field(() => Int)
  onOrder!: number;

  @Field(() => Float, { description: 'Moving average unit cost paid by this location' })
  avgCost!: number;

  @Field(() => Float)
  stockValue!: number;

  @Field(() => String, { nullable: true, description: 'ABC class from the last classification run' })
  abc!: string | null;

  @Field(() => String, { nullable: true })
  xyz!: string | null;

  @Field(() => Int, { nullable: true })
  safetyStock!: number | null;

  @Field(() => Int, { nullable: true })
  reorderPoint!: number | null;

  @Field(() => Int, { description: 'Ledger entries so far' })
  ledgerSeq!: number;
}

@ObjectType()
export class StockMovement {
  @Field(() => Int)
  seq!: number;

  @Field()
  type!: string;

  @Field(() => Int, { description: 'Units moved (signed for adjustments)' })
  quantity!: number;

  @Field(() => String, { nullable: true })
  reason!: string | null;

  @Field()
  refKind!: string;

  @Field()
  refId!: string;

  @Field(() => Int)
  onHandAfter!: number;

  @Field(() => Int)
  reservedAfter!: number;

  @Field()
  at!: Date;
}

@ObjectType({ description: "Another location's stock as sharing shows it: what it can spare, never its costs" })
export class SharedAvailability {
  @Field(() => ID)
  locationId!: string;

  @Field()
  locationName!: string;

  @Field(() => LocationLevel)
  level!: LocationLevel;

  @Field(() => Float)
  distanceKm!: number;

  @Field(() => Int, { description: 'Units it can share after keeping what its class policy protects' })
  shareable!: number;

  @Field({ description: 'Can cover the whole quantity asked for' })
  coversAll!: boolean;
}

@InputType()
export class StockMovementInput {
  @Field(() => ID)
  @Matches(LOCATION_ID, { message: 'must be a service center id' })
  locationId!: string;

  @Field()
  @Matches(PART_NUMBER_PATTERN, { message: 'must be 3-40 uppercase letters, digits or dashes' })
  partNumber!: string;

  @Field(() => ManualMovementType)
  @IsEnum(ManualMovementType)
  type!: ManualMovementType;

  @Field(() => Int, { description: 'Units; for ADJUSTMENT the signed change' })
  @IsInt()
  @NotEquals(0, { message: 'quantity must not be 0' })
  @Min(-100_000)
  @Max(100_000)
  quantity!: number;

  @Field(() => Float, { nullable: true, description: 'Unit cost of a receipt' })
  @IsOptional()
  @IsDecimal(4)
  @Min(0)
  @Max(MAX_PRICE)
  unitCost?: number;

  @Field(() => AdjustmentReason, { nullable: true })
  @IsOptional()
  @IsEnum(AdjustmentReason)
  reason?: AdjustmentReason;

  @Field({ nullable: true, description: 'ISSUE only: consume units reserved earlier' })
  @IsOptional()
  @IsBoolean()
  fromReserved?: boolean;

  @Field({ nullable: true, description: 'Document behind the movement (delivery note, count sheet)' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  @IsCode()
  reference?: string;
}

@InputType()
export class ReservePartsInput {
  @Field(() => ID)
  @Matches(LOCATION_ID, { message: 'must be a service center id' })
  locationId!: string;

  @Field()
  @Matches(PART_NUMBER_PATTERN, { message: 'must be 3-40 uppercase letters, digits or dashes' })
  partNumber!: string;

  @Field(() => Int)
  @IsInt()
  @Min(1)
  @Max(10_000)
  quantity!: number;

  @Field({ description: 'What the units are held for (repair order, counter sale)' })
  @IsString()
  @Length(1, 100)
  @IsCode()
  reference!: string;
}

@ObjectType()
export class Reservation {
  @Field(() => ID)
  locationId!: string;

  @Field()
  partNumber!: string;

  @Field(() => Int)
  quantity!: number;

  @Field(() => Int, { description: 'Still available after this reservation' })
  availableAfter!: number;

  @Field(() => Int)
  ledgerSeq!: number;
}

@InputType()
export class AvailabilityInput {
  @Field()
  @Matches(PART_NUMBER_PATTERN, { message: 'must be 3-40 uppercase letters, digits or dashes' })
  partNumber!: string;

  @Field(() => Int)
  @IsInt()
  @Min(1)
  @Max(10_000)
  quantity!: number;

  @Field(() => ID, { description: 'The location short of the part' })
  @Matches(LOCATION_ID, { message: 'must be a service center id' })
  forLocationId!: string;
}
