import mongoose, { type Connection, type Model } from 'mongoose';
import { createEvent, sampleServiceCenter } from '@aftersales/contracts';
import { ControllableClock } from '@aftersales/platform-core';
import { scoped, type Principal } from '@aftersales/platform-auth';
import { NETWORK_CENTER_MODEL, NetworkCenters, NetworkCenterSchema, type NetworkCenter } from '@aftersales/platform-centers';
import { NetworkPolicies, NetworkPolicyVersionSchema, POLICY_VERSION_READ_MODEL, type NetworkPolicyVersion } from '@aftersales/platform-policies';
import { KPI_COUNTERS } from '@aftersales/domain-workshop';
import { testInfra, uniqueName } from '@aftersales/testing';
import { expectIndexed } from './explain';
import { APPOINTMENT_MODEL, appointmentsFilter, AppointmentSchema, BAY_HOLD_MODEL, BayHoldSchema, dueRemindersFilter, heldBaysFilter, type AppointmentDoc, type BayHoldDoc } from '../src/appointments/appointment.schema';
import { AppointmentOrigin, type BookAppointmentInput } from '../src/appointments/appointment.types';
import { AppointmentsService } from '../src/appointments/appointments.service';
import { updateAtRevision } from '../src/common/revisions';
import { countersFilter, KPI_COUNTER_MODEL, KpiCounterSchema, type CounterDoc } from '../src/kpis/kpi-counter.schema';
import { KpiStore } from '../src/kpis/kpi-store';
import { dispatchQueueFilter, nextFollowUpOn, openFollowUpsFilter, REPAIR_ORDER_MODEL, RepairOrderSchema, vehicleVisitsFilter, type RepairOrderDoc } from '../src/repair-orders/repair-order.schema';
import { dueEscalationsFilter, RESCUE_MODEL, RescueSchema, type RescueDoc } from '../src/rescue/rescue.schema';
import { dueQuestionsFilter, EXPERT_QUESTION_MODEL, ExpertQuestionSchema, knowledgeFilter, questionsOfFilter, type ExpertQuestionDoc } from '../src/experts/expert-question.schema';
import { assignmentsOfFilter, COURTESY_ASSIGNMENT_MODEL, COURTESY_CAR_MODEL, CourtesyAssignmentSchema, CourtesyCarSchema, usageFilter, type CourtesyAssignmentDoc, type CourtesyCarDoc } from '../src/courtesy-cars/courtesy-car.schema';
import { WORKSHOP_SETUP_MODEL, WorkshopSetupSchema, type SetupDoc } from '../src/setup/setup.schema';
import { SetupService } from '../src/setup/setup.service';
import { SlotKind } from '../src/setup/setup.types';

const dealer: Principal = { subject: 'd', roles: ['DEALER'], serviceCenterIds: ['sc-1'], regionIds: ['rg-1'] };
const hq: Principal = { subject: 'hq', roles: ['HQ_ADMIN'], serviceCenterIds: [], regionIds: [] };
const workingWeek = [1, 2, 3, 4, 5].map((weekday) => ({ weekday, slots: [{ start: '08:30', end: '12:00' }, { start: '13:30', end: '17:30' }] }));

function bookingInput(serviceCenterId: string, slotStart: string): BookAppointmentInput {
  return { serviceCenterId, slotStart: new Date(slotStart), customer: { name: 'Wang Fang', country: 'CN' }, vehicle: { vin: 'LJ12EKR23N4000001' }, origin: AppointmentOrigin.PASSIVE };
}
const CENTERS = Array.from({ length: 40 }, (_, i) => `sc-${i}`);
const DAY = Date.UTC(2026, 2, 2);

