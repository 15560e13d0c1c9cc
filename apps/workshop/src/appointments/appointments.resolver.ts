import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { IsString, Length, Matches } from 'class-validator';
import { ArgsType, Field } from '@nestjs/graphql';
import { CurrentPrincipal, Roles, type Principal } from '@aftersales/platform-auth';
import type { SlotKind } from '../setup/setup.types';
import { Appointment, BookAppointmentInput, BookingResult, SlotModel, type AppointmentOrigin, type AppointmentStatus, type ArrivalClass } from './appointment.types';
import { AppointmentsService, type AppointmentDoc } from './appointments.service';

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

@Resolver(() => Appointment)
export class AppointmentsResolver {
  constructor(private readonly appointments: AppointmentsService) {}

  @Mutation(() => BookingResult)
  @Roles('DEALER', 'HQ_ADMIN', 'INBOUND_AGENT', 'OUTBOUND_AGENT')
  async bookAppointment(@CurrentPrincipal() principal: Principal, @Args('input') input: BookAppointmentInput): Promise<BookingResult> {
    const r = await this.appointments.book(principal, input);
    return {
      appointment: r.appointment && toAppointment(r.appointment),
      alternatives: r.alternatives.map((s) => ({ start: s.start, end: s.end, kind: s.kind as SlotKind, freeBays: s.freeBays })),
      reason: r.reason,
    };
  }

  @Query(() => [SlotModel], { description: 'Bookable slots of a day with their free bays' })
  async availableSlots(@CurrentPrincipal() principal: Principal, @Args() args: AvailableSlotsArgs): Promise<SlotModel[]> {
    const slots = await this.appointments.availableSlots(principal, args.serviceCenterId, args.date);
    return slots.map((s) => ({ start: s.start, end: s.end, kind: s.kind as SlotKind, freeBays: s.freeBays }));
  }

  @Query(() => Appointment)
  async appointment(@CurrentPrincipal() principal: Principal, @Args('id', { type: () => ID }) id: string) {
    return toAppointment(await this.appointments.get(principal, id));
  }

  @Query(() => [Appointment], { description: 'Booked appointments whose 1 h reminder is due' })
  async appointmentReminders(@CurrentPrincipal() principal: Principal, @Args('serviceCenterId', { type: () => ID }) centerId: string) {
    return (await this.appointments.dueReminders(principal, centerId)).map(toAppointment);
  }

  @Mutation(() => Appointment)
  @Roles('DEALER', 'HQ_ADMIN', 'INBOUND_AGENT', 'OUTBOUND_AGENT')
  async markAppointmentReminded(@CurrentPrincipal() principal: Principal, @Args('id', { type: () => ID }) id: string) {
    return toAppointment(await this.appointments.remind(principal, id));
  }

  @Mutation(() => Appointment, { description: 'The customer arrived: ON_TIME, LATE (bay still held) or NO_SHOW (after the held slot)' })
  @Roles('DEALER', 'HQ_ADMIN')
  async recordAppointmentArrival(@CurrentPrincipal() principal: Principal, @Args('id', { type: () => ID }) id: string) {
    return toAppointment(await this.appointments.arrive(principal, id));
  }

  @Mutation(() => Appointment, { description: 'The held slot passed without the customer' })
  @Roles('DEALER', 'HQ_ADMIN')
  async recordNoShow(@CurrentPrincipal() principal: Principal, @Args('id', { type: () => ID }) id: string) {
    return toAppointment(await this.appointments.noShow(principal, id));
  }

  @Mutation(() => Appointment, { description: 'Cancels and frees the bay' })
  @Roles('DEALER', 'HQ_ADMIN', 'INBOUND_AGENT', 'OUTBOUND_AGENT')
  async cancelAppointment(@CurrentPrincipal() principal: Principal, @Args('id', { type: () => ID }) id: string) {
    return toAppointment(await this.appointments.cancel(principal, id));
  }
}
