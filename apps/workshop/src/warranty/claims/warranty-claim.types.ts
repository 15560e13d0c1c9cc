import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsOptional, IsString, Length, Max, ValidateNested } from 'class-validator';
import { IsDecimal, IsPlainText } from '@aftersales/contracts';

export enum WarrantyClaimStatus {
  SUBMITTED = 'SUBMITTED',
  INFO_REQUESTED = 'INFO_REQUESTED',
  APPROVED = 'APPROVED',
  REJECTED = 'REJECTED',
}
registerEnumType(WarrantyClaimStatus, { name: 'WarrantyClaimStatus' });

@InputType()
export class WarrantyClaimLineInput {
  @Field(() => ID, { description: 'A covered item of the repair order' })
  @IsString()
  @Length(1, 128)
  itemId!: string;

  @Field(() => Float, { description: 'Amount claimed: above 0, at most the item amount' })
  @IsDecimal(2)
  @Max(10_000_000)
  amount!: number;
}

@InputType()
export class SubmitWarrantyClaimInput {
  @Field(() => ID)
  @IsString()
  @Length(1, 64)
  repairOrderId!: string;

  @Field(() => [WarrantyClaimLineInput])
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => WarrantyClaimLineInput)
  lines!: WarrantyClaimLineInput[];

  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @Length(1, 4000)
  @IsPlainText()
  note?: string;
}

@ObjectType('WarrantyClaimLine')
export class WarrantyClaimLineModel {
  @Field(() => ID) itemId!: string;
  @Field() kind!: string;
  @Field() code!: string;
  @Field() description!: string;
  @Field(() => ID, { nullable: true }) policyId!: string | null;
  @Field(() => Float) amount!: number;
}

@ObjectType('WarrantyClaimEvent')
export class WarrantyClaimEventModel {
  @Field({ description: 'SUBMITTED, INFO_REQUESTED, RESUBMITTED, APPROVED or REJECTED' }) action!: string;
  @Field() by!: string;
  @Field() at!: Date;
  @Field(() => String, { nullable: true, description: 'Note, question, answer or reason' }) note!: string | null;
}

@ObjectType('WarrantyClaim')
export class WarrantyClaimModel {
  @Field(() => ID) id!: string;
  @Field(() => ID) serviceCenterId!: string;
  @Field(() => ID, { description: 'The region it is submitted to' }) regionId!: string;
  @Field(() => ID) repairOrderId!: string;
  @Field() vin!: string;
  @Field(() => [WarrantyClaimLineModel]) lines!: WarrantyClaimLineModel[];
  @Field(() => Float) total!: number;
  @Field(() => WarrantyClaimStatus) status!: WarrantyClaimStatus;
  @Field(() => [String], { description: 'Actions the current status allows' }) allowedActions!: string[];
  @Field() submittedAt!: Date;
  @Field(() => Date, { nullable: true }) decidedAt!: Date | null;
  @Field(() => String, { nullable: true }) decidedBy!: string | null;
  @Field(() => String, { nullable: true }) rejectionReason!: string | null;
  @Field(() => Int, { nullable: true, description: "Working days from first submission to decision (the center's calendar)" }) daysToDecision!: number | null;
  @Field(() => [WarrantyClaimEventModel]) history!: WarrantyClaimEventModel[];
}

@ObjectType('WarrantyKpiMonth')
export class WarrantyKpiMonthModel {
  @Field({ description: 'yyyy-mm in the center\'s zone; "total" for the whole range' }) month!: string;
  @Field(() => Int, { description: 'Repair orders opened' }) repairOrders!: number;
  @Field(() => Int, { description: 'Claims first submitted' }) claimsSubmitted!: number;
  @Field(() => Int, { description: 'Claims approved (decided in the month)' }) approved!: number;
  @Field(() => Int, { description: 'Claims rejected (decided in the month)' }) rejected!: number;
  @Field(() => Float, { nullable: true, description: 'Claims submitted / repair orders opened' }) claimRate!: number | null;
  @Field(() => Float, { nullable: true, description: 'Rejected / decided' }) rejectionRate!: number | null;
  @Field(() => Float, { nullable: true, description: "Mean working days from first submission to decision, in the center's working calendar" }) averageDaysToDecision!: number | null;
}

@ObjectType('WarrantyKpis')
export class WarrantyKpisModel {
  @Field(() => ID) serviceCenterId!: string;
  @Field() from!: string;
  @Field() to!: string;
  @Field(() => WarrantyKpiMonthModel) total!: WarrantyKpiMonthModel;
  @Field(() => [WarrantyKpiMonthModel]) months!: WarrantyKpiMonthModel[];
}
