import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import type { EventOf } from '@aftersales/contracts';
import { Clock, NotFoundError } from '@aftersales/platform-core';
import { canAccess, scoped, type Principal } from '@aftersales/platform-auth';
import { NetworkCenters } from '@aftersales/platform-centers';
import {
  appointmentMachine,
  candidateSlots,
  classifyArrival,
  daySlots,
  MIN_ALTERNATIVES,
  reminderDueAt,
  slotAt,
  type AppointmentAction,
  type Slot,
} from '@aftersales/domain-workshop';
import { assertTransition, isDuplicateKey, refuseIf } from '../common/errors';
import { updateAtRevision } from '../common/revisions';
import { plainCustomer, plainVehicle } from '../common/types';
import { KpiStore } from '../kpis/kpi-store';
import { assertCenterWrite, SetupService } from '../setup/setup.service';
import { APPOINTMENT_MODEL, appointmentsFilter, BAY_HOLD_MODEL, campaignAppointmentId, faultAppointmentId, dueRemindersFilter, heldBaysFilter, type AppointmentDoc, type BayHoldDoc } from './appointment.schema';
import type { BookAppointmentInput } from './appointment.types';

export type { AppointmentDoc } from './appointment.schema';

/** How many alternatives a refused booking offers (the manual's minimum is two). */
const ALTERNATIVES_OFFERED = Math.max(MIN_ALTERNATIVES, 3);
/** Slot starts per free-bay query: a day's slots, or the nearest alternatives, in one read. */
const FREE_SLOT_CHUNK = 32;
/** Most appointments one list answers (a center books a few dozen a day). */
export const APPOINTMENT_LIST_LIMIT = 500;

@Injectable()
export class AppointmentsService {
  constructor(
    @InjectModel(APPOINTMENT_MODEL) private readonly model: Model<AppointmentDoc>,
    @InjectModel(BAY_HOLD_MODEL) private readonly holds: Model<BayHoldDoc>,
    private readonly centers: NetworkCenters,
    private readonly setups: SetupService,
    private readonly kpis: KpiStore,
    private readonly clock: Clock,
  ) {}

  /**
   * Books the wished slot on the first free bay (`placeOnFreeBay`). When every bay is taken, the
   * nearest free slots are offered instead (at least two).
   */
  async book(principal: Principal, input: BookAppointmentInput): Promise<{ appointment: AppointmentDoc | null; alternatives: (Slot & { freeBays: string[] })[]; reason: string | null }> {
    const center = await this.centers.get(input.serviceCenterId);
    assertCenterWrite(principal, center);
    const setup = await this.setups.require(center._id);
    const calendar = this.centers.calendarOf(center);
    const now = this.clock.now();
    const slot = slotAt(setup, calendar, input.slotStart);
    const issues = [];
    if (!slot) issues.push({ field: 'slotStart', rule: 'slot', message: 'is not the start of a slot of this center (see availableSlots)' });
    else if (slot.kind === 'NON_APPOINTMENT') issues.push({ field: 'slotStart', rule: 'nonAppointmentPeriod', message: 'falls in a period kept for walk-ins' });
    if (input.slotStart.getTime() <= now.getTime()) issues.push({ field: 'slotStart', rule: 'future', message: 'must be in the future' });
    refuseIf(issues);
    const [free] = await this.freeSlots(center._id, [slot!], 1);
    const appointment = await this.placeOnFreeBay(center, slot!, free?.freeBays ?? [], {
      _id: `ap-${randomUUID()}`,
      customer: plainCustomer(input.customer),
      vehicle: plainVehicle(input.vehicle),
      origin: input.origin,
      request: input.request ?? null,
      campaign: null,
      now,
    });
    if (appointment) return { appointment, alternatives: [], reason: null };
    const alternatives = await this.freeSlots(center._id, candidateSlots(setup, calendar, slot!.start, now), ALTERNATIVES_OFFERED);
    return { appointment: null, alternatives, reason: `every appointment bay of the slot at ${slot!.start.toISOString()} is taken` };
  }

  /**
   * Inserting the bay's hold is the booking: when two requests race for the last free bay, the second
   * insert fails on the unique bay-slot index and tries the next bay, so a bay-slot is never booked
   * twice. Null when every bay listed was taken meanwhile.
   */
  private async placeOnFreeBay(
    center: { _id: string; regionId: string },
    slot: Slot,
    freeBays: readonly string[],
    a: Pick<AppointmentDoc, '_id' | 'customer' | 'vehicle' | 'origin' | 'request' | 'campaign'> & Partial<Pick<AppointmentDoc, 'fault' | 'status'>> & { now: Date },
  ): Promise<AppointmentDoc | null> {
    for (const bayId of freeBays) {
      try {
        await this.holds.create({ _id: a._id, serviceCenterId: center._id, slotStart: slot.start, bayId });
      } catch (e) {
        // Another request took this bay since we looked: try the next one.
        if (isDuplicateKey(e)) continue;
        throw e;
      }
      const doc: AppointmentDoc = {
        _id: a._id,
        serviceCenterId: center._id,
        regionId: center.regionId,
        slotStart: slot.start,
        slotEnd: slot.end,
        slotKind: slot.kind,
        bayId,
        customer: a.customer,
        vehicle: a.vehicle,
        origin: a.origin,
        request: a.request,
        campaign: a.campaign ?? null,
        fault: a.fault ?? null,
        status: a.status ?? 'BOOKED',
        rev: 0,
        reminderDueAt: reminderDueAt(slot.start),
        remindedAt: null,
        arrivedAt: null,
        arrival: null,
        repairOrderId: null,
        createdAt: a.now,
        updatedAt: a.now,
      };
      try {
        await this.model.create(doc);
      } catch (e) {
        // The bay must not stay held by an appointment that was never written.
        await this.holds.deleteOne({ _id: a._id }).catch(() => undefined);
        throw e;
      }
      return doc;
    }
    return null;
  }

