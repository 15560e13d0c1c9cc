import type { TaskDoc } from './task.schema';
import { Field, ID, InputType, ObjectType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsBoolean, IsDate, IsEnum, IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';
import { CampaignCallOutcome, CreatableOutboundKind, OutboundKind, TaskState } from '../common/enums';
import { CustomerInput } from '../calls/dto';
import { IsPlainLine, IsPlainText } from '@aftersales/contracts';

@InputType()
export class CompleteTaskInput {
  @Field(() => ID) @IsString() taskId!: string;
  @Field({ description: 'Was the customer reached?' }) @IsBoolean() contacted!: boolean;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(4000) @IsPlainText() notes?: string | null;
}

@InputType({ description: 'The three follow-up questions; a reason whenever the customer is unreachable or not satisfied' })
export class FollowUpInput {
  @Field(() => ID) @IsString() taskId!: string;
  @Field() @IsBoolean() contacted!: boolean;
  @Field(() => Boolean, { nullable: true }) @IsOptional() @IsBoolean() solved?: boolean | null;
  @Field(() => Boolean, { nullable: true }) @IsOptional() @IsBoolean() satisfied?: boolean | null;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(4000) @IsPlainText() reason?: string | null;
}

@InputType({
  description:
    'One call of a workshop follow-up: reached, the three questions (and a complaint the customer raised); not reached, why. ' +
    'The workshop gets the answers, or "unreachable" once the required calls all went unanswered.',
})
export class WorkshopFollowUpCallInput {
  @Field(() => ID) @IsString() taskId!: string;
  @Field({ description: 'Was the customer reached on this call?' }) @IsBoolean() contacted!: boolean;
  @Field(() => Boolean, { nullable: true }) @IsOptional() @IsBoolean() solved?: boolean | null;
  @Field(() => Boolean, { nullable: true }) @IsOptional() @IsBoolean() satisfied?: boolean | null;
  @Field(() => String, { nullable: true, description: 'Why not solved or not satisfied; why not reached (no answer, switched off, wrong number)' })
  @IsOptional() @IsString() @MaxLength(4000) @IsPlainText() reason?: string | null;
  @Field(() => String, { nullable: true, description: 'A complaint the customer raised: the workshop hands it to complaints' })
  @IsOptional() @IsString() @MaxLength(8000) @IsPlainText() complaint?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(4000) @IsPlainText() notes?: string | null;
}

@InputType()
export class CreateTaskInput {
  @Field(() => CreatableOutboundKind) @IsEnum(CreatableOutboundKind) kind!: 'CUSTOMER_CARE' | 'SATISFACTION_SURVEY' | 'SERVICE_CAMPAIGN';
  @Field(() => CustomerInput) @ValidateNested() @Type(() => CustomerInput) customer!: CustomerInput;
  @Field() @Type(() => Date) @IsDate() dueAt!: Date;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsString() agentId?: string | null;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsString() serviceCenterId?: string | null;
  @Field(() => String, { nullable: true, description: 'Campaign name or id' }) @IsOptional() @IsString() @MaxLength(200) @IsPlainLine() campaign?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(4000) @IsPlainText() notes?: string | null;
}

@ObjectType('OutboundCustomer')
export class OutboundCustomer {
  @Field() name!: string;
  @Field(() => String, { nullable: true }) phone!: string | null;
  @Field() country!: string;
}

@ObjectType('OutboundSource')
export class OutboundSource {
  @Field() kind!: string;
  @Field(() => ID) id!: string;
}

@ObjectType('OutboundVehicle')
export class OutboundVehicle {
  @Field() vin!: string;
  @Field(() => String, { nullable: true }) model!: string | null;
}

@ObjectType('OutboundResult')
export class OutboundResult {
  @Field() contacted!: boolean;
  @Field(() => Boolean, { nullable: true }) solved!: boolean | null;
  @Field(() => Boolean, { nullable: true }) satisfied!: boolean | null;
  @Field(() => String, { nullable: true }) reason!: string | null;
  @Field(() => String, { nullable: true }) notes!: string | null;
  @Field() recordedBy!: string;
  @Field(() => CampaignCallOutcome, { nullable: true, description: 'Campaign calls: what the call came to' }) outcome?: string | null;
}

@ObjectType('OutboundCallAttempt')
export class OutboundCallAttempt {
  @Field() at!: Date;
  @Field() by!: string;
  @Field() reached!: boolean;
  @Field(() => String, { nullable: true }) reason!: string | null;
}

@ObjectType('OutboundTask')
export class OutboundTaskModel {
  @Field(() => ID) id!: string;
  @Field(() => OutboundKind) kind!: string;
  @Field(() => TaskState) state!: string;
  @Field(() => ID, { nullable: true, description: 'null: in the unassigned pool' }) agentId!: string | null;
  @Field() dueAt!: Date;
  @Field(() => OutboundCustomer) customer!: OutboundCustomer;
  @Field(() => ID, { nullable: true }) serviceCenterId!: string | null;
  @Field(() => OutboundSource) source!: OutboundSource;
  @Field(() => ID, { nullable: true }) jobOrderId!: string | null;
  @Field(() => OutboundVehicle, { nullable: true, description: 'Campaign calls: the vehicle the call is about' }) vehicle?: OutboundVehicle | null;
  @Field(() => Date, { nullable: true, description: 'Contact checks: when the shop was asked to call' }) askedAt!: Date | null;
  @Field(() => String, { nullable: true }) notes!: string | null;
  @Field(() => OutboundResult, { nullable: true }) result!: OutboundResult | null;
  @Field(() => [OutboundCallAttempt], { description: 'Calls made on a workshop follow-up, unanswered ones included; empty on other tasks' })
  attempts!: OutboundCallAttempt[];
  @Field(() => Date, { nullable: true }) settledAt!: Date | null;
}

/** A task as the graph shows it, wherever it is returned: `attempts` is a list, empty until an unanswered call is kept. */
export const toTaskModel = ({ _id, attempts, ...rest }: TaskDoc): OutboundTaskModel => ({ id: _id, ...rest, attempts: attempts ?? [] }) as OutboundTaskModel;
