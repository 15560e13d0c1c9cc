import { getModelToken } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { Topics } from '@aftersales/contracts';
import { COUNTER_FIELDS, zeroCounters } from '@aftersales/domain-complaints';
import type { Principal } from '@aftersales/platform-auth';
import { ConflictError, createLogger } from '@aftersales/platform-core';
import { eventually, EventProbe, serviceEnv, startApp, testInfra, uniqueName, type RunningApp } from '@aftersales/testing';
import { AppModule } from '../src/app.module';
import { COMPLAINT_MODEL, MIGRATION_MODEL, type ComplaintDoc } from '../src/complaints/complaint.schema';
import { ComplaintsRepository, scopedComplaints } from '../src/complaints/complaints.repository';
import { ComplaintsService, unscopedSystem, type Intake } from '../src/complaints/complaints.service';
import { REPEAT_SIGNATURE_MIGRATION, RepeatSignatureBackfill } from '../src/complaints/repeat-backfill';
import { complaintsConfig } from '../src/config';
import { COMPLAINT_STATS_MODEL, statsId, StatsStore } from '../src/kpis/stats.store';

const DAY = 86_400_000;
const NOW = new Date('2025-06-10T01:00:00.000Z');

const principal = (role: Principal['roles'][number], centers: string[] = [], regions: string[] = []): Principal => ({
  subject: `${role.toLowerCase()}-user`,
  roles: [role],
  serviceCenterIds: centers,
  regionIds: regions,
});

const plan = (explained: unknown) => JSON.stringify(explained);

