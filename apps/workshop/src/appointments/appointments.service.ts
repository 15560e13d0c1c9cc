import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import type { Connection } from 'mongoose';
import { Clock, NotFoundError } from '@aftersales/platform-core';
import { canAccess, scoped, type Principal } from '@aftersales/platform-auth';
import {
  appointmentMachine,
  candidateSlots,
  classifyArrival,
  daySlots,
  localDateOf,
  MIN_ALTERNATIVES,
  reminderDueAt,
  slotAt,
  type AppointmentAction,
  type AppointmentStatus,
  type ArrivalClass,
  type Slot,
  type SlotKind,
} from '@aftersales/domain-workshop';
import { assertTransition, isDuplicateKey, refuseIf } from '../common/errors';
import { claimRevision } from '../common/revisions';
import { plainCustomer, plainVehicle, type Customer, type Vehicle } from '../common/types';
import { CenterDirectory } from '../centers/center-directory';
import { KpiStore } from '../kpis/kpi-store';
import { assertCenterWrite, SetupService } from '../setup/setup.service';
import type { BookAppointmentInput } from './appointment.types';

export interface AppointmentDoc {
  _id: string;
  serviceCenterId: string;
  regionId: string;
  slotStart: Date;
  slotEnd: Date;
  slotKind: SlotKind;
  bayId: string;
  customer: Customer;
  vehicle: Vehicle;
  origin: 'PROACTIVE' | 'PASSIVE';
  request: string | null;
  status: AppointmentStatus;
  rev: number;
  reminderDueAt: Date;
  remindedAt: Date | null;
  arrivedAt: Date | null;
  arrival: ArrivalClass | null;
  repairOrderId: string | null;
  createdAt: Date;
  updatedAt: Date;
}

interface ClaimDoc {
  _id: string;
  appointmentId: string;
  at: Date;
}

export const claimId = (centerId: string, bayId: string, slotStart: Date) => `${centerId}|${bayId}|${slotStart.toISOString()}`;
/** Field name inside a day's occupancy document (no dots: epoch milliseconds, not ISO). */
const occupancyKey = (bayId: string, slotStart: Date) => `${bayId}@${slotStart.getTime()}`;

interface OccupancyDoc {
  _id: string;
  taken: Record<string, string>;
}

/** How many alternatives a refused booking offers (the manual's minimum is two). */
const ALTERNATIVES_OFFERED = Math.max(MIN_ALTERNATIVES, 3);

@Injectable()
export class AppointmentsService {
  constructor(
    @InjectConnection() private readonly connection: Connection,
    private readonly centers: CenterDirectory,
    private readonly setups: SetupService,
    private readonly kpis: KpiStore,
    private readonly clock: Clock,
  ) {}

  private get appointments() {
    return this.connection.collection<AppointmentDoc>('appointments');
  }

  private get claims() {
    return this.connection.collection<ClaimDoc>('slot_claims');
  }

  private get occupancy() {
    return this.connection.collection<OccupancyDoc>('slot_occupancy');
  }

  /**
   * The day's taken bay-slots, one `_id` read. Claims stay the source of truth (they decide who gets
   * a bay); this index only lists them, so a missed update can show a taken slot as free, and booking
   * it then answers with alternatives.
   */
  private async markOccupied(centerId: string, timeZone: string, bayId: string, slotStart: Date, appointmentId: string | null): Promise<void> {
    const _id = `${centerId}|${localDateOf(slotStart, timeZone)}`;
    const field = `taken.${occupancyKey(bayId, slotStart)}`;
    for (let attempt = 0; ; attempt++) {
      try {
        if (appointmentId) await this.occupancy.updateOne({ _id }, { $set: { [field]: appointmentId } }, { upsert: true });
        else await this.occupancy.updateOne({ _id }, { $unset: { [field]: '' } });
        return;
      } catch (e) {
        // Two first bookings of a day can race on the upsert's insert: the loser retries as an update.
        if (!isDuplicateKey(e) || attempt > 0) throw e;
      }
    }
  }

