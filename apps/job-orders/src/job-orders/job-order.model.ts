import { Directive, Field, Float, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import {
  CLOSURE_KINDS,
  COMPLETENESS_ELEMENTS,
  JOB_ORDER_STATUSES,
  LANGUAGES,
  MANDATORY_REASONS,
  NOT_ACCEPTED_KINDS,
  SLA_CLOCK_KINDS,
  TIERS,
} from '@aftersales/domain-job-orders';

const enumOf = <T extends string>(values: readonly T[]) => Object.fromEntries(values.map((v) => [v, v])) as { [K in T]: K };

export const JobOrderStatus = enumOf(JOB_ORDER_STATUSES);
export const Tier = enumOf(TIERS);
export const SlaClockKind = enumOf(SLA_CLOCK_KINDS);
export const ClosureKind = enumOf(CLOSURE_KINDS);
export const MandatoryReason = enumOf(MANDATORY_REASONS);
export const NotAcceptedKind = enumOf(NOT_ACCEPTED_KINDS);
export const CompletenessElement = enumOf(COMPLETENESS_ELEMENTS);
export const ReplyLanguage = enumOf(LANGUAGES);

registerEnumType(JobOrderStatus, { name: 'JobOrderStatus' });
registerEnumType(Tier, { name: 'JobOrderTier', description: 'DEALER or the HQ service department' });
registerEnumType(SlaClockKind, { name: 'SlaClockKind' });
registerEnumType(ClosureKind, { name: 'JobOrderClosureKind' });
registerEnumType(MandatoryReason, { name: 'MandatoryClosureReason' });
registerEnumType(NotAcceptedKind, { name: 'ReplyNotAcceptedKind' });
registerEnumType(CompletenessElement, { name: 'ReplyCompletenessElement' });
registerEnumType(ReplyLanguage, { name: 'ReplyLanguage' });

@ObjectType()
@Directive('@key(fields: "id")')
export class ServiceCenter {
  @Field(() => ID)
  id!: string;
}

@ObjectType()
@Directive('@key(fields: "id")')
export class Region {
  @Field(() => ID)
  id!: string;
}

@ObjectType()
export class JobOrderKpis {
  @Field(() => Int)
  created!: number;

  @Field(() => Int)
  closed!: number;

  @Field(() => Float, { nullable: true, description: 'closed / created' })
  closeRate!: number | null;

  @Field(() => Float, { nullable: true, description: 'customer contacts within the contact clock / contact clocks settled' })
  onTimeContactRate!: number | null;

  @Field(() => Float, { nullable: true, description: 'progress reports within their clock / progress clocks settled' })
  progressRate!: number | null;

  @Field(() => Float, { nullable: true, description: 'closed without breaching the close clock / closed' })
  onTimeCloseRate!: number | null;

  @Field(() => Float, { nullable: true })
  meanTimeToCloseHours!: number | null;

  @Field(() => Float, { nullable: true, description: 'reopens / created' })
  reopenRate!: number | null;
}

@ObjectType()
export class SourceRef {
  @Field()
  kind!: string;

  @Field(() => ID)
  id!: string;
}

@ObjectType()
export class JobOrderCustomer {
  @Field()
  name!: string;

  @Field({ nullable: true, description: 'E.164' })
  phone?: string;

  @Field({ description: 'ISO 3166-1 alpha-2' })
  country!: string;
}

@ObjectType()
export class JobOrderVehicle {
  @Field()
  vin!: string;

  @Field({ nullable: true })
  model?: string;
}

@ObjectType()
export class JobOrderHolder {
  @Field(() => Tier)
  tier!: string;

  @Field(() => ServiceCenter, { nullable: true, description: 'null for a caller who may not see that center (a dealer reading an order the HQ service department also holds)' })
  serviceCenter!: ServiceCenter | null;

  @Field(() => Region, { nullable: true })
  region!: Region | null;

  @Field(() => Int)
  round!: number;

  @Field()
  assignedAt!: Date;

  @Field(() => Date, { nullable: true })
  contactedAt!: Date | null;

  @Field(() => Date, { nullable: true })
  releasedAt!: Date | null;
}

@ObjectType()
export class SlaClock {
  @Field(() => ID)
  id!: string;

  @Field(() => SlaClockKind)
  kind!: string;

  @Field(() => Tier)
  tier!: string;

  @Field(() => ID)
  serviceCenterId!: string;

  @Field(() => Int)
  round!: number;

  @Field()
  startedAt!: Date;

  @Field(() => Date, { nullable: true, description: 'Null while the clocks are paused' })
  dueAt!: Date | null;

  @Field(() => Date, { nullable: true })
  warnAt!: Date | null;

  @Field(() => Date, { nullable: true })
  warnedAt!: Date | null;

  @Field(() => Date, { nullable: true })
  breachedAt!: Date | null;

  @Field(() => Date, { nullable: true })
  endedAt!: Date | null;

  @Field()
  met!: boolean;
}

@ObjectType()
export class SlaPause {
  @Field()
  start!: Date;

  @Field(() => Date, { nullable: true })
  end!: Date | null;

  @Field()
  reason!: string;
}

@ObjectType()
export class ReplyIssue {
  @Field(() => NotAcceptedKind)
  kind!: string;

  @Field(() => CompletenessElement, { nullable: true })
  element!: string | null;

  @Field()
  field!: string;

  @Field()
  rule!: string;

  @Field()
  message!: string;

  @Field(() => ReplyLanguage, { nullable: true, description: 'Language of the phrase rule that matched' })
  language!: string | null;

  @Field(() => String, { nullable: true })
  phrase!: string | null;

  @Field(() => String, { nullable: true, description: 'The sentence, as written, that made the reply not final (NOT_FINAL, PROCEDURE_WITHOUT_RESULT)' })
  sentence!: string | null;
}

@ObjectType()
export class JobOrderReply {
  @Field(() => ID)
  id!: string;

  @Field(() => Int)
  round!: number;

  @Field(() => Tier)
  tier!: string;

  @Field(() => ID)
  serviceCenterId!: string;

  @Field()
  at!: Date;

  @Field(() => String, { nullable: true })
  responsiblePerson!: string | null;

  @Field(() => Date, { nullable: true })
  handledAt!: Date | null;

  @Field(() => String, { nullable: true })
  procedure!: string | null;

  @Field(() => String, { nullable: true })
  result!: string | null;

  @Field(() => String, { nullable: true })
  verifiedBy!: string | null;

  @Field(() => Date, { nullable: true })
  verifiedAt!: Date | null;

  @Field(() => Boolean, { nullable: true })
  customerAccepts!: boolean | null;

  @Field(() => Boolean, { nullable: true })
  followUpPossible!: boolean | null;

  @Field(() => String, { nullable: true })
  noFollowUpReason!: string | null;

  @Field()
  accepted!: boolean;

  @Field(() => [ReplyIssue])
  issues!: ReplyIssue[];

  @Field(() => MandatoryReason, { nullable: true })
  mandatory!: string | null;
}

@ObjectType()
export class JobOrderFollowUp {
  @Field(() => ID)
  taskId!: string;

  @Field()
  at!: Date;

  @Field()
  contacted!: boolean;

  @Field()
  solved!: boolean;

  @Field()
  satisfied!: boolean;

  @Field(() => String, { nullable: true })
  reason!: string | null;

  @Field()
  outcome!: string;
}

@ObjectType()
export class JobOrderClosure {
  @Field(() => ClosureKind)
  kind!: string;

  @Field()
  at!: Date;

  @Field(() => MandatoryReason, { nullable: true })
  mandatoryReason!: string | null;

  @Field(() => String, { nullable: true })
  note!: string | null;

  @Field({ description: 'Closed without breaching the close clock' })
  onTime!: boolean;
}

@ObjectType({ description: 'A reopening of the order: the customer was not satisfied (seed 002: record why, distribute it again)' })
export class JobOrderReopening {
  @Field(() => Int, { description: 'The round it started' })
  round!: number;

  @Field()
  at!: Date;

  @Field()
  reason!: string;

  @Field(() => SourceRef, {
    nullable: true,
    description: 'What reopened it: SURVEY (the survey answer), COMPLAINT, or FOLLOW_UP_CALL (the call-center task)',
  })
  cause!: SourceRef | null;

  @Field({ description: 'REPLIED (awaiting its follow-up) or CLOSED' })
  from!: string;

  @Field(() => JobOrderClosure, { nullable: true, description: 'The closure the reopening undid' })
  undoneClosure!: JobOrderClosure | null;
}

@ObjectType()
export class MandatoryClosureRequest {
  @Field(() => MandatoryReason)
  reason!: string;

  @Field()
  requestedAt!: Date;

  @Field(() => ID)
  replyId!: string;
}

@ObjectType()
export class JobOrder {
  @Field(() => ID)
  id!: string;

  @Field({ description: 'JO-<year>-<sequence>' })
  number!: string;

  @Field(() => JobOrderStatus)
  status!: string;

  @Field(() => SourceRef)
  source!: SourceRef;

  @Field(() => [SourceRef])
  links!: SourceRef[];

  @Field()
  description!: string;

  @Field(() => String, { nullable: true })
  requirement!: string | null;

  @Field(() => JobOrderCustomer)
  customer!: JobOrderCustomer;

  @Field(() => JobOrderVehicle, { nullable: true })
  vehicle!: JobOrderVehicle | null;

  @Field(() => Int, { description: 'Distribution round: 1, and one more per reopen' })
  round!: number;

  @Field(() => Int)
  reopenCount!: number;

  @Field(() => [JobOrderHolder])
  holders!: JobOrderHolder[];

  @Field(() => [SlaClock])
  clocks!: SlaClock[];

  @Field(() => [SlaPause])
  pauses!: SlaPause[];

  @Field()
  paused!: boolean;

  @Field({ description: 'A running clock is past due' })
  overdue!: boolean;

  @Field({ description: 'Some clock has breached' })
  breached!: boolean;

  @Field(() => Date, { nullable: true, description: 'Next SLA warning or deadline' })
  nextCheckAt!: Date | null;

  @Field(() => [JobOrderReply])
  replies!: JobOrderReply[];

  @Field(() => [JobOrderFollowUp])
  followUps!: JobOrderFollowUp[];

  @Field(() => [JobOrderReopening], { description: 'Oldest first' })
  reopenings!: JobOrderReopening[];

  @Field(() => MandatoryClosureRequest, { nullable: true })
  mandatoryRequest!: MandatoryClosureRequest | null;

  @Field(() => JobOrderClosure, { nullable: true })
  closure!: JobOrderClosure | null;

  @Field({ description: 'The network policy version its SLA targets come from (see the network\'s `policy` query); `SEED` for orders older than policies' })
  policyVersion!: string;

  @Field()
  createdAt!: Date;

  @Field()
  updatedAt!: Date;
}

@ObjectType()
export class JobOrderPageInfo {
  @Field()
  hasNextPage!: boolean;

  @Field(() => String, { nullable: true })
  endCursor!: string | null;
}

@ObjectType()
export class JobOrderEdge {
  @Field()
  cursor!: string;

  @Field(() => JobOrder)
  node!: JobOrder;
}

@ObjectType()
export class JobOrderConnection {
  @Field(() => [JobOrderEdge])
  edges!: JobOrderEdge[];

  @Field(() => JobOrderPageInfo)
  pageInfo!: JobOrderPageInfo;

  @Field(() => Int, { description: 'Matching job orders within your scope' })
  totalCount!: number;
}

@ObjectType({ description: 'The verdict on a reply: every reason it was returned, and the job order after it' })
export class ReplyResult {
  @Field()
  accepted!: boolean;

  @Field({ description: 'All five completeness elements present' })
  complete!: boolean;

  @Field(() => [CompletenessElement])
  missingElements!: string[];

  @Field(() => [ReplyIssue])
  issues!: ReplyIssue[];

  @Field(() => JobOrder)
  jobOrder!: JobOrder;
}