/** Storage promises of the complaints service, against the real store: concurrency and index use. */
describe('complaints storage', () => {
  let running: RunningApp;
  let model: Model<ComplaintDoc>;
  let repository: ComplaintsRepository;
  let service: ComplaintsService;
  let stats: StatsStore;
  let probe: EventProbe;

  const intake = (id: string, over: Partial<Intake> = {}): Intake => ({
    id,
    channel: 'EMAIL',
    origin: null,
    serviceCenterId: null,
    customer: { name: 'Chen Jing', phone: '+8613800138000' },
    vehicle: { vin: 'LJ166A2X6N1234567' },
    type: 'PRODUCT_QUALITY',
    relatedProductModels: [],
    content: 'Engine noise on cold start',
    images: [],
    requirements: '',
    problemCode: 'ENGINE_NOISE',
    flags: [],
    receivedAt: NOW,
    receivedBy: 'test',
    ...over,
  });

  beforeAll(async () => {
    const env = serviceEnv(uniqueName('complaints_storage'), { COMPLAINTS_CONSUMER_GROUP: uniqueName('complaints-storage'), COMPLAINTS_CONSUMER_FROM_BEGINNING: 'false' });
    running = await startApp(AppModule.forRoot(complaintsConfig(env), createLogger('complaints', process.env.TEST_LOG_LEVEL ?? 'silent')), 'complaints');
    model = running.app.get(getModelToken(COMPLAINT_MODEL));
    repository = running.app.get(ComplaintsRepository);
    service = running.app.get(ComplaintsService);
    stats = running.app.get(StatsStore);
    await model.init();
    await running.app.get<Model<unknown>>(getModelToken(COMPLAINT_STATS_MODEL)).init();
    // The app created its topic a moment ago; its partition may still be electing a leader.
    probe = (await eventually('the complaints topic', () => EventProbe.start(testInfra().kafkaBrokers, [Topics.complaints]).catch(() => null), Boolean, 30_000, 500))!;

    // Enough complaints that a missing index shows as a collection scan: 60 centers in 6 regions over a year.
    const classes = ['A', 'B', 'C', 'SUGGESTION', 'OTHERS'];
    const statuses = ['RECEIVED', 'CLASSIFIED', 'TRANSFERRED', 'SIGNED', 'CLOSED'];
    const docs = Array.from({ length: 3000 }, (_, i) => ({
      _id: `cmp-seed-${i}`,
      rev: 0,
      number: `CMP-2025-${String(i).padStart(6, '0')}`,
      serviceCenterId: `sc-${i % 60}`,
      regionId: `rg-${i % 6}`,
      class: classes[i % 5],
      status: statuses[(i >> 3) % 5],
      receivedAt: new Date(NOW.getTime() - (i % 365) * DAY),
      vehicle: { vin: `VIN${String(i).padStart(14, '0')}` },
      repeatKeys: [`vin|VIN${String(i).padStart(14, '0')}`, `phone|+55${i}`],
      nextDeadlineAt: i % 3 ? new Date(NOW.getTime() + ((i % 40) - 20) * DAY) : null,
      clocks: [],
      audit: [],
    }));
    await model.insertMany(docs);
  }, 120_000);

  afterAll(async () => {
    await probe?.stop();
    await running?.close();
  });

  it('of two concurrent changes of one complaint, one is written with its events and the other gets CONFLICT', async () => {
    const id = `cmp-${uniqueName('race')}`;
    const received = (await service.receive(intake(id)))!;
    const attempt = (note: string) =>
      service.record({ system: 'test' }, received, 'JOB_ORDER_REPLIED', async (s) => {
        s.progressStatus = note;
        return [];
      }, note);
    const results = await Promise.allSettled([attempt('first'), attempt('second')]);
    const won = results.filter((r) => r.status === 'fulfilled');
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect(lost[0].reason).toBeInstanceOf(ConflictError);
    const stored = (await repository.findById(unscopedSystem(), id))!;
    expect(stored.rev).toBe(1);
    expect(stored.audit.map((a) => a.action)).toEqual(['RECEIVE', 'JOB_ORDER_REPLIED']);
    const winner = (won[0] as PromiseFulfilledResult<{ progressStatus: string }>).value.progressStatus;
    expect(stored.progressStatus).toBe(winner);
    // Only the winner's step event exists; the relay publishes it and empties the outbox.
    // Step events are keyed by the center (none here): they may reach the probe on different partitions, in any order.
    for (const action of ['RECEIVE', 'JOB_ORDER_REPLIED']) {
      await probe.waitFor((m) => m.value?.type === 'ComplaintStepRecorded' && m.value.payload.complaintId === id && m.value.payload.action === action);
    }
    await eventually('the outbox published', () => model.findById(id).select('+outbox').lean<{ outbox: unknown[]; outboxPending: boolean }>().exec(), (d) => !!d && !d.outboxPending && d.outbox.length === 0);
    const steps = probe.matching((m) => m.value?.type === 'ComplaintStepRecorded' && m.value.payload.complaintId === id).map((m) => m.value.payload.action);
    expect(steps.sort()).toEqual(['JOB_ORDER_REPLIED', 'RECEIVE']);
  });

  it('a change retried after CONFLICT on a fresh read loses nothing: ten concurrent writers, ten audit entries', async () => {
    const id = `cmp-${uniqueName('retry')}`;
    await service.receive(intake(id));
    const writer = async (n: number) => {
      for (;;) {
        const current = (await service.findSystem(id))!;
        try {
          return await service.record({ system: 'test' }, current, 'JOB_ORDER_REPLIED', async () => [], `writer ${n}`);
        } catch (e) {
          if (!(e instanceof ConflictError)) throw e;
        }
      }
    };
    await Promise.all(Array.from({ length: 10 }, (_, n) => writer(n)));
    const stored = (await service.findSystem(id))!;
    expect(stored.rev).toBe(10);
    expect(stored.audit.filter((a) => a.action === 'JOB_ORDER_REPLIED').map((a) => a.note).sort()).toEqual(Array.from({ length: 10 }, (_, n) => `writer ${n}`).sort());
  });

  it('numbers concurrent complaints without gaps or duplicates, and counts every concurrent delta', async () => {
    const name = uniqueName('seq');
    const values = await Promise.all(Array.from({ length: 30 }, () => repository.nextSequence(name)));
    expect(values.sort((a, b) => a - b)).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));

    const center = uniqueName('sc');
    const one = { ...zeroCounters(), received: 1, repeats: 1 };
    await Promise.all([
      ...Array.from({ length: 25 }, () => stats.addComplaintDelta(center, 2025, one)),
      ...Array.from({ length: 15 }, () => stats.addDelivery(center, 2025)),
    ]);
    const figures = (await stats.byIds([statsId(2025, center)])).get(statsId(2025, center))!;
    expect(figures.deliveries).toBe(15);
    expect(figures.counters).toEqual({ ...Object.fromEntries(COUNTER_FIELDS.map((f) => [f, 0])), received: 25, repeats: 25 });
    expect((await stats.year(2025)).get(center)?.counters.received).toBe(25);
  });

  it('B: the latest earlier complaint of the same vehicle (or phone without a VIN) on the same problem inside the window, never a later one', async () => {
    const vin = uniqueName('vin').toUpperCase();
    const phone = `+55119${String(Date.now()).slice(-8)}`;
    const at = (days: number) => new Date(NOW.getTime() + days * DAY);
    const receive = async (name: string, over: Partial<Intake>) => (await service.receive(intake(`cmp-${uniqueName(name)}`, { vehicle: { vin }, customer: { name: 'Ana', phone }, ...over })))!;
    const old = await receive('old', { receivedAt: at(-200) });
    const first = await receive('first', { receivedAt: at(-30) });
    const second = await receive('second', { receivedAt: at(-10) });
    const backdated = await receive('backdated', { receivedAt: at(-100) });
    const reworded = await receive('reworded', { receivedAt: at(-7), problemCode: null, content: 'The engine is noisy every time it is started cold' });
    const otherVehicle = await receive('other-vehicle', { receivedAt: at(-1), vehicle: { vin: `${vin}X` } });
    const otherProblem = await receive('other', { receivedAt: at(0), type: 'SERVICE_QUALITY', problemCode: null, content: 'The service advisor was rude' });
    const sameTypeOtherProblem = await receive('same-type', { receivedAt: at(0), problemCode: null, content: 'The air conditioning does not cool' });
    const otherCode = await receive('other-code', { receivedAt: at(0), problemCode: 'ENGINE_START' });
    const phoneOnly = await receive('phone', { receivedAt: at(1), vehicle: null });
    const late = await receive('late', { receivedAt: at(178), customer: { name: 'Ana', phone: '+5511900000000' } });
    expect(old.repeatOf).toBeNull();
    expect(first.repeatOf).toMatchObject({ complaintId: old._id, by: 'VIN', basis: 'CODE', problemCode: 'ENGINE_NOISE' });
    expect(first.proposedClass).toBe('B');
    expect(second.repeatOf).toMatchObject({ complaintId: first._id, by: 'VIN' });
    expect(backdated.repeatOf).toMatchObject({ complaintId: old._id });
    expect(reworded.repeatOf).toMatchObject({ complaintId: second._id, by: 'VIN', basis: 'TEXT', sharedTerms: expect.arrayContaining(['ENGINE', 'NOISE']) });
    expect(otherVehicle.repeatOf).toBeNull();
    expect(otherProblem.repeatOf).toBeNull();
    expect(sameTypeOtherProblem.repeatOf).toBeNull();
    // The coded complaints of the vehicle have another code; the reworded one has none, so its text decides.
    expect(otherCode.repeatOf).toMatchObject({ complaintId: reworded._id, basis: 'TEXT' });
    // Without a VIN the phone is the subject: every vehicle of that customer is a candidate, and the codes decide.
    expect(phoneOnly.repeatOf).toMatchObject({ complaintId: otherVehicle._id, by: 'PHONE', basis: 'CODE' });
    // Its window reaches back to the complaints of day 0 only: another problem, or another code.
    expect(late.repeatOf).toBeNull();
    const stored = (await service.findSystem(phoneOnly._id))!;
    expect(stored.repeatKeys).toEqual([`phone|${phone}`, `phone-no-vin|${phone}`]);
    expect(stored.problem).toMatchObject({ code: 'ENGINE_NOISE', terms: expect.arrayContaining(['ENGINE', 'NOISE', 'COLD', 'START']) });
  });

  it('B: only the latest COMPLAINTS_REPEAT_CANDIDATES complaints of a subject are compared', async () => {
    const vin = uniqueName('vin').toUpperCase();
    const at = (minutes: number) => new Date(NOW.getTime() - 20 * DAY + minutes * 60_000);
    const receive = async (name: string, over: Partial<Intake>) => (await service.receive(intake(`cmp-${uniqueName(name)}`, { vehicle: { vin }, problemCode: null, ...over })))!;
    const noise = await receive('noise', { receivedAt: at(0) });
    for (let i = 1; i <= 50; i++) await receive(`other-${i}`, { receivedAt: at(i), content: `Paint defect number ${i} on the door` });
    expect((await receive('again', { receivedAt: at(60), content: 'The engine is noisy when started cold' })).repeatOf).toBeNull();
    expect(noise.repeatOf).toBeNull();
  });

  it('a complaint stored before text-based B detection is signed once after an upgrade and then found as the earlier complaint', async () => {
    const vin = uniqueName('vin').toUpperCase();
    const migrations = running.app.get<Model<{ _id: string }>>(getModelToken(MIGRATION_MODEL));
    // What the previous version stored: the problem inside the subject keys, no signature.
    const legacyId = `cmp-${uniqueName('legacy')}`;
    await model.collection.insertOne({
      _id: legacyId,
      rev: 0,
      number: 'CMP-2025-LEGACY',
      receivedAt: new Date(NOW.getTime() - 5 * DAY),
      customer: { name: 'Olga', phone: '+79161234567', language: 'ru' },
      vehicle: { vin },
      type: 'PRODUCT_QUALITY',
      content: 'Стучит двигатель при холодном запуске',
      requirements: '',
      problemCode: null,
      repeatKeys: [`vin|${vin}|type:PRODUCT_QUALITY`],
    } as never);
    await migrations.deleteOne({ _id: REPEAT_SIGNATURE_MIGRATION });
    const backfill = running.app.get(RepeatSignatureBackfill);

    expect(await backfill.run()).toBeGreaterThanOrEqual(1);
    const signed = (await service.findSystem(legacyId))!;
    expect(signed.repeatKeys).toEqual([`vin|${vin}`, 'phone|+79161234567']);
    expect(signed.problem.terms).toEqual(expect.arrayContaining(['ENGINE', 'COLD', 'START']));
    expect(await migrations.exists({ _id: REPEAT_SIGNATURE_MIGRATION })).not.toBeNull();
    // Done once: a later boot does not look again.
    expect(await backfill.run()).toBe(0);

    const again = (await service.receive(intake(`cmp-${uniqueName('after-upgrade')}`, { vehicle: { vin }, problemCode: null, customer: { name: 'Olga', phone: '+79161234567', language: 'ru' }, content: 'При холодном пуске снова стучит мотор' })))!;
    expect(again.repeatOf).toMatchObject({ complaintId: legacyId, by: 'VIN', basis: 'TEXT' });
    expect(again.proposedClass).toBe('B');
  });

  it('answers every hot query shape from an index', async () => {
    const dealer = principal('DEALER', ['sc-7']);
    const manager = principal('REGION_MANAGER', [], ['rg-2']);
    const hq = principal('HQ_ADMIN');
    const vinKey = 'vin|VIN00000000000042';
    const explained = {
      byIdForDealer: await repository.findByIdQuery(scopedComplaints(dealer), 'cmp-seed-7').explain(),
      registerNetwork: await repository.listQuery(scopedComplaints(hq), 50, 100).explain(),
      registerCenter: await repository.listQuery(scopedComplaints(hq, { serviceCenterId: 'sc-3' }), 50).explain(),
      registerDealer: await repository.listQuery(scopedComplaints(dealer, { class: 'B' }), 50).explain(),
      registerRegion: await repository.listQuery(scopedComplaints(manager, { status: 'CLOSED' }), 50).explain(),
      registerClass: await repository.listQuery(scopedComplaints(hq, { class: 'A' }), 50).explain(),
      registerStatus: await repository.listQuery(scopedComplaints(hq, { status: 'SIGNED' }), 50).explain(),
      registerVin: await repository.listQuery(scopedComplaints(hq, { 'vehicle.vin': 'VIN00000000000042' }), 50).explain(),
      registerPeriod: await repository.listQuery(scopedComplaints(hq, { receivedAt: { $gte: new Date(NOW.getTime() - 30 * DAY), $lt: NOW } }), 50).explain(),
      repeatLookup: await repository.latestWithKeyQuery(vinKey, new Date(NOW.getTime() - 180 * DAY), NOW, 50).explain(),
      dueFirstPage: await repository.dueQuery(NOW, null, 100).explain(),
      dueNextPage: await repository.dueQuery(NOW, { at: new Date(NOW.getTime() - 5 * DAY), id: 'cmp-seed-100' }, 100).explain(),
      statsOfCenters: await stats.byIdsQuery(Array.from({ length: 60 }, (_, i) => statsId(2025, `sc-${i}`))).explain(),
      statsOfYear: await stats.yearQuery(2025).explain(),
    };
    for (const [shape, explainedPlan] of Object.entries(explained)) {
      const text = plan(explainedPlan);
      if (process.env.SHOW_PLANS) process.stderr.write(`${shape}: ${text.slice(0, 1500)}\n\n`);
      expect({ shape, collscan: text.includes('COLLSCAN'), indexed: /IXSCAN|IDHACK|EXPRESS_IXSCAN|CLUSTERED/.test(text) }).toEqual({ shape, collscan: false, indexed: true });
    }
  });

  it('the deadline scanner’s paging visits every due complaint once, also when many share one instant', async () => {
    const expected = (await model.find({ nextDeadlineAt: { $lte: NOW } }, { _id: 1 }).lean<{ _id: string }[]>().exec()).map((d) => d._id).sort();
    expect(expected.length).toBeGreaterThan(500);
    const seen: string[] = [];
    let after: { at: Date; id: string } | null = null;
    for (;;) {
      const page = await repository.due(NOW, after, 37);
      seen.push(...page.map((c) => c._id));
      if (page.length < 37) break;
      after = { at: page[page.length - 1].nextDeadlineAt!, id: page[page.length - 1]._id };
    }
    expect(seen.length).toBe(expected.length);
    expect([...seen].sort()).toEqual(expected);
  });

  it('keeps the caller’s scope in the query: another dealer’s complaint is simply not found', async () => {
    expect(await repository.findById(scopedComplaints(principal('DEALER', ['sc-7'])), 'cmp-seed-7')).not.toBeNull();
    expect(await repository.findById(scopedComplaints(principal('DEALER', ['sc-8'])), 'cmp-seed-7')).toBeNull();
    expect(await repository.findById(scopedComplaints(principal('REGION_MANAGER', [], ['rg-2'])), 'cmp-seed-7')).toBeNull();
    expect(await repository.findById(scopedComplaints(principal('REGION_MANAGER', [], ['rg-1'])), 'cmp-seed-7')).not.toBeNull();
    expect(await repository.count(scopedComplaints(principal('DEALER', ['sc-7'])))).toBe(50);
    expect(await repository.count(scopedComplaints(principal('HQ_ADMIN')))).toBe(await model.countDocuments({}).exec());
  });
});
