import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import {
  AFlagEnum,
  ClockKindEnum,
  ClosureKindEnum,
  ComplaintActionEnum,
  ComplaintChannelEnum,
  ComplaintClassEnum,
  ComplaintStatusEnum,
  ComplaintTypeEnum,
  KeyRoleEnum,
  ReturnVisitOutcomeEnum,
} from '../common/enums';

@ObjectType()
export class ComplaintCustomer {
  @Field()
  name!: string;

  @Field(() => String, { nullable: true, description: 'Only for roles handling the complaint (HQ admin, call center, the assigned dealer)' })
  phone!: string | null;

  @Field(() => String, { nullable: true, description: 'Only for roles handling the complaint' })
  email!: string | null;

  @Field(() => String, { nullable: true })
  language!: string | null;
}

@ObjectType()
export class Complainant {
  @Field()
  name!: string;

  @Field(() => String, { nullable: true, description: 'Only for roles handling the complaint' })
  contact!: string | null;
}

@ObjectType()
export class ComplaintVehicle {
  @Field()
  vin!: string;

  @Field(() => String, { nullable: true })
  model!: string | null;

  @Field(() => Int, { nullable: true })
  mileageKm!: number | null;
}

@ObjectType()
export class ComplaintOrigin {
  @Field()
  kind!: string;

  @Field(() => ID)
  id!: string;
}

@ObjectType('ComplaintClassificationReason')
export class ClassificationReasonType {
  @Field()
  rule!: string;

  @Field()
  detail!: string;
}

@ObjectType('ComplaintRepeatMatch')
export class RepeatMatchType {
  @Field(() => ID)
  complaintId!: string;

  @Field()
  number!: string;

  @Field()
  receivedAt!: Date;

  @Field({ description: 'VIN or PHONE (the phone only when one of the two complaints has no VIN)' })
  by!: string;

  @Field({ deprecationReason: 'Use basis, problemCode, similarity and sharedTerms' })
  problemKey!: string;

  @Field(() => String, { nullable: true, description: 'CODE when both complaints have a problem code (the codes decided), TEXT when their texts did' })
  basis!: string | null;

  @Field(() => String, { nullable: true, description: 'The shared problem code, when the codes decided' })
  problemCode!: string | null;

  @Field(() => Float, { nullable: true, description: 'Text similarity of the two complaints, 0..1 (cosine of their normalized terms)' })
  similarity!: number | null;

  @Field(() => Float, { nullable: true, description: 'The similarity threshold in force (COMPLAINTS_REPEAT_SIMILARITY)' })
  threshold!: number | null;

  @Field(() => [String], { nullable: true, description: 'The terms both texts share: concepts in upper case (NOISE, ENGINE), other words as stems or Chinese bigrams' })
  sharedTerms!: string[] | null;

  @Field({ description: 'Which earlier complaint matched and why: the subject, the similarity and the shared terms' })
  reason!: string;
}

@ObjectType('ComplaintClassChange')
export class ClassChange {
  @Field(() => ComplaintClassEnum, { nullable: true })
  from!: string | null;

  @Field(() => ComplaintClassEnum)
  to!: string;

  @Field()
  reason!: string;

  @Field()
  by!: string;

  @Field()
  at!: Date;
}

@ObjectType('ComplaintKeyPerson')
export class KeyPersonType {
  @Field(() => KeyRoleEnum)
  role!: string;

  @Field(() => ID)
  staffId!: string;

  @Field()
  name!: string;

  @Field()
  email!: string;
}

@ObjectType()
export class ComplaintRouting {
  @Field(() => [KeyPersonType])
  to!: KeyPersonType[];

  @Field(() => [KeyPersonType])
  cc!: KeyPersonType[];

  @Field(() => [KeyRoleEnum], { description: 'Roles the rule asks for that the distributor has nobody in' })
  missing!: string[];
}

@ObjectType('ComplaintSlaClock')
export class SlaClockType {
  @Field(() => ClockKindEnum)
  kind!: string;

  @Field()
  startedAt!: Date;

  @Field()
  dueAt!: Date;

  @Field()
  warnAt!: Date;

  @Field({ description: 'The deadline before any postponement' })
  originalDueAt!: Date;

  @Field(() => Date, { nullable: true })
  metAt!: Date | null;

