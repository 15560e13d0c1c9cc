import { Field, ID, InputType, ObjectType } from '@nestjs/graphql';
import { IsBoolean, IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import type { Channel, InvitationState, TriggerKind } from '@aftersales/domain-surveys';
import { ChannelEnum, IncentiveKindEnum, InvitationStateEnum, LanguageEnum, TriggerKindEnum } from '../common/enums';
import { IsPlainText } from '@aftersales/contracts';

@ObjectType()
export class SurveyConsent {
  @Field() given!: boolean;
  @Field() at!: Date;
  @Field() by!: string;
  @Field(() => IncentiveKindEnum, { nullable: true }) incentiveKind!: string | null;
  @Field(() => String, { nullable: true }) incentiveDescription!: string | null;
}

@ObjectType({ description: 'A survey scheduled from a service event' })
export class SurveyInvitation {
  @Field(() => ID) id!: string;
  @Field(() => ID) serviceCenterId!: string;
  @Field(() => TriggerKindEnum) trigger!: TriggerKind;
  @Field({ description: 'The repair order, job order or complaint the survey is about' }) sourceId!: string;
  @Field(() => ID, { nullable: true }) jobOrderId!: string | null;
  @Field(() => ID, { nullable: true }) repairOrderId!: string | null;
  @Field(() => ID, { nullable: true }) complaintId!: string | null;
  @Field(() => ChannelEnum) channel!: Channel;
  @Field(() => InvitationStateEnum, { description: 'Past its expiry an open invitation reads EXPIRED' }) state!: InvitationState;
  @Field(() => LanguageEnum) language!: string;
  @Field() customerName!: string;
  @Field() dueAt!: Date;
  @Field({ description: 'The network policy version its delay comes from (see the network\'s `policy` query); `SEED` for older ones' }) policyVersion!: string;
  @Field(() => Date, { nullable: true }) remindAt!: Date | null;
  @Field() reminded!: boolean;
  @Field() expiresAt!: Date;
  @Field(() => SurveyConsent, { nullable: true }) consent!: SurveyConsent | null;
  @Field(() => Date, { nullable: true }) answeredAt!: Date | null;
  @Field() questionnaireId!: string;
  @Field() questionnaireVersion!: number;
  regionId!: string;
}

@InputType({ description: 'Asked first whether the customer has time (a survey is long); incentives may be offered' })
export class ConsentInput {
  @Field(() => ID) @IsString() @Matches(/^[A-Z_]+:.+$/, { message: 'must be a survey invitation id' }) invitationId!: string;
  @Field() @IsBoolean() given!: boolean;
  @Field(() => IncentiveKindEnum, { nullable: true }) @IsOptional() @IsIn(['NONE', 'GIFT', 'DISCOUNT']) incentiveKind?: 'NONE' | 'GIFT' | 'DISCOUNT';
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(500) @IsPlainText() incentiveDescription?: string;
}
