import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsDate,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  Length,
  Matches,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { IsCode, IsEmailAddress, IsPersonName, IsPlainLine, IsPlainText, IsVin } from '@aftersales/contracts';
import { A_FLAGS, COMPLAINT_CLASSES, COMPLAINT_TYPES } from '@aftersales/domain-complaints';
import { AFlagEnum, ComplaintChannelEnum, ComplaintClassEnum, ComplaintStatusEnum, ComplaintTypeEnum, ReturnVisitOutcomeEnum } from '../../common/enums';

const E164 = /^\+[1-9]\d{7,14}$/;
const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,99}$/;

@InputType()
export class ComplaintCustomerInput {
  @Field()
  @IsString()
  @Length(1, 200)
  @IsPersonName()
  name!: string;

  @Field({ nullable: true, description: 'E.164' })
  @IsOptional()
  @Matches(E164, { message: 'must be an E.164 phone number such as +5511987654321' })
  phone?: string;

  @Field({ nullable: true })
  @IsOptional()
  @IsEmailAddress()
  email?: string;

  @Field({ nullable: true, description: 'BCP-47, e.g. pt-BR' })
  @IsOptional()
  @Matches(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, { message: 'must be a BCP-47 language tag' })
  language?: string;
}

@InputType()
export class ComplainantInput {
  @Field()
  @IsString()
  @Length(1, 200)
  @IsPersonName()
  name!: string;

  @Field({ description: 'Phone, email or address' })
  @IsString()
  @Length(3, 300)
  @IsPlainLine()
  contact!: string;
}

@InputType()
export class ComplaintVehicleInput {
  @Field({ description: 'ISO 3779, as typed: case, spaces and dashes do not matter (stored normalized); check digit verified for North American (1-5) and Chinese (L) VINs' })
  @IsVin()
  vin!: string;

  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  model?: string;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(0)
  mileageKm?: number;
}

@InputType({ description: 'A complaint received by email, on the website, from a dealer or by phone' })
export class RegisterComplaintInput {
  @Field(() => ComplaintChannelEnum)
  @IsIn(['PHONE', 'EMAIL', 'WEBSITE', 'DEALER'], { message: 'must be PHONE, EMAIL, WEBSITE or DEALER (surveys arrive as events)' })
  channel!: string;

  @Field(() => ComplaintTypeEnum)
  @IsIn(COMPLAINT_TYPES)
  type!: (typeof COMPLAINT_TYPES)[number];

  @Field(() => ID, { nullable: true, description: 'The distributor concerned; required from a dealer' })
  @IsOptional()
  @Matches(ID_PATTERN, { message: 'must be a service center id' })
  serviceCenterId?: string;

  @Field(() => ComplaintCustomerInput)
  @ValidateNested()
  @Type(() => ComplaintCustomerInput)
  customer!: ComplaintCustomerInput;

  @Field(() => ComplainantInput, { nullable: true, description: 'When someone else complains for the customer' })
  @IsOptional()
  @ValidateNested()
  @Type(() => ComplainantInput)
  complainant?: ComplainantInput;

  @Field(() => ComplaintVehicleInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => ComplaintVehicleInput)
  vehicle?: ComplaintVehicleInput;

  @Field(() => [String], { defaultValue: [] })
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @Length(1, 100, { each: true, message: 'each model must be 1-100 characters' })
  relatedProductModels!: string[];

  @Field()
  @IsString()
  @Length(1, 8000)
  @IsPlainText()
  content!: string;

  @Field(() => [String], { defaultValue: [], description: 'URLs of the images attached to the content' })
  @IsArray()
  @ArrayMaxSize(20)
  @IsUrl({ require_protocol: true, protocols: ['https', 'http'] }, { each: true, message: 'each image must be an http(s) URL' })
  images!: string[];

  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  @IsPlainText()
  requirements?: string;