  /**
   * A campaign call booked an appointment (CampaignCallRecorded.v1): the workshop books the slot the
   * customer chose at the vehicle's center or, when it was taken meanwhile (or is no longer a slot),
   * the nearest free one from then on. Idempotent: the appointment's id derives from the call task, so a
   * redelivered event finds it; a hold a crash left without its appointment is released first. No
   * setup, or no free slot within a week, throws: the event is retried, then dead-lettered.
   */
  async onCampaignCallRecorded(e: EventOf<'CampaignCallRecorded.v1'>): Promise<void> {
    const p = e.payload;
    if (p.outcome !== 'APPOINTMENT_BOOKED' || !p.appointment) return;
    const id = campaignAppointmentId(p.taskId);
    if (await this.model.exists({ _id: id })) return;
    await this.holds.deleteOne({ _id: id }).exec();
    const center = await this.centers.get(p.serviceCenterId);
    const setup = await this.setups.require(center._id);
    const calendar = this.centers.calendarOf(center);
    const now = this.clock.now();
    const wished = new Date(p.appointment.slotStart);
    const from = wished > now ? wished : now;
    const appointment = {
      _id: id,
      customer: plainCustomer(p.customer),
      vehicle: plainVehicle(p.vehicle),
      origin: 'PROACTIVE' as const,
      request: [`${p.campaignKind === 'RECALL' ? 'Recall' : p.campaignKind === 'SERVICE' ? 'Service' : 'Care'} campaign: ${p.campaignName}`, p.appointment.request].filter(Boolean).join('\n'),
      campaign: { id: p.campaignId, kind: p.campaignKind, name: p.campaignName, taskId: p.taskId, requestedSlotStart: wished },
      now,
    };
    if (!(await this.placeInFirstFreeSlot(center, candidateSlots(setup, calendar, from, from), appointment))) {
      throw new Error(`no free appointment slot at ${center._id} within a week of ${from.toISOString()} for campaign call ${p.taskId}`);
    }
  }

  /** The first candidate slot with a free bay, in the center's calendar order. */
  private async placeInFirstFreeSlot(center: { _id: string; regionId: string }, candidates: readonly Slot[], appointment: Parameters<AppointmentsService['placeOnFreeBay']>[3]): Promise<boolean> {
    for (let i = 0; i < candidates.length; i += FREE_SLOT_CHUNK) {
      for (const free of await this.freeSlots(center._id, candidates.slice(i, i + FREE_SLOT_CHUNK), FREE_SLOT_CHUNK)) {
        if (await this.placeOnFreeBay(center, free, free.freeBays, appointment)) return true;
      }
    }
    return false;
  }

  /**
   * A connected car reported a severe fault (VehicleFaultReported.v1): the workshop proposes the
   * dealer's next free appointment slot in its calendar, with the fault attached, and holds the bay
   * until the dealer confirms or the customer declines. Idempotent as the campaign booking is.
   */
  async onVehicleFaultReported(e: EventOf<'VehicleFaultReported.v1'>): Promise<void> {
    const p = e.payload;
    const id = faultAppointmentId(p.reportId);
    if (await this.model.exists({ _id: id })) return;
    await this.holds.deleteOne({ _id: id }).exec();
    const center = await this.centers.get(p.serviceCenterId);
    const setup = await this.setups.require(center._id);
    const now = this.clock.now();
    const appointment = {
      _id: id,
      customer: plainCustomer(p.customer),
      vehicle: plainVehicle(p.vehicle),
      origin: 'PROACTIVE' as const,
      request: `Fault reported by the vehicle: ${p.faultCode} (${p.severity}) at ${p.odometerKm} km`,
      campaign: null,
      fault: { reportId: p.reportId, code: p.faultCode, severity: p.severity, odometerKm: p.odometerKm, description: p.description },
      status: 'PROPOSED' as const,
      now,
    };
    if (!(await this.placeInFirstFreeSlot(center, candidateSlots(setup, this.centers.calendarOf(center), now, now), appointment))) {
      throw new Error(`no free appointment slot at ${center._id} within a week of ${now.toISOString()} for fault report ${p.reportId}`);
    }
  }