  @Field(() => Date, { nullable: true })
  warnedAt!: Date | null;

  @Field(() => Date, { nullable: true })
  breachedAt!: Date | null;

  @Field(() => Boolean, { nullable: true, description: 'Met by its deadline (null while running)' })
  onTime!: boolean | null;
}

@ObjectType('ComplaintFirstReply')
export class FirstReply {
  @Field()
  message!: string;

  @Field()
  at!: Date;

  @Field()
  by!: string;
}

@ObjectType()
export class ComplaintSolution {
  @Field()
  text!: string;

  @Field()
  factAffirmation!: string;

  @Field()
  causeAnalysis!: string;

  @Field()
  correctivePreventiveMeasures!: string;

  @Field()
  responsiblePerson!: string;

  @Field(() => Date, { nullable: true })
  plannedCompletionTime!: Date | null;

  @Field()
  submittedAt!: Date;

  @Field()
  submittedBy!: string;
}

@ObjectType('ComplaintSolutionApproval')
export class SolutionApproval {
  @Field(() => ID)
  staffId!: string;

  @Field()
  name!: string;

  @Field(() => KeyRoleEnum)
  role!: string;

  @Field()
  approved!: boolean;

  @Field()
  comment!: string;

  @Field()
  at!: Date;
}

@ObjectType('ComplaintReturnVisit')
export class ReturnVisit {
  @Field(() => ReturnVisitOutcomeEnum)
  outcome!: string;

  @Field()
  assessment!: string;

  @Field()
  at!: Date;

  @Field()
  by!: string;
}

@ObjectType('ComplaintPostponement')
export class Postponement {
  @Field()
  previousDueAt!: Date;

  @Field()
  until!: Date;

  @Field()
  reason!: string;

  @Field()
  at!: Date;

  @Field()
  by!: string;
}

@ObjectType('ComplaintJobOrder')
export class LinkedJobOrder {
  @Field(() => ID)
  id!: string;

  @Field()
  number!: string;

  @Field(() => Boolean, { nullable: true, description: 'Whether the last reply on the job order was accepted' })
  lastReplyAccepted!: boolean | null;

  @Field(() => String, { nullable: true })
  closure!: string | null;

  @Field(() => Int)
  reopenCount!: number;
}

@ObjectType('ComplaintAuditEntry')
export class AuditEntryType {
  @Field()
  action!: string;

  @Field(() => ComplaintStatusEnum)
  from!: string;

  @Field(() => ComplaintStatusEnum)
  to!: string;

  @Field()
  by!: string;

  @Field()
  at!: Date;

  @Field(() => String, { nullable: true })
  note!: string | null;
}

/** One complaint: the fields of the JAC CLIENTS COMPLAINT TABLE and its process. */
@ObjectType()
export class Complaint {
  @Field(() => ID)
  id!: string;

  @Field({ description: '信息编号 NO.' })
  number!: string;

  @Field(() => Int, { description: '总号 GENERAL NO.' })
  generalNumber!: number;

  @Field({ description: '接收日期 ACCEPTANCE DATE' })
  receivedAt!: Date;

  @Field(() => ID, { nullable: true, description: 'The distributor it is assigned to' })
  serviceCenterId!: string | null;

  @Field(() => ID, { nullable: true })
  regionId!: string | null;

  @Field({ description: '国家 COUNTRY' })
  country!: string;

  @Field(() => ComplaintCustomer, { description: '客户 CLIENT' })
  customer!: ComplaintCustomer;

  @Field(() => Complainant, { description: '投诉人 COMPLAINANT' })
  complainant!: Complainant;

  @Field(() => ComplaintVehicle, { nullable: true })
  vehicle!: ComplaintVehicle | null;

  @Field(() => ComplaintClassEnum, { description: '投诉类别 COMPLAINTS CATEGORY' })
  class!: string;

  @Field(() => ComplaintClassEnum, { description: 'What the rules proposed at receipt' })
  proposedClass!: string;

  @Field(() => [ClassificationReasonType])
  proposalReasons!: ClassificationReasonType[];

  @Field({ description: 'Confirmed by the receiver' })
  classConfirmed!: boolean;

  @Field(() => [ClassChange])
  classHistory!: ClassChange[];

  @Field(() => RepeatMatchType, { nullable: true, description: 'For B: the earlier complaint this one repeats' })
  repeatOf!: RepeatMatchType | null;

