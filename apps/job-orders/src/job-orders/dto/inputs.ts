import { Field, ID, InputType } from '@nestjs/graphql';
import { ArrayMaxSize, IsArray, IsBoolean, IsDate, IsIn, IsOptional, IsString, Length, MaxLength } from 'class-validator';
import { Type } from 'class-transformer';
import { JOB_ORDER_STATUSES, MANDATORY_REASONS, TIERS } from '@aftersales/domain-job-orders';
import { JobOrderStatus, MandatoryReason, Tier } from '../job-order.model';
import { IsPersonName, IsPlainText } from '@aftersales/contracts';

@InputType()
export class JobOrderFilter {
  @Field(() => JobOrderStatus, { nullable: true })
  @IsOptional()
  @IsIn(JOB_ORDER_STATUSES)
  status?: string;

  @Field(() => ID, { nullable: true, description: 'Orders this center holds or held' })
  @IsOptional()
  @IsString()
  serviceCenterId?: string;

  @Field(() => Tier, { nullable: true })
  @IsOptional()
  @IsIn(TIERS)
  tier?: (typeof TIERS)[number];

  @Field({ nullable: true, description: 'A running SLA clock is past due' })
  @IsOptional()
  @IsBoolean()
  overdue?: boolean;

  @Field({ nullable: true, description: 'Some SLA clock has breached' })
  @IsOptional()
  @IsBoolean()
  breached?: boolean;
}

@InputType()
export class HolderActionInput {
  @Field(() => ID)
  @IsString()
  @Length(1, 64)
  jobOrderId!: string;

  @Field(() => ID, { nullable: true, description: 'Which of your centers acts, when several of them hold the order' })
  @IsOptional()
  @IsString()
  serviceCenterId?: string;
}

@InputType()
export class RecordContactInput extends HolderActionInput {
  @Field({ nullable: true, description: 'When the customer was contacted (default: now)' })
  @IsOptional()
  @Type(() => Date)
  @IsDate()
  contactedAt?: Date;
}

/**
 * Shape only: the completeness and wording rules are the reply checker's, and a reply failing them
 * is returned with its reasons (not BAD_USER_INPUT).
 */
@InputType()
export class ReplyInput extends HolderActionInput {
  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  @IsPersonName()
  responsiblePerson?: string;

  @Field({ nullable: true })
  @IsOptional()
  @Type(() => Date)
  @IsDate()
  handledAt?: Date;

  @Field({ nullable: true, description: 'How it was handled: parts replaced, who was contacted' })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  @IsPlainText()
  procedure?: string;

  @Field({ nullable: true, description: 'The final result for the customer' })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  @IsPlainText()
  result?: string;

  @Field({ nullable: true, description: 'The manager who verified it' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  @IsPersonName()
  verifiedBy?: string;

  @Field({ nullable: true })
  @IsOptional()
  @Type(() => Date)
  @IsDate()
  verifiedAt?: Date;

  @Field({ nullable: true })
  @IsOptional()
  @IsBoolean()
  customerAccepts?: boolean;

  @Field({ nullable: true })
  @IsOptional()
  @IsBoolean()
  followUpPossible?: boolean;

  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  @IsPlainText()
  noFollowUpReason?: string;
}

@InputType()
export class MandatoryClosureInput extends ReplyInput {
  @Field(() => MandatoryReason)
  @IsIn(MANDATORY_REASONS)
  reason!: (typeof MANDATORY_REASONS)[number];
}

@InputType()
export class DecideMandatoryClosureInput {
  @Field(() => ID)
  @IsString()
  jobOrderId!: string;

  @Field()
  @IsBoolean()
  approve!: boolean;

  @Field()
  @IsString()
  @Length(1, 2000)
  @IsPlainText()
  note!: string;
}

@InputType()
export class PauseInput extends HolderActionInput {
  @Field({ description: 'What the order waits for on the customer side' })
  @IsString()
  @Length(3, 1000)
  @IsPlainText()
  reason!: string;
}

@InputType()
export class FollowUpFailedInput {
  @Field(() => ID)
  @IsString()
  jobOrderId!: string;

  @Field({ description: 'Why the customer could not be reached' })
  @IsString()
  @Length(3, 2000)
  @IsPlainText()
  note!: string;
}

@InputType()
export class RedistributeInput {
  @Field(() => ID)
  @IsString()
  jobOrderId!: string;

  @Field(() => [ID])
  @IsArray()
  @ArrayMaxSize(5)
  @IsString({ each: true })
  serviceCenterIds!: string[];

  @Field({ description: 'Also to the HQ service department' })
  @IsBoolean()
  toHq!: boolean;
}
