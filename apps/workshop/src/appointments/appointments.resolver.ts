import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsDate, IsOptional, IsString, Length, Matches } from 'class-validator';
import { Clock } from '@aftersales/platform-core';
import { refuseIf } from '../common/errors';
import { ArgsType, Field } from '@nestjs/graphql';
import { CurrentPrincipal, Roles, type Principal } from '@aftersales/platform-auth';
import type { SlotKind } from '../setup/setup.types';
import { Appointment, BookAppointmentInput, BookingResult, SlotModel, type AppointmentOrigin, type AppointmentStatus, type ArrivalClass } from './appointment.types';
import { APPOINTMENT_LIST_LIMIT, AppointmentsService, type AppointmentDoc } from './appointments.service';

export function toAppointment(d: AppointmentDoc): Appointment {
  return {
    id: d._id,
    serviceCenterId: d.serviceCenterId,
    slotStart: d.slotStart,
    slotEnd: d.slotEnd,
    slotKind: d.slotKind as SlotKind,
    bayId: d.bayId,
    customer: d.customer,
    vehicle: d.vehicle,
    origin: d.origin as AppointmentOrigin,
    request: d.request,
    campaign: d.campaign ?? null,
    fault: d.fault ?? null,
    status: d.status as AppointmentStatus,
    reminderDueAt: d.reminderDueAt,
    remindedAt: d.remindedAt,
    arrivedAt: d.arrivedAt,
    arrival: d.arrival as ArrivalClass | null,
    repairOrderId: d.repairOrderId,
    createdAt: d.createdAt,
  };
}

@ArgsType()
export class AvailableSlotsArgs {
  @Field(() => ID)
  @IsString()
  @Length(1, 64)
  serviceCenterId!: string;

  @Field({ description: 'Local date YYYY-MM-DD in the center’s time zone' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'must be a local date YYYY-MM-DD' })
  date!: string;
}

@ArgsType()
export class AppointmentsArgs {
  @Field(() => ID)
  @IsString()
  @Length(1, 64)
  serviceCenterId!: string;

  @Field({ description: 'Slots starting from then (default: now)', nullable: true })
  @IsOptional()
  @Type(() => Date)
  @IsDate({ message: 'must be an ISO-8601 timestamp' })
  from?: Date;

  @Field({ description: 'Slots starting before then (default: 14 days after `from`; at most 62 days after it)', nullable: true })
  @IsOptional()
  @Type(() => Date)
  @IsDate({ message: 'must be an ISO-8601 timestamp' })
  to?: Date;

