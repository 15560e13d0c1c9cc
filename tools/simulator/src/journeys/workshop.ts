import { DateTime } from 'luxon';
import { PART_BY_NUMBER } from '../../../seed/src/parts-catalog';
import { afterWorkingMinutes } from '../hours';
import { qualifiedStaff, type SimCenter } from '../network';
import { customerFor, laborRate, pickFault, vehicleFor } from '../people';
import { complaintJourney } from './complaints';
import { partsOrderJourney } from './parts';
import { countDecisions, ensureWarrantyRegistration, warrantyClaimJourney } from './warranty';
import type { RecentVisit, World } from './world';

const SETUP = `query($id: ID!) { workshopSetup(serviceCenterId: $id) { bays { id } } }`;
const SLOTS = `query($id: ID!, $date: String!) { availableSlots(serviceCenterId: $id, date: $date) { start end kind freeBays } }`;
const BOOK = `mutation($input: BookAppointmentInput!) { bookAppointment(input: $input) { appointment { id slotStart slotEnd reminderDueAt } alternatives { start } reason } }`;
const REMIND = `mutation($id: ID!) { markAppointmentReminded(id: $id) { id } }`;
const ARRIVE = `mutation($id: ID!) { recordAppointmentArrival(id: $id) { id arrival } }`;
const NO_SHOW = `mutation($id: ID!) { recordNoShow(id: $id) { id status } }`;
const CANCEL = `mutation($id: ID!) { cancelAppointment(id: $id) { id status } }`;
const OPEN = `mutation($input: OpenRepairOrderInput!) { openRepairOrder(input: $input) { id status repeatRepair estimate { customer total laborHours } partsRequests { requestId status } items { warranty { covered reason } } } }`;
const ORDER = `query($id: ID!) { repairOrder(id: $id) { id status estimate { customer total } partsRequests { requestId status partNumbers } followUps { id kind status } } }`;
const DISPATCH = `mutation($id: ID!, $input: DispatchInput!) { dispatchRepairOrder(id: $id, input: $input) { id status } }`;
const COMPLETE = `mutation($id: ID!) { completeRepairWork(id: $id) { id status } }`;
const QC = `mutation($id: ID!, $input: QualityCheckInput!) { recordQualityCheck(id: $id, input: $input) { id status reworkCount } }`;
const SKIP_QC = `mutation($id: ID!) { skipQualityCheck(id: $id) { id status } }`;
const DELIVER = `mutation($id: ID!, $input: DeliverInput!) { deliverRepairOrder(id: $id, input: $input) { id status followUps { id kind status } } }`;
const FOLLOW_UP = `mutation($id: ID!, $input: FollowUpResultInput!) { recordFollowUp(id: $id, input: $input) { id } }`;
const REQUEST_CALL = `mutation($id: ID!) { requestFollowUpCall(id: $id) { id } }`;

interface Slot {
  start: string;
  end: string;
  kind: string;
  freeBays: string[];
}

/** Bays of a center's workshop (cached; null when the workshop has no setup yet). */
export async function baysOf(world: World, center: SimCenter): Promise<string[] | null> {
  const hit = world.bays.get(center.id);
  if (hit && (hit.bays || Date.now() - hit.at < 10 * 60_000)) return hit.bays;
  const { rt } = world;
  const res = await rt.tryCall<{ workshopSetup: { bays: { id: string }[] } }>('workshopSetup', SETUP, { id: center.id }, rt.tokens.dealer(center), ['NOT_FOUND']);
  const bays = res ? res.workshopSetup.bays.map((b) => b.id) : null;
  world.bays.set(center.id, { bays, at: Date.now() });
  return bays;
}

/** Sleeps until `at`, the business part compressed by the pace. */
async function until(world: World, at: Date): Promise<void> {
  await world.rt.sleep((at.getTime() - Date.now()) / world.rt.pace);
}