function appointment(i: number, overrides: Partial<AppointmentDoc> = {}): AppointmentDoc {
  const slotStart = new Date(DAY + (i % 200) * 3_600_000);
  return {
    _id: `ap-${i}`,
    serviceCenterId: CENTERS[i % CENTERS.length],
    regionId: 'rg-1',
    slotStart,
    slotEnd: new Date(slotStart.getTime() + 3_600_000),
    slotKind: 'FLEXIBLE',
    bayId: `b${i % 7}`,
    customer: { name: 'C', country: 'CN' },
    vehicle: { vin: 'LJ12EKR23N4000001' },
    origin: 'PASSIVE',
    request: null,
    status: 'BOOKED',
    rev: 0,
    reminderDueAt: new Date(slotStart.getTime() - 3_600_000),
    remindedAt: null,
    arrivedAt: null,
    arrival: null,
    repairOrderId: null,
    createdAt: new Date(DAY),
    updatedAt: new Date(DAY),
    ...overrides,
  };
}

function repairOrder(i: number): RepairOrderDoc {
  const openedAt = new Date(DAY + i * 60_000);
  const delivered = i % 3 === 0;
  const followUps = delivered
    ? (['FIRST', 'SECOND'] as const).map((kind, k) => ({
        id: `ro-${i}:${kind}`,
        kind,
        scheduledFor: `2026-03-${String(3 + k * 14).padStart(2, '0')}`,
        dueAt: openedAt,
        status: i % 2 ? ('DONE' as const) : ('OPEN' as const),
        connected: null,
        satisfied: null,
        complaint: null,
        notes: null,
        recordedAt: null,
        recordedBy: null,
      }))
    : [];
  return {
    _id: `ro-${i}`,
    serviceCenterId: CENTERS[i % CENTERS.length],
    regionId: 'rg-1',
    status: delivered ? 'DELIVERED' : 'OPEN',
    rev: 0,
    appointmentId: null,
    appointmentOrigin: null,
    jobOrderId: null,
    advisorId: 'st-a',
    customer: { name: 'C', country: 'CN' },
    vehicle: { vin: `LJ12EKR25N${String(4_000_000 + (i % 150)).padStart(7, '0')}` },
    walkAround: { mileageKm: 1000, fuelPercent: 50, damages: [], valuables: [], tools: [], customerSigned: true },
    faultDescription: 'noise',
    faultCode: 'F',
    items: [],
    estimate: { total: 0, customer: 0, laborHours: 0 },
    initialEstimate: { total: 0, customer: 0, laborHours: 0 },
    promisedAt: openedAt,
    customerSignature: { name: 'C', signedAt: openedAt },
    nextMaintenance: { date: '2027-01-01', mileageKm: 2000 },
    repeatOf: null,
    technicianId: null,
    bayId: null,
    dispatched: false,
    reworkCount: 0,
    partsRequests: [],
    partsShortage: false,
    qcRound: [],
    qcChecks: [],
    qcRounds: 0,
    workCompletedAt: null,
    settlement: null,
    deliveredAt: delivered ? openedAt : null,
    followUps,
    nextFollowUpOn: nextFollowUpOn(followUps),
    openedAt,
    updatedAt: openedAt,
  };
}