  @Field({ nullable: true, description: 'The problem, as a code (e.g. ENGINE_NOISE): the same code again is "the same problem"' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  @IsCode()
  problemCode?: string;

  @Field(() => [AFlagEnum], { defaultValue: [] })
  @IsArray()
  @IsIn(A_FLAGS, { each: true })
  flags!: string[];

  @Field({ nullable: true, description: 'When HQ received it (default now); not in the future' })
  @IsOptional()
  @Type(() => Date)
  @IsDate()
  receivedAt?: Date;
}

@InputType('ConfirmComplaintClassInput')
export class ConfirmClassInput {
  @Field(() => ComplaintClassEnum)
  @IsIn(COMPLAINT_CLASSES)
  class!: (typeof COMPLAINT_CLASSES)[number];

  @Field({ nullable: true, description: 'Required when the class differs from the proposal' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  @IsPlainText()
  reason?: string;
}

@InputType('ReclassifyComplaintInput')
export class ReclassifyInput {
  @Field(() => ComplaintClassEnum)
  @IsIn(COMPLAINT_CLASSES)
  class!: (typeof COMPLAINT_CLASSES)[number];

  @Field()
  @IsString()
  @Length(3, 2000)
  @IsPlainText()
  reason!: string;
}

@InputType('TransferComplaintInput')
export class TransferInput {
  @Field(() => ID, { nullable: true, description: 'The distributor, when not known at receipt' })
  @IsOptional()
  @Matches(ID_PATTERN, { message: 'must be a service center id' })
  serviceCenterId?: string;

  @Field()
  @IsString()
  @Length(1, 200)
  @IsPersonName()
  receivingDepartment!: string;

  @Field({ defaultValue: '' })
  @IsString()
  @MaxLength(4000)
  @IsPlainText()
  recipientViews!: string;
}

@InputType('SignComplaintInput')
export class SignInput {
  @Field()
  @IsString()
  @Length(1, 200)
  @IsPersonName()
  handlingPerson!: string;

  @Field()
  @IsString()
  @Length(1, 200)
  @IsPersonName()
  handlingDepartment!: string;
}

@InputType('ComplaintReplyInput')
export class ReplyInput {
  @Field()
  @IsString()
  @Length(1, 4000)
  @IsPlainText()
  message!: string;
}

@InputType('ComplaintSolutionInput')
export class SolutionInput {
  @Field()
  @IsString()
  @Length(1, 8000)
  @IsPlainText()
  solution!: string;

  @Field({ description: 'Affirmation of the facts' })
  @IsString()
  @Length(1, 4000)
  @IsPlainText()
  factAffirmation!: string;

  @Field()
  @IsString()
  @Length(1, 4000)
  @IsPlainText()
  causeAnalysis!: string;

  @Field()
  @IsString()
  @Length(1, 4000)
  @IsPlainText()
  correctivePreventiveMeasures!: string;

  @Field()
  @IsString()
  @Length(1, 200)
  @IsPersonName()
  responsiblePerson!: string;

  @Field({ nullable: true })
  @IsOptional()
  @Type(() => Date)
  @IsDate()
  plannedCompletionTime?: Date;

  @Field({ defaultValue: '' })
  @IsString()
  @MaxLength(2000)
  @IsPlainText()
  progressStatus!: string;
}

@InputType('ComplaintSolutionDecisionInput')
export class SolutionDecisionInput {
  @Field(() => ID, { description: "The general manager's or service director's staff id (from the network)" })
  @IsString()
  @Length(1, 100)
  approverStaffId!: string;

  @Field()
  @IsBoolean()
  approved!: boolean;

  @Field({ defaultValue: '' })
  @IsString()
  @MaxLength(2000)
  @IsPlainText()
  comment!: string;
}

@InputType('PostponeComplaintInput')
export class PostponeInput {
  @Field()
  @Type(() => Date)
  @IsDate()
  until!: Date;

  @Field()
  @IsString()
  @MaxLength(2000)
  @IsPlainText()
  reason!: string;
}

@InputType('ComplaintReturnVisitInput')
export class ReturnVisitInput {
  @Field(() => ReturnVisitOutcomeEnum)
  @IsIn(['SATISFIED', 'REFUSED_TO_COMMENT', 'UNSATISFIED'])
  outcome!: 'SATISFIED' | 'REFUSED_TO_COMMENT' | 'UNSATISFIED';

  @Field()
  @IsString()
  @Length(1, 4000)
  @IsPlainText()
  assessment!: string;
}

@InputType('CloseComplaintInput')
export class CloseInput {
  @Field({ nullable: true, description: 'When the customer refused to comment: how HQ confirmed the situation with the distributor' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  @IsPlainText()
  hqConfirmation?: string;
}

@InputType()
export class ComplaintFilter {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsString()
  serviceCenterId?: string;

  @Field(() => ComplaintClassEnum, { nullable: true })
  @IsOptional()
  @IsIn(COMPLAINT_CLASSES)
  class?: string;

  @Field(() => ComplaintStatusEnum, { nullable: true })
  @IsOptional()
  @IsString()
  status?: string;

  @Field({ nullable: true, description: 'Received at or after' })
  @IsOptional()
  @Type(() => Date)
  @IsDate()
  from?: Date;

  @Field({ nullable: true, description: 'Received before' })
  @IsOptional()
  @Type(() => Date)
  @IsDate()
  to?: Date;

  @Field({ nullable: true })
  @IsOptional()
  @IsVin()
  vin?: string;
}
