import { Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { IsBoolean, IsOptional, IsString, Length } from 'class-validator';
import { IsPlainText } from '@aftersales/contracts';
import { DECISION_REASONS } from '@aftersales/domain-warranty';
import type { ItemWarrantyDoc } from './item-warranty';
import { WarrantyKind } from './policies/warranty-policy.types';

export enum WarrantyDecisionReason {
  COVERED = 'COVERED',
  NOT_COVERED = 'NOT_COVERED',
  EXCLUDED = 'EXCLUDED',
  OUTSIDE_REGION = 'OUTSIDE_REGION',
  EXPIRED_BY_DATE = 'EXPIRED_BY_DATE',
  EXPIRED_BY_MILEAGE = 'EXPIRED_BY_MILEAGE',
  NO_REGISTRATION = 'NO_REGISTRATION',
  OVERRIDDEN = 'OVERRIDDEN',
}
registerEnumType(WarrantyDecisionReason, {
  name: 'WarrantyDecisionReason',
  description: `Why an item is (not) covered: ${DECISION_REASONS.join(', ')}, or OVERRIDDEN by an advisor`,
});

@ObjectType('WarrantyVerdict')
export class WarrantyVerdictModel {
  @Field() covered!: boolean;
  @Field(() => ID, { nullable: true, description: 'The policy that covers it, or (not covered) the one that came closest' }) policyId!: string | null;
  @Field(() => Int, { nullable: true }) policyVersion!: number | null;
  @Field(() => WarrantyKind, { nullable: true }) kind!: WarrantyKind | null;
  @Field(() => WarrantyDecisionReason) reason!: WarrantyDecisionReason;
}

@ObjectType('WarrantyOverride')
export class WarrantyOverrideModel {
  @Field({ description: 'Who overrode (the advisor)' }) by!: string;
  @Field() at!: Date;
  @Field(() => WarrantyVerdictModel) from!: WarrantyVerdictModel;
  @Field(() => WarrantyVerdictModel) to!: WarrantyVerdictModel;
  @Field() reason!: string;
}

@ObjectType('WarrantyPolicyEvaluation')
export class WarrantyPolicyEvaluationModel {
  @Field(() => ID) policyId!: string;
  @Field(() => Int) policyVersion!: number;
  @Field(() => WarrantyKind) kind!: WarrantyKind;
  @Field() covered!: boolean;
  @Field(() => WarrantyDecisionReason) reason!: WarrantyDecisionReason;
  @Field({ description: 'Last covered local date' }) lastCoveredDate!: string;
  @Field(() => Int, { description: 'Odometer reading up to which it covers (inclusive)' }) mileageLimitKm!: number;
}

@ObjectType('RepairItemWarranty')
export class RepairItemWarrantyModel extends WarrantyVerdictModel {
  @Field({ description: 'When the system decided (the item was added)' }) decidedAt!: Date;
  @Field({ description: "Repair date used: the servicing center's local date" }) repairDate!: string;
  @Field(() => Int, { description: 'Walk-around odometer used' }) mileageKm!: number;
  @Field() overridden!: boolean;
  @Field(() => WarrantyVerdictModel, { description: "The system's own verdict, before any override" }) system!: WarrantyVerdictModel;
  @Field(() => [WarrantyOverrideModel], { description: 'Overrides, oldest first' }) overrides!: WarrantyOverrideModel[];
  @Field(() => [WarrantyPolicyEvaluationModel], { description: "Every policy that could apply, with its own verdict" }) evaluations!: WarrantyPolicyEvaluationModel[];
  @Field(() => ID, { nullable: true, description: 'The warranty claim it is on' }) claimId!: string | null;
}

@InputType()
export class WarrantyOverrideInput {
  @Field({ description: 'The verdict the advisor sets' })
  @IsBoolean()
  covered!: boolean;

  @Field(() => ID, { nullable: true, description: 'Required when covered: the policy that pays' })
  @IsOptional()
  @IsString()
  @Length(1, 64)
  policyId?: string;

  @Field({ description: 'Why (mandatory, audited)' })
  @IsString()
  @Length(3, 1000)
  @IsPlainText()
  reason!: string;
}

export function toItemWarranty(w: ItemWarrantyDoc): RepairItemWarrantyModel {
  return {
    ...(w as unknown as RepairItemWarrantyModel),
    overridden: w.overrides.length > 0,
    claimId: w.claimId ?? null,
  };
}
