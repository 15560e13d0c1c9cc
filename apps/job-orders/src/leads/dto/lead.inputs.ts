import { Field, ID, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsBoolean, IsDate, IsIn, IsOptional, IsString, Length, MaxLength } from 'class-validator';
import { IsPlainText } from '@aftersales/contracts';
import { LEAD_CLOSE_REASONS, LEAD_NOTE_MAX, LEAD_STATUSES } from '@aftersales/domain-job-orders';
import { LeadCloseReason, LeadStatus } from '../lead.model';

@InputType()
export class LeadFilter {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsString()
  serviceCenterId?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsString()
  regionId?: string;

  @Field(() => LeadStatus, { nullable: true })
  @IsOptional()
  @IsIn(LEAD_STATUSES)
  status?: string;

  @Field({ nullable: true, description: 'Still NEW after the contact deadline' })
  @IsOptional()
  @IsBoolean()
  overdue?: boolean;
}

@InputType()
export class UpdateLeadStatusInput {
  @Field(() => ID)
  @IsString()
  @Length(1, 64)
  leadId!: string;

  @Field(() => LeadStatus, { description: 'Forward only; SOLD and LOST close the lead' })
  @IsIn(LEAD_STATUSES)
  status!: (typeof LEAD_STATUSES)[number];

  @Field(() => LeadCloseReason, { nullable: true, description: 'Required with SOLD and LOST, from the list of that status; refused otherwise' })
  @IsOptional()
  @IsIn(LEAD_CLOSE_REASONS)
  reason?: string;

  @Field({ nullable: true, description: `Free text, kept as typed (at most ${LEAD_NOTE_MAX} characters); required with SOLD and LOST` })
  @IsOptional()
  @IsString()
  @IsPlainText()
  @MaxLength(LEAD_NOTE_MAX)
  note?: string;

  @Field({ nullable: true, description: 'When it happened (default: now); not in the future, not before the previous step' })
  @IsOptional()
  @Type(() => Date)
  @IsDate()
  at?: Date;
}