  /**
   * Books the wished slot on the first free bay. Each bay of a slot is claimed by inserting
   * `_id: center|bay|slotStart`: the store's unique `_id` lets exactly one request win a bay, so two
   * requests for the last free bay never both succeed. When every bay is taken, the nearest free
   * slots are offered instead (at least two).
   */
  async book(principal: Principal, input: BookAppointmentInput): Promise<{ appointment: AppointmentDoc | null; alternatives: (Slot & { freeBays: string[] })[]; reason: string | null }> {
    const center = await this.centers.get(input.serviceCenterId);
    assertCenterWrite(principal, center);
    const setup = await this.setups.require(center._id);
    const calendar = await this.centers.calendarOf(center._id);
    const now = this.clock.now();
    const slot = slotAt(setup, calendar, input.slotStart);
    const issues = [];
    if (!slot) issues.push({ field: 'slotStart', rule: 'slot', message: 'is not the start of a slot of this center (see availableSlots)' });
    else if (slot.kind === 'NON_APPOINTMENT') issues.push({ field: 'slotStart', rule: 'nonAppointmentPeriod', message: 'falls in a period kept for walk-ins' });
    if (input.slotStart.getTime() <= now.getTime()) issues.push({ field: 'slotStart', rule: 'future', message: 'must be in the future' });
    refuseIf(issues);
    const id = `ap-${randomUUID()}`;
    for (const bayId of slot!.bays) {
      try {
        await this.claims.insertOne({ _id: claimId(center._id, bayId, slot!.start), appointmentId: id, at: now });
      } catch (e) {
        if (isDuplicateKey(e)) continue;
        throw e;
      }
      const doc: AppointmentDoc = {
        _id: id,
        serviceCenterId: center._id,
        regionId: center.regionId,
        slotStart: slot!.start,
        slotEnd: slot!.end,
        slotKind: slot!.kind,
        bayId,
        customer: plainCustomer(input.customer),
        vehicle: plainVehicle(input.vehicle),
        origin: input.origin,
        request: input.request ?? null,
        status: 'BOOKED',
        rev: 0,
        reminderDueAt: reminderDueAt(slot!.start),
        remindedAt: null,
        arrivedAt: null,
        arrival: null,
        repairOrderId: null,
        createdAt: now,
        updatedAt: now,
      };
      try {
        await this.appointments.insertOne(doc);
      } catch (e) {
        // The bay must not stay blocked by an appointment that was never written.
        await this.claims.deleteOne({ _id: claimId(center._id, bayId, slot!.start) }).catch(() => undefined);
        throw e;
      }
      await this.markOccupied(center._id, center.timeZone, bayId, slot!.start, id);
      return { appointment: doc, alternatives: [], reason: null };
    }
    const alternatives = await this.freeSlots(center._id, center.timeZone, candidateSlots(setup, calendar, slot!.start, now), ALTERNATIVES_OFFERED);
    return { appointment: null, alternatives, reason: `every appointment bay of the slot at ${slot!.start.toISOString()} is taken` };
  }

  /** Keeps candidates (in order) that still have a free bay, until `limit`; reads one occupancy document per local day. */
  private async freeSlots(centerId: string, timeZone: string, candidates: Slot[], limit: number): Promise<(Slot & { freeBays: string[] })[]> {
    const days = new Map<string, Promise<Record<string, string>>>();
    const takenOn = (date: string) => {
      let day = days.get(date);
      if (!day) days.set(date, (day = this.occupancy.findOne({ _id: `${centerId}|${date}` }).then((d) => d?.taken ?? {})));
      return day;
    };
    const out: (Slot & { freeBays: string[] })[] = [];
    for (const s of candidates) {
      const taken = await takenOn(localDateOf(s.start, timeZone));
      const freeBays = s.bays.filter((b) => !taken[occupancyKey(b, s.start)]);
      if (freeBays.length) out.push({ ...s, freeBays });
      if (out.length === limit) break;
    }
    return out;
  }

  async availableSlots(principal: Principal, centerId: string, date: string): Promise<(Slot & { freeBays: string[] })[]> {
    const center = await this.centers.find(centerId);
    if (!center || !canAccess(principal, { serviceCenterId: center._id, regionId: center.regionId })) throw new NotFoundError('ServiceCenter', centerId);
    const setup = await this.setups.require(centerId);
    const calendar = await this.centers.calendarOf(centerId);
    const slots = daySlots(setup, calendar, date).filter((s) => s.bays.length > 0);
    return this.freeSlots(centerId, center.timeZone, slots, slots.length);
  }

