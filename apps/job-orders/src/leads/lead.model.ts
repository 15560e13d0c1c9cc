import { Field, Float, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { LEAD_CLOSE_REASONS, LEAD_STATUSES } from '@aftersales/domain-job-orders';
import { Region, ServiceCenter } from '../job-orders/job-order.model';

const enumOf = <T extends string>(values: readonly T[]) => Object.fromEntries(values.map((v) => [v, v])) as { [K in T]: K };

export const LeadStatus = enumOf(LEAD_STATUSES);
export const LeadCloseReason = enumOf(LEAD_CLOSE_REASONS);

registerEnumType(LeadStatus, { name: 'LeadStatus', description: 'NEW -> CONTACTED -> VISIT -> TEST_DRIVE -> SOLD, or LOST from any open status' });
registerEnumType(LeadCloseReason, {
  name: 'LeadCloseReason',
  description:
    'Why a lead was closed. SOLD: MODEL_FIT, PRICE_OFFER, FINANCING_OFFER, TRADE_IN_OFFER, TEST_DRIVE, DELIVERY_TIME, DEALER_SERVICE, OTHER. ' +
    'LOST: BOUGHT_COMPETITOR_BRAND, BOUGHT_FROM_OTHER_DEALER, PRICE, FINANCING_REFUSED, MODEL_NOT_SUITABLE, DELIVERY_TIME, POSTPONED_PURCHASE, ' +
    'NO_LONGER_INTERESTED, UNREACHABLE, INVALID_CONTACT, DUPLICATE_LEAD, OTHER.',
});

@ObjectType()
export class LeadCustomer {
  @Field()
  name!: string;

  @Field({ nullable: true, description: 'E.164' })
  phone?: string;

  @Field({ nullable: true })
  email?: string;

  @Field({ description: 'ISO 3166-1 alpha-2' })
  country!: string;

  @Field({ nullable: true })
  language?: string;
}

@ObjectType()
export class LeadStep {
  @Field(() => LeadStatus)
  from!: string;

  @Field(() => LeadStatus)
  to!: string;

  @Field()
  at!: Date;

  @Field({ description: 'Who recorded it (the token subject)' })
  by!: string;

  @Field(() => LeadCloseReason, { nullable: true })
  reason!: string | null;

  @Field(() => String, { nullable: true, description: 'Free text, kept as typed; serve it as plain text' })
  note!: string | null;
}

@ObjectType({ description: "A purchase lead the call center handed to the dealer (calls' LeadCreated), as the dealer works it" })
export class Lead {
  @Field(() => ID)
  id!: string;

  @Field(() => ID, { description: 'The call it came from' })
  callId!: string;

  @Field(() => ServiceCenter)
  serviceCenter!: ServiceCenter;

  @Field(() => Region, { nullable: true })
  region!: Region | null;

  @Field({ description: 'Purchase intent graded by the agent: CLEAR_MODEL, HESITANT, VAGUE, PRICE_COMPARISON' })
  intent!: string;

  @Field(() => String, { nullable: true, description: 'Model(s) the customer asked about' })
  model!: string | null;

  @Field(() => LeadCustomer)
  customer!: LeadCustomer;

  @Field(() => LeadStatus)
  status!: string;

  @Field(() => [LeadStatus], { description: 'Where the lead may move now (empty once SOLD or LOST)' })
  nextStatuses!: string[];

  @Field({ description: 'When the call center handed it over' })
  receivedAt!: Date;

  @Field({ description: "Contact the customer by then: the contact deadline in the dealer's working calendar" })
  contactDueAt!: Date;

  @Field(() => Date, { nullable: true, description: 'First contact: the first step out of NEW other than LOST' })
  contactedAt!: Date | null;

  @Field(() => Boolean, { nullable: true, description: 'Contacted by the deadline (null until contacted)' })
  contactedOnTime!: boolean | null;

  @Field({ description: 'Still NEW after the contact deadline' })
  overdue!: boolean;

  @Field(() => Date, { nullable: true })
  closedAt!: Date | null;

  @Field(() => LeadCloseReason, { nullable: true, description: 'Why it was sold or lost' })
  reason!: string | null;

  @Field(() => String, { nullable: true, description: 'The closing note, kept as typed' })
  note!: string | null;

  @Field(() => [LeadStep])
  history!: LeadStep[];

  @Field()
  updatedAt!: Date;
}

@ObjectType()
export class LeadPageInfo {
  @Field()
  hasNextPage!: boolean;

  @Field(() => String, { nullable: true })
  endCursor!: string | null;
}

@ObjectType()
export class LeadEdge {
  @Field()
  cursor!: string;

  @Field(() => Lead)
  node!: Lead;
}

@ObjectType()
export class LeadConnection {
  @Field(() => [LeadEdge])
  edges!: LeadEdge[];

  @Field(() => LeadPageInfo)
  pageInfo!: LeadPageInfo;

  @Field(() => Int, { description: 'Matching leads within your scope' })
  totalCount!: number;
}

@ObjectType({ description: 'Leads received in the period (local months of the center) and how far they got' })
export class LeadKpis {
  @Field()
  from!: string;

  @Field()
  to!: string;

  @Field(() => Int)
  received!: number;

  @Field(() => Int, { description: 'Reached by the dealer (any step out of NEW other than LOST)' })
  contacted!: number;

  @Field(() => Int)
  contactedOnTime!: number;

  @Field(() => Int)
  visits!: number;

  @Field(() => Int)
  testDrives!: number;

  @Field(() => Int)
  sold!: number;

  @Field(() => Int)
  lost!: number;

  @Field(() => Int, { description: 'Neither sold nor lost yet' })
  open!: number;

  @Field(() => Float, { nullable: true, description: 'contacted / received' })
  contactRate!: number | null;

  @Field(() => Float, { nullable: true, description: 'contacted by the deadline / contacted' })
  onTimeContactRate!: number | null;

  @Field(() => Float, { nullable: true, description: 'sold / received: the conversion rate' })
  conversionRate!: number | null;

  @Field(() => Float, { nullable: true, description: 'lost / received' })
  lossRate!: number | null;
}