  @Field(() => ComplaintChannelEnum, { description: '投诉渠道 COMPLAINTS CHANNEL' })
  channel!: string;

  @Field(() => ComplaintOrigin, { nullable: true })
  origin!: ComplaintOrigin | null;

  @Field(() => ComplaintTypeEnum, { description: '投诉类型 COMPLAINTS TYPE' })
  type!: string;

  @Field(() => [String], { description: '涉及产品型号 RELATED PRODUCT MODELS' })
  relatedProductModels!: string[];

  @Field({ description: '投诉内容 COMPLAINT CONTENTS' })
  content!: string;

  @Field(() => [String], { description: 'Image URLs (附图片)' })
  images!: string[];

  @Field({ description: '投诉要求 COMPLAINT REQUIREMENTS' })
  requirements!: string;

  @Field(() => String, { nullable: true })
  problemCode!: string | null;

  @Field(() => [AFlagEnum])
  flags!: string[];

  @Field(() => ComplaintStatusEnum)
  status!: string;

  @Field(() => [ComplaintActionEnum], { description: 'What may happen next' })
  allowedActions!: string[];

  @Field({ description: '接收人意见 RECIPIENT VIEWS' })
  recipientViews!: string;

  @Field({ description: '接收部门 RECEIVING DEPARTMENT' })
  receivingDepartment!: string;

  @Field(() => Date, { nullable: true, description: '转办日期 FORWARD DATE' })
  forwardedAt!: Date | null;

  @Field(() => ComplaintRouting, { nullable: true })
  routing!: ComplaintRouting | null;

  @Field({ description: '处理责任人 RESPONSIBILITY OF HANDLING PERSON' })
  handlingPerson!: string;

  @Field({ description: '处理责任部门 RESPONSIBILITY OF HANDLING DEPARTMENT' })
  handlingDepartment!: string;

  @Field(() => Date, { nullable: true })
  signedAt!: Date | null;

  @Field(() => FirstReply, { nullable: true })
  firstReply!: FirstReply | null;

  @Field(() => ComplaintSolution, { nullable: true })
  solution!: ComplaintSolution | null;

  @Field(() => [SolutionApproval])
  approvals!: SolutionApproval[];

  @Field(() => Date, { nullable: true })
  solutionDeliveredAt!: Date | null;

  @Field({ description: '实施情况 PROGRESS STATUS' })
  progressStatus!: string;

  @Field({ description: '验证人 VERIFICATION PERSON' })
  verificationPerson!: string;

  @Field(() => Date, { nullable: true, description: '实际完成时间 ACTUAL COMPLETION TIME' })
  actualCompletionTime!: Date | null;

  @Field({ description: '闭环情况 CLOSED LOOP' })
  closedLoop!: boolean;

  @Field(() => ReturnVisit, { nullable: true, description: '回访评价情况 ASSESSMENT' })
  returnVisit!: ReturnVisit | null;

  @Field(() => ClosureKindEnum, { nullable: true })
  closure!: string | null;

  @Field(() => String, { nullable: true })
  hqConfirmation!: string | null;

  @Field(() => Date, { nullable: true })
  closedAt!: Date | null;

  @Field(() => [Postponement], { description: '是否延期及延期时间、原因 POSTPONING AND DATE/REASON' })
  postponements!: Postponement[];

  @Field(() => [SlaClockType])
  clocks!: SlaClockType[];

  @Field(() => LinkedJobOrder, { nullable: true })
  jobOrder!: LinkedJobOrder | null;

  @Field(() => [AuditEntryType], { description: 'Who did what when' })
  audit!: AuditEntryType[];

  @Field(() => String, {
    nullable: true,
    description: 'The network policy version its deadlines come from (see the network\'s `policy` query); null until the distributor is known',
  })
  policyVersion!: string | null;

  @Field()
  updatedAt!: Date;
}

@ObjectType()
export class ComplaintPage {
  @Field(() => [Complaint])
  items!: Complaint[];

  @Field(() => Int)
  totalCount!: number;
}

@ObjectType('ComplaintExportFile', { description: 'A generated document; content is base64' })
export class ExportFile {
  @Field()
  filename!: string;

  @Field()
  contentType!: string;

  @Field()
  base64!: string;
}
