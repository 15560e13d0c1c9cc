import { Directive, Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';

/** The network's ServiceCenter entity; this subgraph adds its call-center KPIs. */
@ObjectType('ServiceCenter')
@Directive('@key(fields: "id")')
export class ServiceCenterRef {
  @Field(() => ID)
  id!: string;
}

@ObjectType('Region')
@Directive('@key(fields: "id")')
export class RegionRef {
  @Field(() => ID)
  id!: string;
}

@ObjectType('CallCenterKpis', { description: 'Since the start of the read model, from calls logged and job-order events' })
export class CallCenterKpis {
  @Field(() => Int) inboundCalls!: number;
  @Field(() => Int) complaints!: number;
  @Field(() => Int) leads!: number;
  @Field(() => Int) rescues!: number;
  @Field(() => Int) jobOrdersRequested!: number;
  @Field(() => Int, { description: '0.5 h checks opened for job orders distributed to the dealer' }) contactChecks!: number;
  @Field(() => Int) contactedInTime!: number;
  @Field(() => Int, { description: 'Shop had not called within 0.5 h: escalated to the service department' }) escalations!: number;
  @Field(() => Float, { nullable: true, description: 'contactedInTime / (contactedInTime + escalations)' }) onTimeContactRate!: number | null;
  @Field(() => Int) followUps!: number;
  @Field(() => Int) followUpsSatisfied!: number;
  @Field(() => Float, { nullable: true }) followUpSatisfactionRate!: number | null;
}