async function findSlot(world: World, center: SimCenter, token: Promise<string>): Promise<Slot | null> {
  const { rt } = world;
  const earliest = Date.now() + (rt.pace > 1 ? 60_000 : rt.rng.between(45, 24 * 60) * 60_000);
  const today = DateTime.now().setZone(center.timeZone);
  for (let d = 0; d < 4; d++) {
    const date = today.plus({ days: d }).toISODate()!;
    const slots = (await rt.call<{ availableSlots: Slot[] }>('availableSlots', SLOTS, { id: center.id, date }, token)).availableSlots;
    const free = slots.filter((s) => s.freeBays.length && new Date(s.start).getTime() >= earliest);
    if (free.length) return rt.rng.chance(0.6) ? free[0]! : rt.rng.pick(free.slice(0, 8));
  }
  return null;
}

/**
 * A car through the workshop's seven steps: appointment (booked by the dealer or the call center,
 * reminded an hour before; a few cancel or do not show), reception and repair order (parts reserved
 * at the dealer, or a shortage that sends the dealer to its regional parts center), dispatch to a
 * qualified technician, the repair, the three-level quality check (sometimes failed: rework), delivery
 * and payment, the follow-up call days later (now and then a complaint, or handed to the call center).
 */
export async function workshopJourney(world: World, center: SimCenter, withAppointment: boolean): Promise<void> {
  const { rt } = world;
  const token = rt.tokens.dealer(center);
  const bays = await baysOf(world, center);
  if (!bays?.length) {
    rt.stats.outcome('workshopNotConfigured');
    return;
  }
  // Reception is a qualified advisor's post (the workshop refuses anyone else): no advisor, no visit.
  const advisors = qualifiedStaff(center, 'SERVICE_ADVISOR');
  const technicians = qualifiedStaff(center, 'TECHNICIAN');
  if (!advisors.length || !technicians.length) {
    rt.stats.outcome('workshopUnstaffed');
    return;
  }
  const advisor = rt.rng.pick(advisors);
  const recent = (world.recent.get(center.id) ?? []).filter((v) => Date.now() - v.at < 25 * 86_400_000);
  const repeat = recent.length && rt.rng.chance(0.05) ? rt.rng.pick(recent) : undefined;
  const customer = repeat?.customer ?? customerFor(center, rt.rng);
  const seen = repeat ? { ...repeat.vehicle, mileageKm: repeat.vehicle.mileageKm + rt.rng.int(50, 900) } : vehicleFor(rt.rng);
  const fault = repeat?.fault ?? pickFault(rt.rng, world.faultWeights);
  // The sale is on record before the car is received, so the workshop decides each item's warranty.
  const vehicle = await ensureWarrantyRegistration(world, center, seen);

  let appointmentId: string | undefined;
  if (withAppointment) {
    const passive = rt.rng.chance(0.65);
    const bookToken = passive && world.agents.length && rt.rng.chance(0.4) ? rt.tokens.agent(rt.rng.pick(world.agents)) : token;
    const slot = await findSlot(world, center, bookToken);
    if (!slot) {
      rt.stats.outcome('noFreeSlot');
      return;
    }
    const book = async (start: string) =>
      (
        await rt.call<{ bookAppointment: { appointment: { id: string; slotStart: string; slotEnd: string; reminderDueAt: string } | null; alternatives: { start: string }[] } }>(
          'bookAppointment',
          BOOK,
          {
            input: {
              serviceCenterId: center.id,
              slotStart: start,
              origin: passive ? 'PASSIVE' : 'PROACTIVE',
              customer: { name: customer.name, phone: customer.phone, ...(customer.email ? { email: customer.email } : {}), country: customer.country, language: customer.language },
              vehicle,
              request: fault.description,
            },
          },
          bookToken,
        )
      ).bookAppointment;
    let booked = await book(slot.start);
    if (!booked.appointment && booked.alternatives[0]) booked = await book(booked.alternatives[0].start);
    const appointment = booked.appointment;
    if (!appointment) {
      rt.stats.outcome('noFreeSlot');
      return;
    }
    appointmentId = appointment.id;
    await until(world, new Date(appointment.reminderDueAt));
    await rt.call('markAppointmentReminded', REMIND, { id: appointment.id }, bookToken);
    const roll = rt.rng.float();
    if (roll < 0.04) {
      await rt.call('cancelAppointment', CANCEL, { id: appointment.id }, bookToken);
      rt.stats.outcome('appointmentsCancelled');
      return;
    }
    if (roll < 0.1) {
      // The slot must have passed (in real time) before a no-show can be recorded.
      await rt.sleep(new Date(appointment.slotEnd).getTime() - Date.now() + 60_000);
      await rt.call('recordNoShow', NO_SHOW, { id: appointment.id }, token);
      rt.stats.outcome('noShows');
      return;
    }
    await until(world, new Date(new Date(appointment.slotStart).getTime() + rt.rng.between(-15, rt.rng.chance(0.85) ? 10 : 40) * 60_000));
    await rt.call('recordAppointmentArrival', ARRIVE, { id: appointment.id }, token);
  }

  // Reception: walk-around, listening to the customer, the order signed.
  await rt.step(center, 5, 15);
  const rate = laborRate(center.country);
  const partLines = fault.parts.filter((p) => world.parts.has(p.partNumber));
  const items = [
    { kind: 'LABOR', code: fault.labor.code, description: fault.labor.description, quantity: fault.labor.hours, unitPrice: rate },
    ...partLines.map((p) => ({
      kind: 'PART',
      code: p.partNumber,
      description: PART_BY_NUMBER.get(p.partNumber)?.names.en ?? p.partNumber,
      quantity: p.quantity,
      unitPrice: PART_BY_NUMBER.get(p.partNumber)?.listPrice ?? 10,
    })),
  ];
  const now = new Date();
  // Reception as it happened before the order was opened: mostly greeted within a minute and heard out
  // for 5+ minutes, sometimes not (the service-time standards move).
  const arrivedAt = new Date(now.getTime() - rt.rng.int(16, 30) * 60_000);
  const greetedAt = new Date(arrivedAt.getTime() + (rt.rng.chance(0.85) ? rt.rng.int(10, 60) : rt.rng.int(61, 240)) * 1000);
  const listeningStartedAt = new Date(greetedAt.getTime() + rt.rng.int(20, 90) * 1000);
  const listeningEndedAt = new Date(listeningStartedAt.getTime() + (rt.rng.chance(0.75) ? rt.rng.int(300, 600) : rt.rng.int(120, 299)) * 1000);
  const opened = (
    await rt.call<{
      openRepairOrder: {
        id: string;
        status: string;
        repeatRepair: boolean;
        estimate: { customer: number };
        partsRequests: { requestId: string; status: string }[];
        items: { warranty: { covered: boolean; reason: string } | null }[];
      };
    }>(
      'openRepairOrder',
      OPEN,
      {
        input: {
          serviceCenterId: center.id,
          ...(appointmentId ? { appointmentId } : {}),
          advisorId: advisor.id,
          customer: { name: customer.name, phone: customer.phone, ...(customer.email ? { email: customer.email } : {}), country: customer.country, language: customer.language },
          vehicle,
          walkAround: {
            mileageKm: vehicle.mileageKm,
            fuelPercent: rt.rng.int(10, 95),
            damages: rt.rng.chance(0.2) ? ['Scratch on the rear bumper'] : [],
            valuables: rt.rng.chance(0.1) ? ['Sunglasses'] : [],
            tools: ['Spare wheel', 'Jack'],
            customerSigned: true,
          },
          faultDescription: fault.description,
          faultCode: fault.code,
          items,
          promisedAt: afterWorkingMinutes(center, now, fault.labor.hours * 60 + rt.rng.int(60, 150)).toISOString(),
          customerSignature: { name: customer.name, signedAt: new Date(now.getTime() - 60_000).toISOString() },
          reception: {
            arrivedAt: arrivedAt.toISOString(),
            greetedAt: greetedAt.toISOString(),
            faultListeningStartedAt: listeningStartedAt.toISOString(),
            faultListeningEndedAt: listeningEndedAt.toISOString(),
          },
          nextMaintenance: { date: DateTime.now().setZone(center.timeZone).plus({ months: 6 }).toISODate(), mileageKm: vehicle.mileageKm + 10_000 },
        },
      },
      token,
    )
  ).openRepairOrder;
  const id = opened.id;
  if (opened.repeatRepair) rt.stats.outcome('repeatRepairs');
  countDecisions(world, opened.items);

  // Parts first: the car is dispatched once its parts are reserved; a shortage sends the dealer ordering.
  if (opened.partsRequests.length) {
    type RO = { repairOrder: { status: string; partsRequests: { status: string; partNumbers: string[] }[] } };
    const answered = await rt.poll(
      async () => {
        const ro = (await rt.call<RO>('repairOrder', ORDER, { id }, token)).repairOrder;
        return ro.partsRequests.every((r) => r.status !== 'REQUESTED') ? ro : null;
      },
      180_000,
    );
    if (!answered) {
      rt.stats.outcome('partsAnswerMissing');
      return;
    }
    const short = answered.partsRequests.filter((r) => r.status === 'SHORT');
    if (short.length) {
      rt.stats.outcome('partsShort');
      const lines = partLines.filter((l) => short.some((r) => r.partNumbers.includes(l.partNumber))).map((l) => ({ partNumber: l.partNumber, quantity: Math.max(l.quantity, 2) }));
      // The dealer orders the missing parts and the car waits: when the shipment is booked in, the parts
      // service reserves it for this request and the workshop releases the order.
      if (!(await partsOrderJourney(world, center, lines))) {
        rt.stats.outcome('repairOrdersWaitingForParts');
        return;
      }
      const released = await rt.poll(
        async () => {
          const ro = (await rt.call<RO>('repairOrder', ORDER, { id }, token)).repairOrder;
          return ro.status === 'WAITING_FOR_PARTS' ? null : ro;
        },
        120_000,
      );
      if (!released) {
        // Only part of the order came (a backorder the supplier may never ship): the car stays parked.
        rt.stats.outcome('repairOrdersWaitingForParts');
        return;
      }
      rt.stats.outcome('repairOrdersReleasedByParts');
    }
  }

  await rt.step(center, 3, 10);
  const technician = (repeat?.technicianId && technicians.find((t) => t.id === repeat.technicianId)) || rt.rng.pick(technicians);
  await rt.call('dispatchRepairOrder', DISPATCH, { id, input: { technicianId: technician.id, bayId: rt.rng.pick(bays), leftReceptionAt: new Date().toISOString() } }, token);
  const workMinutes = fault.labor.hours * 60;
  await rt.step(center, workMinutes * 0.8, workMinutes * 1.2);
  await rt.call('completeRepairWork', COMPLETE, { id }, token);

  // Three-level check by three different qualified people, or released without it (counted).
  const leaders = qualifiedStaff(center, 'TEAM_LEADER').filter((s) => s.id !== technician.id);
  const inspectors = qualifiedStaff(center, 'QC_INSPECTOR').filter((s) => s.id !== technician.id);
  const leader = leaders[0];
  const inspector = inspectors.find((s) => s.id !== leader?.id);
  if (!leader || !inspector || rt.rng.chance(0.08)) {
    await rt.step(center, 2, 10);
    await rt.call('skipQualityCheck', SKIP_QC, { id }, token);
    rt.stats.outcome('qcSkipped');
  } else {
    const levels = [
      { level: 'TECHNICIAN', by: technician.id, pass: 0.97 },
      { level: 'TEAM_LEADER', by: leader.id, pass: 0.94 },
      { level: 'QC_INSPECTOR', by: inspector.id, pass: 0.95 },
    ];
    let released = false;
    for (let round = 0; round < 3 && !released; round++) {
      let failed = false;
      for (const l of levels) {
        await rt.step(center, 3, 15);
        const passed = round > 0 || rt.rng.chance(l.pass);
        await rt.call('recordQualityCheck', QC, { id, input: { level: l.level, passed, inspectorId: l.by, ...(passed ? {} : { notes: 'Noise still audible on the road test' }) } }, token);
        if (!passed) {
          failed = true;
          rt.stats.outcome('qcFailed');
          break;
        }
      }
      if (!failed) released = true;
      else {
        // Rework: back to the same technician, then a new round of checks.
        await rt.step(center, 20, 60);
        await rt.call('completeRepairWork', COMPLETE, { id }, token);
      }
    }
  }

  await rt.step(center, 10, 60);
  const ro = (await rt.call<{ repairOrder: { estimate: { customer: number } } }>('repairOrder', ORDER, { id }, token)).repairOrder;
  const estimate = ro.estimate.customer;
  const factor = rt.rng.chance(0.9) ? rt.rng.between(0.95, 1.07) : rt.rng.between(1.12, 1.25);
  const finalAmount = Math.round(estimate * factor * 100) / 100;
  const delivered = (
    await rt.call<{ deliverRepairOrder: { followUps: { id: string; kind: string }[] } }>(
      'deliverRepairOrder',
      DELIVER,
      {
        id,
        input: {
          finalAmount,
          paidAmount: finalAmount,
          paymentMethod: finalAmount === 0 ? 'WARRANTY_ONLY' : rt.rng.pick(['CARD', 'CARD', 'CASH', 'MOBILE', 'TRANSFER']),
          deliveredBy: advisor.id,
          // The bill presented a few minutes before payment (now), over 5 min for some; old parts mostly shown.
          settlementPresentedAt: new Date(Date.now() - (rt.rng.chance(0.85) ? rt.rng.int(30, 290) : rt.rng.int(310, 900)) * 1000).toISOString(),
          oldPartsShown: rt.rng.chance(0.9),
        },
      },
      token,
    )
  ).deliverRepairOrder;
  const visits = world.recent.get(center.id) ?? [];
  visits.push({ customer, vehicle, fault, at: Date.now(), technicianId: technician.id } satisfies RecentVisit);
  world.recent.set(center.id, visits.slice(-30));
  if (opened.items.some((i) => i.warranty?.covered)) world.spawn('WARRANTY_CLAIM', () => warrantyClaimJourney(world, center, id));

  // The first follow-up call, on the call list of the next working days.
  const first = delivered.followUps.find((f) => f.kind === 'FIRST');
  if (!first) return;
  await rt.step(center, 18 * 60, 3 * 24 * 60);
  if (rt.rng.chance(0.1)) {
    await rt.call('requestFollowUpCall', REQUEST_CALL, { id: first.id }, token);
    return;
  }
  const connected = rt.rng.chance(0.85);
  const complaint = connected && rt.rng.chance(0.03);
  await rt.call(
    'recordFollowUp',
    FOLLOW_UP,
    {
      id: first.id,
      input: connected
        ? {
            connected,
            satisfied: !complaint && rt.rng.chance(0.92),
            // About 3 min, some much shorter or longer.
            callDurationSeconds: Math.max(20, Math.round(180 + 55 * rt.rng.normal())),
            ...(complaint ? { complaint: 'The noise came back two days after the repair' } : {}),
          }
        : { connected: false, notes: 'No answer' },
    },
    token,
  );
  if (complaint) world.spawn('COMPLAINT', () => complaintJourney(world, `followup-${first.id}`, center));
}