  /** A center's appointments by slot time (optionally one campaign's), within the caller's scope. */
  async list(principal: Principal, f: { serviceCenterId: string; from: Date; to: Date; campaignId?: string | null }): Promise<AppointmentDoc[]> {
    const center = await this.centers.find(f.serviceCenterId);
    if (!center || !canAccess(principal, { serviceCenterId: center._id, regionId: center.regionId })) throw new NotFoundError('ServiceCenter', f.serviceCenterId);
    const filter = scoped(principal, appointmentsFilter(center._id, f.from, f.to, f.campaignId ?? null));
    return this.model.find(filter).sort({ slotStart: 1, _id: 1 }).limit(APPOINTMENT_LIST_LIMIT).lean<AppointmentDoc[]>().exec();
  }

  /** Keeps candidates (in order) that still have a free bay, until `limit`; one indexed query per chunk of slot starts. */
  private async freeSlots(centerId: string, candidates: readonly Slot[], limit: number): Promise<(Slot & { freeBays: string[] })[]> {
    const out: (Slot & { freeBays: string[] })[] = [];
    for (let i = 0; i < candidates.length && out.length < limit; i += FREE_SLOT_CHUNK) {
      const chunk = candidates.slice(i, i + FREE_SLOT_CHUNK);
      const held = await this.holds
        .find(heldBaysFilter(centerId, chunk.map((s) => s.start)), { _id: 0, bayId: 1, slotStart: 1 })
        .lean<{ bayId: string; slotStart: Date }[]>()
        .exec();
      const taken = new Set(held.map((h) => `${h.bayId}@${h.slotStart.getTime()}`));
      for (const s of chunk) {
        const freeBays = s.bays.filter((b) => !taken.has(`${b}@${s.start.getTime()}`));
        if (freeBays.length) out.push({ ...s, freeBays });
        if (out.length === limit) break;
      }
    }
    return out;
  }

  async availableSlots(principal: Principal, centerId: string, date: string): Promise<(Slot & { freeBays: string[] })[]> {
    const center = await this.centers.find(centerId);
    if (!center || !canAccess(principal, { serviceCenterId: center._id, regionId: center.regionId })) throw new NotFoundError('ServiceCenter', centerId);
    const setup = await this.setups.require(centerId);
    const slots = daySlots(setup, this.centers.calendarOf(center), date).filter((s) => s.bays.length > 0);
    return this.freeSlots(centerId, slots, slots.length);
  }

  async get(principal: Principal, id: string): Promise<AppointmentDoc> {
    const doc = await this.model.findById(id).lean<AppointmentDoc>().exec();
    if (!doc || !canAccess(principal, { serviceCenterId: doc.serviceCenterId, regionId: doc.regionId })) throw new NotFoundError('Appointment', id);
    return doc;
  }

  /** Booked appointments of a center whose reminder (1 h before) is due and not yet given. */
  async dueReminders(principal: Principal, centerId: string): Promise<AppointmentDoc[]> {
    const filter = scoped(principal, dueRemindersFilter(centerId, this.clock.now()));
    return this.model.find(filter).sort({ slotStart: 1 }).lean<AppointmentDoc[]>().exec();
  }

  private async change(principal: Principal, id: string, action: AppointmentAction, apply: (doc: AppointmentDoc, now: Date) => Partial<AppointmentDoc>): Promise<AppointmentDoc> {
    const doc = await this.get(principal, id);
    assertCenterWrite(principal, await this.centers.get(doc.serviceCenterId));
    assertTransition(appointmentMachine, doc.status, action);
    const now = this.clock.now();
    const changes = { ...apply(doc, now), updatedAt: now };
    await updateAtRevision(this.model, 'Appointment', doc, { $set: changes });
    return { ...doc, ...changes, rev: doc.rev + 1 };
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

  confirmProposed(principal: Principal, id: string): Promise<AppointmentDoc> {
    return this.change(principal, id, 'confirm', () => ({ status: 'BOOKED' }));
  }

  /** The customer does not want the proposed visit: the bay is freed, as at a cancellation. */
  async declineProposed(principal: Principal, id: string): Promise<AppointmentDoc> {
    const doc = await this.change(principal, id, 'decline', () => ({ status: 'DECLINED' }));
    await this.holds.deleteOne({ _id: id }).exec();
    return doc;
  }

  /** Frees the bay once the appointment is cancelled (never before: a refused cancellation keeps its bay). */
  async cancel(principal: Principal, id: string): Promise<AppointmentDoc> {
    const doc = await this.change(principal, id, 'cancel', () => ({ status: 'CANCELLED' }));
    await this.holds.deleteOne({ _id: id }).exec();
    return doc;
  }

  /** Called when reception opens the repair order of an arrived appointment. */
  async linkRepairOrder(principal: Principal, id: string, repairOrderId: string): Promise<AppointmentDoc> {
    return this.change(principal, id, 'openRepairOrder', () => ({ repairOrderId }));
  }
}