describe('workshop storage on the real store: indexes, conditional updates, atomic counters', () => {
  let conn: Connection;
  let appointments: Model<AppointmentDoc>;
  let orders: Model<RepairOrderDoc>;
  let rescues: Model<RescueDoc>;
  let counters: Model<CounterDoc>;
  let holds: Model<BayHoldDoc>;
  let setups: Model<SetupDoc>;
  let centers: Model<NetworkCenter>;
  let policyVersions: Model<NetworkPolicyVersion>;
  let questions: Model<ExpertQuestionDoc>;
  let cars: Model<CourtesyCarDoc>;
  let carUses: Model<CourtesyAssignmentDoc>;

  /** The real booking service on the real store, for a center with two appointment bays (Tuesday 08:30 Shanghai is a FIXED slot). */
  async function bookingService(centerId: string) {
    const clock = new ControllableClock();
    clock.set(new Date('2026-03-02T02:00:00Z'));
    const network = new NetworkCenters(centers, {});
    const calendar = { weekly: workingWeek, closures: [], extraWorkingDays: [], observePublicHolidays: false };
    await network.applyCenter(createEvent('ServiceCenterUpserted.v1', sampleServiceCenter({ id: centerId, regionId: 'rg-1', country: 'CN', timeZone: 'Asia/Shanghai', calendar }), { source: 'network' }));
    const setup = new SetupService(setups, network, clock, new NetworkPolicies(policyVersions, network));
    await setup.configure(hq, {
      serviceCenterId: centerId,
      bays: [{ id: 'b1', appointmentBay: true }, { id: 'b2', appointmentBay: true }, { id: 'b3', appointmentBay: false }],
      slotMinutes: 60,
      lateAfterMinutes: 15,
      periods: [{ start: '08:30', end: '10:30', kind: SlotKind.FIXED }, { start: '10:30', end: '16:30', kind: SlotKind.FLEXIBLE }],
    });
    return { clock, service: new AppointmentsService(appointments, holds, network, setup, new KpiStore(counters), clock) };
  }

  beforeAll(async () => {
    conn = await mongoose.createConnection(testInfra().mongoUrl, { dbName: uniqueName('workshop_store') }).asPromise();
    appointments = conn.model<AppointmentDoc>(APPOINTMENT_MODEL, AppointmentSchema);
    orders = conn.model<RepairOrderDoc>(REPAIR_ORDER_MODEL, RepairOrderSchema);
    rescues = conn.model<RescueDoc>(RESCUE_MODEL, RescueSchema);
    counters = conn.model<CounterDoc>(KPI_COUNTER_MODEL, KpiCounterSchema);
    holds = conn.model<BayHoldDoc>(BAY_HOLD_MODEL, BayHoldSchema);
    setups = conn.model<SetupDoc>(WORKSHOP_SETUP_MODEL, WorkshopSetupSchema);
    centers = conn.model<NetworkCenter>(NETWORK_CENTER_MODEL, NetworkCenterSchema);
    policyVersions = conn.model<NetworkPolicyVersion>(POLICY_VERSION_READ_MODEL, NetworkPolicyVersionSchema);
    questions = conn.model<ExpertQuestionDoc>(EXPERT_QUESTION_MODEL, ExpertQuestionSchema);
    cars = conn.model<CourtesyCarDoc>(COURTESY_CAR_MODEL, CourtesyCarSchema);
    carUses = conn.model<CourtesyAssignmentDoc>(COURTESY_ASSIGNMENT_MODEL, CourtesyAssignmentSchema);
    await Promise.all([appointments.init(), orders.init(), rescues.init(), counters.init(), holds.init(), setups.init(), centers.init(), questions.init(), cars.init(), carUses.init()]);
    await appointments.insertMany(Array.from({ length: 1_000 }, (_, i) => appointment(i)));
    await holds.insertMany(Array.from({ length: 1_000 }, (_, i) => appointment(i)).map((a) => ({ _id: a._id, serviceCenterId: a.serviceCenterId, slotStart: a.slotStart, bayId: a.bayId })));
    await orders.insertMany(Array.from({ length: 600 }, (_, i) => repairOrder(i)));
    await questions.insertMany(Array.from({ length: 200 }, (_, i): ExpertQuestionDoc => ({
      _id: `eq-${i}`, subjectKind: i % 2 ? 'RESCUE' : 'REPAIR_ORDER', subjectId: `ro-${i}`, serviceCenterId: CENTERS[i % CENTERS.length], regionId: 'rg-1',
      faultCode: `F-${i % 20}`, question: 'q', askedBy: 'd', askedAt: new Date(DAY), level: 'REGION', levelDueAt: i % 3 ? null : new Date(DAY + i * 60_000),
      escalations: [], status: i % 3 ? 'ANSWERED' : 'OPEN', answer: i % 3 ? { text: 'a', by: 'rm', level: 'REGION', at: new Date(DAY) } : null, keywords: [`w${i % 30}`, 'pads'], policyVersion: 'SEED', rev: 0,
    })));
    await carUses.insertMany(Array.from({ length: 200 }, (_, i): CourtesyAssignmentDoc => ({
      _id: `ca-${i}`, carId: `cc-${i % 10}`, serviceCenterId: CENTERS[i % CENTERS.length], regionId: 'rg-1', subjectKind: 'RESCUE', subjectId: `rs-${i}`, reason: 'REMOTE_RESCUE',
      assignedBy: 'd', assignedAt: new Date(DAY + i * 3_600_000), out: { mileageKm: 1, fuelPercent: 50 }, returnedAt: null, returnedBy: null, in: null,
    })));
    await counters.insertMany(CENTERS.flatMap((id) => ['2025', '2026'].map((year) => ({ _id: `${id}|${year}`, serviceCenterId: id, year, total: { arrivals: 12 }, months: Object.fromEntries(Array.from({ length: 12 }, (_, m) => [`${year}-${String(m + 1).padStart(2, '0')}`, { arrivals: 1 }])) }))));
  }, 60_000);

  afterAll(async () => {
    await conn?.dropDatabase().catch(() => undefined);
    await conn?.close();
  });

  it('answers every request-path and consumer query from an index', async () => {
    const slotStarts = [new Date(DAY), new Date(DAY + 3_600_000)];
    const plans: [unknown, string][] = [
      [await holds.find(heldBaysFilter('sc-1', slotStarts), { _id: 0, bayId: 1, slotStart: 1 }).explain(), 'serviceCenterId_1_slotStart_1_bayId_1'],
      [await appointments.find(scoped(dealer, dueRemindersFilter('sc-1', new Date(DAY + 86_400_000)))).sort({ slotStart: 1 }).explain(), 'serviceCenterId_1_status_1_reminderDueAt_1'],
      [await appointments.find(scoped(dealer, appointmentsFilter('sc-1', new Date(DAY), new Date(DAY + 14 * 86_400_000), 'cmp-1'))).sort({ slotStart: 1, _id: 1 }).explain(), 'serviceCenterId_1_slotStart_1__id_1'],
      [await orders.find(scoped(dealer, dispatchQueueFilter('sc-1'))).explain(), 'serviceCenterId_1_status_1'],
      [await orders.find(scoped(dealer, openFollowUpsFilter('sc-1', '2026-03-04'))).explain(), 'serviceCenterId_1_nextFollowUpOn_1'],
      [await orders.find(vehicleVisitsFilter('LJ12EKR23N4000001')).sort({ openedAt: 1 }).explain(), 'vehicle.vin_1_openedAt_1'],
      [await orders.find(scoped(dealer, vehicleVisitsFilter('LJ12EKR23N4000001'))).sort({ openedAt: 1 }).explain(), 'vehicle.vin_1_openedAt_1'],
      [await counters.find(countersFilter(CENTERS, '2026'), { serviceCenterId: 1, total: 1 }).explain(), '_id_'],
      // The emergency plan: the sweepers, the questions beside their object, the knowledge list, courtesy-car use.
      [await rescues.find(dueEscalationsFilter(new Date(DAY))).sort({ levelDueAt: 1, _id: 1 }).explain(), 'status_1_levelDueAt_1'],
      [await questions.find(dueQuestionsFilter(new Date(DAY))).sort({ levelDueAt: 1, _id: 1 }).explain(), 'status_1_levelDueAt_1'],
      [await questions.find(scoped(dealer, questionsOfFilter('REPAIR_ORDER', 'ro-1'))).sort({ askedAt: 1 }).explain(), 'subjectKind_1_subjectId_1_askedAt_1'],
      [await questions.find(knowledgeFilter('BRAKE-NOISE', [])).sort({ 'answer.at': -1, _id: 1 }).explain(), 'faultCode_1_status_1_answer.at_-1'],
      [await questions.find(knowledgeFilter(null, ['pads', 'squeal'])).sort({ 'answer.at': -1, _id: 1 }).explain(), 'keywords_1_status_1'],
      [await carUses.find(scoped(dealer, usageFilter('sc-1', new Date(DAY), new Date(DAY + 7 * 86_400_000)))).explain(), 'serviceCenterId_1_assignedAt_1'],
      [await carUses.find(scoped(dealer, assignmentsOfFilter('RESCUE', 'rs-1'))).sort({ assignedAt: 1 }).explain(), 'subjectKind_1_subjectId_1'],
    ];
    for (const [plan, index] of plans) expectIndexed(plan, index);
  });

  it('the follow-up list query finds exactly the orders with a follow-up still to do by that date', async () => {
    const found = await orders.find(openFollowUpsFilter('sc-0', '2026-03-04')).lean<RepairOrderDoc[]>().exec();
    const expected = Array.from({ length: 600 }, (_, i) => repairOrder(i)).filter((o) => o.serviceCenterId === 'sc-0' && o.followUps.some((f) => f.status !== 'DONE' && f.scheduledFor <= '2026-03-04'));
    expect(found.map((o) => o._id).sort()).toEqual(expected.map((o) => o._id).sort());
    expect(expected.length).toBeGreaterThan(0);
  });

  it('books a bay-slot for exactly one of many simultaneous requests, and books it again once cancelled', async () => {
    const { service } = await bookingService('sc-book');
    const book = () => service.book(hq, bookingInput('sc-book', '2026-03-03T00:30:00.000Z'));
    const results = await Promise.all(Array.from({ length: 16 }, book));
    const booked = results.flatMap((r) => (r.appointment ? [r.appointment] : []));
    expect(booked.map((a) => a.bayId).sort()).toEqual(['b1', 'b2']);
    expect(results.filter((r) => !r.appointment).every((r) => r.alternatives.length >= 2 && r.alternatives.every((s) => s.start.toISOString() !== '2026-03-03T00:30:00.000Z'))).toBe(true);
    expect(await holds.countDocuments(heldBaysFilter('sc-book', [new Date('2026-03-03T00:30:00.000Z')]))).toBe(2);

    const cancelled = booked.find((a) => a.bayId === 'b2')!;
    await service.cancel(hq, cancelled._id);
    const again = await book();
    expect(again.appointment).toMatchObject({ bayId: 'b2' });
    expect((await book()).appointment).toBeNull();
    expect(await appointments.countDocuments({ serviceCenterId: 'sc-book', status: 'BOOKED' })).toBe(2);
  });

  it('of a cancellation and an arrival racing for one appointment, exactly one happens; the other gets CONFLICT', async () => {
    const { service, clock } = await bookingService('sc-race');
    const { appointment } = await service.book(hq, bookingInput('sc-race', '2026-03-03T00:30:00.000Z'));
    clock.set(new Date('2026-03-03T00:25:00Z'));
    const [cancel, arrive] = await Promise.allSettled([service.cancel(hq, appointment!._id), service.arrive(hq, appointment!._id)]);
    const outcomes = [cancel, arrive].map((r) => (r.status === 'fulfilled' ? r.value.status : (r.reason as { code: string }).code)).sort();
    expect([['ARRIVED', 'CONFLICT'], ['CANCELLED', 'CONFLICT']]).toContainEqual(outcomes);
    const stored = await appointments.findById(appointment!._id).lean<AppointmentDoc>().exec();
    expect(stored!.rev).toBe(1);
    // The bay stays held unless the cancellation is what happened.
    expect(await holds.countDocuments({ _id: appointment!._id })).toBe(stored!.status === 'CANCELLED' ? 0 : 1);
  });

  it('lets exactly one of two writers of the same revision through; the other gets CONFLICT', async () => {
    await rescues.create({
      _id: 'rs-race',
      serviceCenterId: 'sc-1',
      regionId: 'rg-1',
      distanceKm: null,
      sourceKind: 'MANUAL',
      sourceId: null,
      customer: { name: 'C', country: 'CN' },
      vehicle: null,
      location: { lat: 1, lng: 2 },
      fault: 'flat',
      scope: 'LOCAL',
      status: 'ASSIGNED',
      rev: 0,
      dispatches: [],
      outcome: null,
      customerSignature: null,
      satisfactionPercent: null,
      requestedAt: new Date(DAY),
      completedAt: null,
      updatedAt: new Date(DAY),
    });
    const writers = ['DISPATCHED', 'COMPLETED', 'ON_SITE', 'ASSIGNED'].map((status) => updateAtRevision(rescues, 'Rescue', { _id: 'rs-race', rev: 0 }, { $set: { status } }));
    const results = await Promise.allSettled(writers);
    const won = results.flatMap((r, i) => (r.status === 'fulfilled' ? [i] : []));
    expect(won).toHaveLength(1);
    for (const r of results) if (r.status === 'rejected') expect(r.reason).toMatchObject({ code: 'CONFLICT' });
    const stored = await rescues.findById('rs-race').lean<RescueDoc>().exec();
    expect(stored).toMatchObject({ rev: 1, status: ['DISPATCHED', 'COMPLETED', 'ON_SITE', 'ASSIGNED'][won[0]] });
    await expect(updateAtRevision(rescues, 'Rescue', { _id: 'rs-race', rev: 0 }, { $set: { status: 'COMPLETED' } })).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('adds up concurrent KPI increments and sums them per center over any range of months', async () => {
    const store = new KpiStore(counters);
    const at = new Date('2026-07-15T04:00:00Z');
    await Promise.all(Array.from({ length: 200 }, (_, i) => store.add(i % 2 ? 'sc-inc-a' : 'sc-inc-b', 'Asia/Shanghai', at, { arrivals: 1, repeatRepairs: i % 4 === 0 ? 1 : 0 })));
    await store.add('sc-inc-a', 'Asia/Shanghai', new Date('2026-08-31T17:00:00Z'), { arrivals: 5 }); // local September
    await store.add('sc-inc-a', 'Asia/Shanghai', new Date('2025-12-10T00:00:00Z'), { arrivals: 7, deliveries: 2 });
    await store.add('sc-inc-a', 'Asia/Shanghai', new Date('2027-01-10T00:00:00Z'), { arrivals: 11 });
    const sums = await store.sums(['sc-inc-a', 'sc-inc-b', 'sc-none'], '2026-07', '2026-08');
    expect(sums.get('sc-inc-a')).toMatchObject({ arrivals: 100, repeatRepairs: 0 });
    expect(sums.get('sc-inc-b')).toMatchObject({ arrivals: 100, repeatRepairs: 50 });
    expect(Object.values(sums.get('sc-none')!).every((v) => v === 0)).toBe(true);
    expect(Object.keys(sums.get('sc-none')!).sort()).toEqual([...KPI_COUNTERS].sort());
    const arrivals = async (from: string, to: string) => (await store.sums(['sc-inc-a'], from, to)).get('sc-inc-a')!.arrivals;
    expect(await arrivals('2026-09', '2026-09')).toBe(5);
    expect(await arrivals('2026-01', '2026-12')).toBe(105);
    expect(await arrivals('2026-01', '2026-08')).toBe(100); // the year's total less September
    expect(await arrivals('2026-08', '2026-12')).toBe(5);
    expect(await arrivals('2025-12', '2027-01')).toBe(7 + 105 + 11);
    expect(await arrivals('2025-01', '2025-11')).toBe(0);
    expect((await store.sums(['sc-inc-a'], '2025-06', '2026-06')).get('sc-inc-a')).toMatchObject({ arrivals: 7, deliveries: 2 });
    // Seeded counters of many centers: one per month, twelve in each year's total.
    const network = await store.sums(CENTERS, '2025-03', '2026-10');
    expect([...network.values()].every((c) => c.arrivals === 20)).toBe(true);
  });
});
