import { Directive, Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';

/** The network's center, extended with workshop KPIs (the network subgraph owns every other field). */
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

@ObjectType({ description: 'Counters behind the KPIs, summed over the months asked for' })
export class WorkshopKpiCounters {
  @Field(() => Int) arrivals!: number;
  @Field(() => Int) appointmentArrivals!: number;
  @Field(() => Int) proactiveArrivals!: number;
  @Field(() => Int) passiveArrivals!: number;
  @Field(() => Int) appointmentsResolved!: number;
  @Field(() => Int) appointmentsOnTime!: number;
  @Field(() => Int) appointmentCompletionsOnTime!: number;
  @Field(() => Int) repeatRepairs!: number;
  @Field(() => Int) partsShortOrders!: number;
  @Field(() => Int) completions!: number;
  @Field(() => Int) completionsOnTime!: number;
  @Field(() => Int) qcVehicles!: number;
  @Field(() => Int) qcRounds!: number;
  @Field(() => Int) qcRoundsPassed!: number;
  @Field(() => Int) deliveries!: number;
  @Field(() => Int) deliveriesOnTime!: number;
  @Field(() => Int) estimatesAccurate!: number;
  @Field(() => Int) followUpsConnected!: number;
  @Field(() => Int) rescueDispatches!: number;
  @Field(() => Int) rescueCompleted!: number;
  @Field(() => Int) rescueArrived!: number;
  @Field(() => Int) rescueOnTime!: number;
  @Field(() => Int) rescueFixedOnSite!: number;
  @Field(() => Int) rescueFirstDispatch!: number;
  @Field(() => Int) rescueRated!: number;
  @Field(() => Int) rescueSatisfactionSum!: number;
}

@ObjectType({ description: 'Workshop KPIs as ratios in [0, 1]; null when there is nothing to measure' })
export class WorkshopKpis {
  @Field({ description: 'First month, yyyy-mm' }) from!: string;
  @Field({ description: 'Last month, yyyy-mm' }) to!: string;
  @Field(() => Float, { nullable: true, description: 'appointment arrivals / arrivals' }) appointmentRate!: number | null;
  @Field(() => Float, { nullable: true, description: 'on-time arrivals / appointments that came due (arrived or no-show)' }) appointmentOnTimeRate!: number | null;
  @Field(() => Float, { nullable: true, description: 'appointment vehicles completed on time / appointment arrivals' }) appointmentOnTimeCompletionRate!: number | null;
  @Field(() => Float, { nullable: true, description: 'proactive appointment orders / orders' }) proactiveAppointmentRate!: number | null;
  @Field(() => Float, { nullable: true, description: 'passive appointment orders / orders' }) passiveAppointmentRate!: number | null;
  @Field(() => Float, { nullable: true, description: 'FFV: (arrivals - repeat repairs) / arrivals' }) fixFirstVisitRate!: number | null;
  @Field(() => Float, { nullable: true, description: '(orders - orders short of parts) / orders' }) partsAvailabilityRate!: number | null;
  @Field(() => Float, { nullable: true, description: 'vehicles quality-checked / vehicles completed' }) qcRate!: number | null;
  @Field(() => Float, { nullable: true, description: 'passed check rounds / check rounds' }) qcPassRate!: number | null;
  @Field(() => Float, { nullable: true, description: 'delivered by the promise / deliveries' }) onTimeDeliveryRate!: number | null;
  @Field(() => Float, { nullable: true, description: 'completed 10 min before the promise / completions' }) onTimeCompletionRate!: number | null;
  @Field(() => Float, { nullable: true, description: 'orders with |final - estimate| < 10% / deliveries' }) estimateAccuracyRate!: number | null;
  @Field(() => Float, { nullable: true, description: 'connected first follow-up calls / deliveries' }) effectiveFollowUpRate!: number | null;
  @Field(() => Float, { nullable: true }) rescueDispatchCompletionRate!: number | null;
  @Field(() => Float, { nullable: true }) rescueSatisfaction!: number | null;
  @Field(() => Float, { nullable: true }) rescueOnTimeArrivalRate!: number | null;
  @Field(() => Float, { nullable: true }) rescueBackOnRoadRate!: number | null;
  @Field(() => Float, { nullable: true }) rescueFirstDispatchSuccessRate!: number | null;
  @Field(() => Float, { nullable: true, description: 'dispatch completion 30%, satisfaction 40%, on-time arrival 10%, back on road 10%, first-dispatch success 10%' })
  rescueScore!: number | null;
  @Field(() => WorkshopKpiCounters) counters!: WorkshopKpiCounters;
}