  @Field(() => ID, { nullable: true, description: 'Only the appointments this campaign booked' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  campaignId?: string;
}

const DAY_MS = 86_400_000;

@Resolver(() => Appointment)
export class AppointmentsResolver {
  constructor(
    private readonly service: AppointmentsService,
    private readonly clock: Clock,
  ) {}

  @Mutation(() => BookingResult)
  @Roles('DEALER', 'HQ_ADMIN', 'INBOUND_AGENT', 'OUTBOUND_AGENT')
  async bookAppointment(@CurrentPrincipal() principal: Principal, @Args('input') input: BookAppointmentInput): Promise<BookingResult> {
    const r = await this.service.book(principal, input);
    return {
      appointment: r.appointment && toAppointment(r.appointment),
      alternatives: r.alternatives.map((s) => ({ start: s.start, end: s.end, kind: s.kind as SlotKind, freeBays: s.freeBays })),
      reason: r.reason,
    };
  }

  @Query(() => [SlotModel], { description: 'Bookable slots of a day with their free bays' })
  async availableSlots(@CurrentPrincipal() principal: Principal, @Args() args: AvailableSlotsArgs): Promise<SlotModel[]> {
    const slots = await this.service.availableSlots(principal, args.serviceCenterId, args.date);
    return slots.map((s) => ({ start: s.start, end: s.end, kind: s.kind as SlotKind, freeBays: s.freeBays }));
  }

  @Query(() => Appointment)
  async appointment(@CurrentPrincipal() principal: Principal, @Args('id', { type: () => ID }) id: string) {
    return toAppointment(await this.service.get(principal, id));
  }

  @Query(() => [Appointment], { description: `A center's appointments by slot time (at most ${APPOINTMENT_LIST_LIMIT}), any status; \`campaignId\`: those a campaign call booked` })
  async appointments(@CurrentPrincipal() principal: Principal, @Args() args: AppointmentsArgs) {
    const from = args.from ?? this.clock.now();
    const to = args.to ?? new Date(from.getTime() + 14 * DAY_MS);
    const issues = [];
    if (to <= from) issues.push({ field: 'to', rule: 'afterFrom', message: 'must be after from' });
    else if (to.getTime() - from.getTime() > 62 * DAY_MS) issues.push({ field: 'to', rule: 'maxRange', message: 'must be at most 62 days after from' });
    refuseIf(issues);
    return (await this.service.list(principal, { serviceCenterId: args.serviceCenterId, from, to, campaignId: args.campaignId })).map(toAppointment);
  }

  @Query(() => [Appointment], { description: 'Booked appointments whose 1 h reminder is due' })
  async appointmentReminders(@CurrentPrincipal() principal: Principal, @Args('serviceCenterId', { type: () => ID }) centerId: string) {
    return (await this.service.dueReminders(principal, centerId)).map(toAppointment);
  }

  @Mutation(() => Appointment)
  @Roles('DEALER', 'HQ_ADMIN', 'INBOUND_AGENT', 'OUTBOUND_AGENT')
  async markAppointmentReminded(@CurrentPrincipal() principal: Principal, @Args('id', { type: () => ID }) id: string) {
    return toAppointment(await this.service.remind(principal, id));
  }

  @Mutation(() => Appointment, { description: 'The customer arrived: ON_TIME, LATE (bay still held) or NO_SHOW (after the held slot)' })
  @Roles('DEALER', 'HQ_ADMIN')
  async recordAppointmentArrival(@CurrentPrincipal() principal: Principal, @Args('id', { type: () => ID }) id: string) {
    return toAppointment(await this.service.arrive(principal, id));
  }

  @Mutation(() => Appointment, { description: 'The held slot passed without the customer' })
  @Roles('DEALER', 'HQ_ADMIN')
  async recordNoShow(@CurrentPrincipal() principal: Principal, @Args('id', { type: () => ID }) id: string) {
    return toAppointment(await this.service.noShow(principal, id));
  }

  @Mutation(() => Appointment, { description: 'The dealer confirms an appointment the workshop proposed for a reported fault: it is BOOKED' })
  @Roles('DEALER', 'HQ_ADMIN')
  async confirmProposedAppointment(@CurrentPrincipal() principal: Principal, @Args('id', { type: () => ID }) id: string) {
    return toAppointment(await this.service.confirmProposed(principal, id));
  }

  @Mutation(() => Appointment, { description: 'The customer declines a proposed appointment (told by the dealer or the call center): DECLINED, the bay is freed' })
  @Roles('DEALER', 'HQ_ADMIN', 'INBOUND_AGENT', 'OUTBOUND_AGENT')
  async declineProposedAppointment(@CurrentPrincipal() principal: Principal, @Args('id', { type: () => ID }) id: string) {
    return toAppointment(await this.service.declineProposed(principal, id));
  }

  @Mutation(() => Appointment, { description: 'Cancels and frees the bay' })
  @Roles('DEALER', 'HQ_ADMIN', 'INBOUND_AGENT', 'OUTBOUND_AGENT')
  async cancelAppointment(@CurrentPrincipal() principal: Principal, @Args('id', { type: () => ID }) id: string) {
    return toAppointment(await this.service.cancel(principal, id));
  }
}