  async get(principal: Principal, id: string): Promise<AppointmentDoc> {
    const doc = (await this.appointments.findOne({ _id: id })) as AppointmentDoc | null;
    if (!doc || !canAccess(principal, { serviceCenterId: doc.serviceCenterId, regionId: doc.regionId })) throw new NotFoundError('Appointment', id);
    return doc;
  }

  /** Booked appointments of a center whose reminder (1 h before) is due and not yet given. */
  async dueReminders(principal: Principal, centerId: string): Promise<AppointmentDoc[]> {
    const now = this.clock.now();
    const filter = scoped(principal, { serviceCenterId: centerId, status: 'BOOKED', remindedAt: null, reminderDueAt: { $lte: now } });
    return (await this.appointments.find(filter as object).toArray()).sort((a, b) => a.slotStart.getTime() - b.slotStart.getTime()) as AppointmentDoc[];
  }

  private async change(principal: Principal, id: string, action: AppointmentAction, apply: (doc: AppointmentDoc, now: Date) => Partial<AppointmentDoc>): Promise<AppointmentDoc> {
    const doc = await this.get(principal, id);
    assertCenterWrite(principal, await this.centers.get(doc.serviceCenterId));
    assertTransition(appointmentMachine, doc.status, action);
    const now = this.clock.now();
    const changes = { ...apply(doc, now), rev: doc.rev + 1, updatedAt: now };
    await claimRevision(this.connection, 'appointments', id, doc.rev);
    await this.appointments.updateOne({ _id: id }, { $set: changes });
    return { ...doc, ...changes };
  }

  remind(principal: Principal, id: string) {
    return this.change(principal, id, 'remind', (_d, now) => ({ remindedAt: now }));
  }

  async arrive(principal: Principal, id: string): Promise<AppointmentDoc> {
    const center = await this.centers.get((await this.get(principal, id)).serviceCenterId);
    const setup = await this.setups.require(center._id);
    const doc = await this.change(principal, id, 'arrive', (d, now) => {
      const arrival = classifyArrival({ start: d.slotStart, end: d.slotEnd }, now, setup.lateAfterMinutes);
      // After the held slot the bay was given up: the visit is a no-show, the car a walk-in.
      return { arrivedAt: now, arrival, status: arrival === 'NO_SHOW' ? 'NO_SHOW' : 'ARRIVED' };
    });
    await this.kpis.add(center._id, center.timeZone, doc.slotStart, { appointmentsResolved: 1, appointmentsOnTime: doc.arrival === 'ON_TIME' ? 1 : 0 });
    return doc;
  }

  async noShow(principal: Principal, id: string): Promise<AppointmentDoc> {
    const current = await this.get(principal, id);
    refuseIf(
      this.clock.now() < current.slotEnd
        ? [{ field: 'id', rule: 'slotStillHeld', message: `the bay is held for the customer until ${current.slotEnd.toISOString()}` }]
        : [],
    );
    const doc = await this.change(principal, id, 'noShow', () => ({ status: 'NO_SHOW', arrival: 'NO_SHOW' }));
    const center = await this.centers.get(doc.serviceCenterId);
    await this.kpis.add(center._id, center.timeZone, doc.slotStart, { appointmentsResolved: 1 });
    return doc;
  }

  async cancel(principal: Principal, id: string): Promise<AppointmentDoc> {
    const doc = await this.change(principal, id, 'cancel', () => ({ status: 'CANCELLED' }));
    await this.claims.deleteOne({ _id: claimId(doc.serviceCenterId, doc.bayId, doc.slotStart) });
    const center = await this.centers.get(doc.serviceCenterId);
    await this.markOccupied(center._id, center.timeZone, doc.bayId, doc.slotStart, null);
    return doc;
  }

  /** Called when reception opens the repair order of an arrived appointment. */
  async linkRepairOrder(principal: Principal, id: string, repairOrderId: string): Promise<AppointmentDoc> {
    return this.change(principal, id, 'openRepairOrder', () => ({ repairOrderId }));
  }
}
