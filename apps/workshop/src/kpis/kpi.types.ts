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
  @Field(() => Int) greetingMeasured!: number;
  @Field(() => Int) greetingCompliant!: number;
  @Field(() => Int) faultListeningMeasured!: number;
  @Field(() => Int) faultListeningCompliant!: number;
  @Field(() => Int) receptionExitMeasured!: number;
  @Field(() => Int) receptionExitCompliant!: number;
  @Field(() => Int) earlyCompletionMeasured!: number;
  @Field(() => Int) earlyCompletionCompliant!: number;
  @Field(() => Int) paymentMeasured!: number;
  @Field(() => Int) paymentCompliant!: number;
  @Field(() => Int) oldPartsShownMeasured!: number;
  @Field(() => Int) oldPartsShownCompliant!: number;
  @Field(() => Int) followUpCallMeasured!: number;
  @Field(() => Int) followUpCallCompliant!: number;
  @Field(() => Int) hotlineAnswerMeasured!: number;
  @Field(() => Int) hotlineAnswerCompliant!: number;
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
  @Field(() => Float, { nullable: true, description: 'Service standard: greeted within 1 min of arrival / orders with arrival and greeting times (month of opening)' }) greetingComplianceRate!: number | null;
  @Field(() => Float, { nullable: true, description: 'Service standard: fault listened to for 5+ min / orders with listening times (month of opening)' }) faultListeningComplianceRate!: number | null;
  @Field(() => Float, { nullable: true, description: 'Service standard: left the reception bay within 10 min of the order being opened / orders with the exit time (month of opening)' }) receptionExitComplianceRate!: number | null;
  @Field(() => Float, { nullable: true, description: 'Service standard: finished 10+ min before the promise / completions (month of opening)' }) earlyCompletionComplianceRate!: number | null;
  @Field(() => Float, { nullable: true, description: 'Service standard: paid within 5 min of the settlement being presented / deliveries with the presentation time (month of delivery)' }) paymentComplianceRate!: number | null;
  @Field(() => Float, { nullable: true, description: 'Service standard: old parts shown / deliveries of orders with parts where the checkbox was answered (month of delivery)' }) oldPartsShownComplianceRate!: number | null;
  @Field(() => Float, { nullable: true, description: 'Service standard: connected follow-up calls of about 3 min / connected calls with a duration (month of delivery)' }) followUpCallComplianceRate!: number | null;
  @Field(() => Float, { nullable: true, description: 'Service standard: hotline calls about the center answered within 3 rings / calls with ring and answer times (month of the call)' }) hotlineAnswerComplianceRate!: number | null;
  @Field(() => WorkshopKpiCounters) counters!: WorkshopKpiCounters;
}
