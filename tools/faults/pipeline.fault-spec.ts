import { appendFileSync, copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { Kafka, logLevel, type Producer } from 'kafkajs';
import mongoose from 'mongoose';
import { createEvent, Topics } from '@aftersales/contracts';
import { EventPublisher } from '@aftersales/platform-kafka';
import {
  EventProbe,
  eventually,
  GraphQLClient,
  seedTestNetwork,
  startServiceProcess,
  TEST_JWT,
  testCenter,
  tokenFor,
  uniqueName,
  type ServiceProcess,
} from '@aftersales/testing';
import { down, TRANSACTION_LIFETIME_SECONDS, up } from '../infra/infra.mjs';

/**
 * The fault suite (`npm run test:faults`): a real pipeline across three services (calls' job-order
 * requests → job-orders creates the orders and publishes them through its outbox → calls files a 0.5 h
 * contact check per order and counts it) is broken on purpose while it carries FAULT_EVENTS (10,000)
 * events: the broker restarted with SIGTERM and with SIGKILL, consumers killed with SIGKILL mid-batch,
 * and a service killed between storing a state change and publishing it. Each scenario then compares
 * every read model and counter with the source of truth: nothing may be lost, nothing applied twice.
 * It runs on a Kafka and store of its own (it restarts the broker) and prints its figures.
 */
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const EVENTS = Number(process.env.FAULT_EVENTS ?? 10_000);
const SERVICES = ['network', 'job-orders', 'calls'] as const;
type Service = (typeof SERVICES)[number];
const DEALER = 'sc-fault-1';
const SEND_CHUNK = 200;
/** How long counts must stay unchanged after they reached the target before a scenario is judged. */
const SETTLE_MS = 3_000;

interface Counts {
  jobOrders: number;
  callsReadModel: number;
  contactChecks: number;
  kpiCreated: number;
  contactChecksCounted: number;
  jobOrdersCreatedCounted: number;
}

interface Figures {
  scenario: string;
  events: number;
  lost: number;
  appliedTwice: number;
  outagesMs: number[];
  recoveriesMs: number[];
  totalMs: number;
}

const figures: Figures[] = [];
const t00 = performance.now();
/** Progress on stderr as it happens: a fault run is long, and a stuck stage should be visible at once. */
const progress = (msg: string) => process.stderr.write(`faults ${((performance.now() - t00) / 1000).toFixed(0).padStart(4)} s: ${msg}\n`);

describe('the event pipeline under faults (calls → job-orders → calls)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'aftersales-faults-'));
  const dbs = Object.fromEntries(SERVICES.map((s) => [s, uniqueName(`fault_${s.replace('-', '_')}`)])) as Record<Service, string>;
  const processes = {} as Record<Service, ServiceProcess>;
  let infra: { mongoUrl: string; kafkaBrokers: string; pids?: { kafka: number | null } };
  let conn: mongoose.Connection;
  let producer: Producer;
  let publisher: EventPublisher;

  /** This suite's own servers, whatever MONGO_URL/KAFKA_BROKERS the run has. */
  const infraUp = () => up({ dataDir, log: () => undefined, ownerPid: process.pid, embedded: true });

  const envOf = (service: Service, extra: Record<string, string> = {}): NodeJS.ProcessEnv => ({
    NODE_ENV: 'test',
    MONGO_URL: infra.mongoUrl,
    MONGO_DB: dbs[service],
    KAFKA_BROKERS: infra.kafkaBrokers,
    JWT_SECRET: TEST_JWT.secret,
    JWT_ISSUER: TEST_JWT.issuer,
    JWT_AUDIENCE: TEST_JWT.audience,
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'warn',
    AFTERSALES_FAILPOINTS: '',
    ...extra,
  });
  // Every service's log, across its restarts, for the cause of a failed scenario.
  const logDir = join(ROOT, '.data/faults');
  mkdirSync(logDir, { recursive: true });
  const logOf = (service: Service) => join(logDir, `${service}.log`);
  for (const s of SERVICES) writeFileSync(logOf(s), '');
  const start = async (service: Service, extra: Record<string, string> = {}) => {
    appendFileSync(logOf(service), `--- start ${new Date().toISOString()} ${JSON.stringify(extra)}\n`);
    processes[service] = await startServiceProcess(`apps/${service}/src/main.ts`, envOf(service, extra), {
      timeoutMs: 120_000,
      onOutput: (chunk) => appendFileSync(logOf(service), chunk),
    });
    return processes[service];
  };
  const db = (service: Service) => conn.useDb(dbs[service], { useCache: true }).db!;

  async function counts(batch: string): Promise<Counts> {
    const ofBatch = { 'source.kind': 'CALL', 'source.id': { $regex: `^${batch}-` } };
    const jo = db('job-orders');
    const calls = db('calls');
    const orderIds = (await calls.collection('job_orders').find(ofBatch, { projection: { _id: 1 } }).toArray()).map((d) => d._id);
    const [jobOrders, contactChecks, kpi, centerKpi, reports] = await Promise.all([
      jo.collection('job_orders').countDocuments(ofBatch),
      calls.collection('outbound_tasks').countDocuments({ kind: 'CONTACT_CHECK', jobOrderId: { $in: orderIds } }),
      jo.collection('kpi_counters').findOne({ _id: DEALER as never }),
      calls.collection('center_kpis').findOne({ _id: `sc|${DEALER}` as never }),
      calls.collection('report_counters').find({}, { projection: { 'counts.jobOrdersCreated': 1 } }).toArray(),
    ]);
    return {
      jobOrders,
      callsReadModel: orderIds.length,
      contactChecks,
      kpiCreated: kpi?.created ?? 0,
      contactChecksCounted: centerKpi?.counts?.contactChecks ?? 0,
      // Each order is counted in its hour, day, week and month.
      jobOrdersCreatedCounted: reports.reduce((sum, r) => sum + (r.counts?.jobOrdersCreated ?? 0), 0) / 4,
    };
  }

  /**
   * Two counters, each one document read by _id: what the waits poll. `counts` scans both job-order
   * collections, and polled ten times a second it took the cores the pipeline under test needs.
   */
  async function progressCounters(): Promise<Pick<Counts, 'kpiCreated' | 'contactChecksCounted'>> {
    const [kpi, centerKpi] = await Promise.all([
      db('job-orders').collection('kpi_counters').findOne({ _id: DEALER as never }, { projection: { created: 1 } }),
      db('calls').collection('center_kpis').findOne({ _id: `sc|${DEALER}` as never }, { projection: { 'counts.contactChecks': 1 } }),
    ]);
    return { kpiCreated: kpi?.created ?? 0, contactChecksCounted: centerKpi?.counts?.contactChecks ?? 0 };
  }

  /** Per stage of the pipeline: what is missing and what was counted more than once, against `n` sent. */
  function judge(before: Counts, after: Counts, n: number) {
    const got = {
      'job orders': after.jobOrders - before.jobOrders,
      "calls' job-order read model": after.callsReadModel - before.callsReadModel,
      'contact checks': after.contactChecks - before.contactChecks,
      "job-orders' created KPI": after.kpiCreated - before.kpiCreated,
      "calls' contact-check KPI": after.contactChecksCounted - before.contactChecksCounted,
      "calls' job-orders-created report": after.jobOrdersCreatedCounted - before.jobOrdersCreatedCounted,
    };
    const lost = Object.fromEntries(Object.entries(got).map(([k, v]) => [k, Math.max(0, n - v)]));
    const twice = Object.fromEntries(Object.entries(got).map(([k, v]) => [k, Math.max(0, v - n)]));
    return { got, lost, twice, lostMax: Math.max(...Object.values(lost)), twiceMax: Math.max(...Object.values(twice)) };
  }

  /** Sends `n` job-order requests as calls' relay would; a failed send (broker away) is sent again. */
  async function send(batch: string, n: number): Promise<void> {
    for (let from = 0; from < n; from += SEND_CHUNK) {
      const events = Array.from({ length: Math.min(SEND_CHUNK, n - from) }, (_, i) =>
        createEvent(
          'JobOrderRequested.v1',
          {
            callId: `${batch}-${from + i}`,
            reason: 'FAULT_REPAIR',
            serviceCenterId: DEALER,
            toHq: false,
            customer: { name: `Customer ${from + i}`, phone: '+8613800138000', country: 'CN' },
            description: 'Engine warning light on',
            requestedAt: new Date().toISOString(),
          },
          { source: 'calls', serviceCenterId: DEALER },
        ),
      );
      for (;;) {
        try {
          await publisher.publish(Topics.calls, events);
          break;
        } catch {
          await new Promise((r) => setTimeout(r, 500));
        }
      }
    }
  }

  /**
   * Time from `since` until the pipeline's last stage moves again, or 0 when it needs not: the stages
   * the fault left alone may have finished the batch while the broken one was away.
   */
  async function progressAfter(since: number, whole: number): Promise<number> {
    const at = (await progressCounters()).contactChecksCounted;
    if (at >= whole) return 0;
    await eventually('the pipeline to make progress again', progressCounters, (c) => c.contactChecksCounted > at, 180_000, 100);
    return performance.now() - since;
  }

  /**
   * One scenario: `EVENTS` requests are sent; when a share of them (`at`) have become job orders, each
   * fault runs in turn (returning when what it broke is back); then every stage must reach exactly
   * `EVENTS` and stay there.
   */
  async function scenario(name: string, faults: { at: number; what: string; run: () => Promise<void> }[]): Promise<Figures> {
    const batch = uniqueName(name.replace(/\W+/g, '_'));
    const before = await counts(batch);
    progress(`${name}: sending ${EVENTS}`);
    const t0 = performance.now();
    const sending = send(batch, EVENTS);
    const outages: number[] = [];
    const recoveries: number[] = [];
    for (const fault of faults) {
      await eventually(`${Math.round(fault.at * 100)}% of the batch to be job orders`, progressCounters, (c) => c.kpiCreated - before.kpiCreated >= EVENTS * fault.at, 300_000, 100);
      const t = performance.now();
      await fault.run();
      const restoredAt = performance.now();
      outages.push(restoredAt - t);
      progress(`${name}: ${fault.what} at ${Math.round(fault.at * 100)}%, back after ${((restoredAt - t) / 1000).toFixed(1)} s`);
      recoveries.push(await progressAfter(restoredAt, before.contactChecksCounted + EVENTS));
      progress(`${name}: moving again after ${(recoveries.at(-1)! / 1000).toFixed(1)} s`);
    }
    await sending;
    // A stage that never gets there is judged below, with what it holds. The last stage's counter first
    // (cheap), then every stage.
    await eventually('the last stage to count the whole batch', progressCounters, (c) => c.contactChecksCounted - before.contactChecksCounted >= EVENTS, 300_000, 250).catch(() => undefined);
    await eventually('every stage to hold the whole batch', () => counts(batch), (c) => judge(before, c, EVENTS).lostMax === 0, 60_000, 1_000).catch(() => undefined);
    const totalMs = performance.now() - t0;
    // Late duplicates (a redelivery after a restart) would show up now.
    await new Promise((r) => setTimeout(r, SETTLE_MS));
    const after = await counts(batch);
    const verdict = judge(before, after, EVENTS);
    progress(`${name}: done in ${(totalMs / 1000).toFixed(1)} s, per stage ${JSON.stringify(verdict.got)}`);
    const row = { scenario: name, events: EVENTS, lost: verdict.lostMax, appliedTwice: verdict.twiceMax, outagesMs: outages, recoveriesMs: recoveries, totalMs };
    figures.push(row);
    const zero = Object.fromEntries(Object.keys(verdict.got).map((k) => [k, 0]));
    expect({ scenario: name, lost: verdict.lost, twice: verdict.twice }).toEqual({ scenario: name, lost: zero, twice: zero });
    return row;
  }

  beforeAll(async () => {
    infra = await infraUp();
    progress(`Kafka ${infra.kafkaBrokers}, store ${infra.mongoUrl}; starting ${SERVICES.join(', ')}`);
    for (const s of SERVICES) await start(s);
    const network = new GraphQLClient(processes.network.graphqlUrl).as(await tokenFor({ role: 'HQ_ADMIN' }));
    await seedTestNetwork(network, { centers: [testCenter(DEALER)] });
    conn = await mongoose.createConnection(infra.mongoUrl).asPromise();
    // What bounds the wait behind a transaction a killed service left open (the consumer kills below).
    const lifetime = await conn.db!.admin().command({ getParameter: 1, transactionLifetimeLimitSeconds: 1 });
    expect(lifetime.transactionLifetimeLimitSeconds).toBe(TRANSACTION_LIFETIME_SECONDS);
    for (const s of ['job-orders', 'calls'] as const) {
      await eventually(`${s} to know ${DEALER}`, () => db(s).collection('network_centers').countDocuments({ _id: DEALER as never }), (n) => n === 1, 60_000);
    }
    const kafka = new Kafka({ clientId: 'fault-suite', brokers: infra.kafkaBrokers.split(','), logLevel: logLevel.NOTHING, retry: { retries: 2 } });
    producer = kafka.producer({ allowAutoTopicCreation: false });
    await producer.connect();
    publisher = new EventPublisher(producer);
    progress('services up, network seeded');
  }, 300_000);

  afterAll(async () => {
    await producer?.disconnect().catch(() => undefined);
    for (const s of SERVICES) await processes[s]?.stop();
    await conn?.close();
    await down({ dataDir, log: () => undefined }).catch(() => undefined);
    // The broker's log beside the services': group joins, session expiries and rebalances explain a slow recovery.
    try {
      copyFileSync(join(dataDir, 'kafka/server.log'), join(logDir, 'kafka-server.log'));
    } catch {
      // no broker log: it never started
    }
    rmSync(dataDir, { recursive: true, force: true });
    const secs = (vs: number[]) => (vs.length ? vs.map((v) => (v / 1000).toFixed(1)).join(' + ') : '-').padStart(11);
    process.stdout.write(
      [
        '',
        `fault suite: ${EVENTS} events per scenario (calls → job-orders → calls)`,
        `${'scenario'.padEnd(52)} ${'lost'.padStart(5)} ${'twice'.padStart(6)} ${'outage s'.padStart(11)} ${'recover s'.padStart(11)} ${'total s'.padStart(8)} ${'events/s'.padStart(9)}`,
        ...figures.map(
          (f) =>
            `${f.scenario.padEnd(52)} ${String(f.lost).padStart(5)} ${String(f.appliedTwice).padStart(6)} ${secs(f.outagesMs)} ${secs(f.recoveriesMs)} ${(f.totalMs / 1000).toFixed(1).padStart(8)} ${String(Math.round(f.events / (f.totalMs / 1000))).padStart(9)}`,
        ),
        '  lost / twice: the worst stage of job orders, calls\' read model, contact checks and three KPI counters;',
        '  outage: from the fault until what it broke is back (a service ready, the broker answering);',
        '  recover: from then until the last stage moves again.',
        `  services' logs: ${logDir}`,
        '',
      ].join('\n'),
    );
  }, 120_000);

  describe('a service killed between storing a state change and publishing it', () => {
    let probe: EventProbe;
    beforeAll(async () => {
      probe = await EventProbe.start(infra.kafkaBrokers, Topics['job-orders']);
    });
    afterAll(() => probe?.stop());

    it.each([
      ['before the relay publishes', 'outbox:before-publish', 1],
      ['after it publishes, before the outbox is cleared', 'outbox:after-publish', 2],
    ])('%s: downstream applies the event exactly once after the restart', async (_when, point, copiesOnTopic) => {
      const batch = uniqueName('crash');
      const before = await counts(batch);
      await processes['job-orders'].stop();
      const armed = await start('job-orders', { AFTERSALES_FAILPOINTS: point });
      const t0 = performance.now();
      await send(batch, 1);
      expect(await armed.exited).toBe('SIGKILL');
      const stored = await db('job-orders').collection('job_orders').findOne({ 'source.id': `${batch}-0` });
      expect(stored).toMatchObject({ outboxPending: true, outbox: [expect.objectContaining({ type: 'JobOrderCreated' })] });
      const eventId = (stored!.outbox as { id: string; type: string }[]).find((e) => e.type === 'JobOrderCreated')!.id;

      await start('job-orders');
      await eventually('the contact check of the order', progressCounters, (c) => c.contactChecksCounted === before.contactChecksCounted + 1, 60_000);
      await new Promise((r) => setTimeout(r, SETTLE_MS));
      // At least once on the topic (twice when the crash came after the send), applied once downstream.
      expect(probe.matching((m) => m.value?.id === eventId)).toHaveLength(copiesOnTopic);
      const verdict = judge(before, await counts(batch), 1);
      expect({ lost: verdict.lostMax, twice: verdict.twiceMax }).toEqual({ lost: 0, twice: 0 });
      expect(await db('job-orders').collection('job_orders').findOne({ _id: stored!._id })).toMatchObject({ outboxPending: false, outbox: [] });
      figures.push({ scenario: `crash at ${point}`, events: 1, lost: 0, appliedTwice: 0, outagesMs: [], recoveriesMs: [], totalMs: performance.now() - t0 });
    }, 180_000);
  });

  it('the two heaviest consumers, job-orders then calls, killed with SIGKILL mid-batch and restarted: nothing lost, nothing applied twice', async () => {
    const kill = (service: Service) => async () => {
      await processes[service].kill('SIGKILL');
      await start(service);
    };
    await scenario('job-orders, then calls, killed (SIGKILL) mid-batch', [
      { at: 1 / 3, what: 'job-orders killed', run: kill('job-orders') },
      { at: 2 / 3, what: 'calls killed', run: kill('calls') },
    ]);
  }, 900_000);

  it.each([
    ['SIGTERM', 'stopped (SIGTERM) and restarted'],
    ['SIGKILL', 'killed (SIGKILL) and restarted'],
  ] as const)('the Kafka broker %s mid-batch: nothing lost, nothing applied twice', async (signal, what) => {
    await scenario(`broker ${what}`, [
      {
        at: 1 / 2,
        what: `broker ${signal}`,
        run: async () => {
          if (signal === 'SIGTERM') await down({ dataDir, only: 'kafka', log: () => undefined });
          else {
            process.kill(infra.pids!.kafka!, 'SIGKILL');
            await eventually('the broker to be gone', async () => isAlive(infra.pids!.kafka!), (alive) => !alive, 30_000);
          }
          // Requests keep coming and services keep working while the broker is away.
          await new Promise((r) => setTimeout(r, 3_000));
          const back = await infraUp();
          // The services keep the address they were started with: the broker must come back on it.
          expect(back.kafkaBrokers).toBe(infra.kafkaBrokers);
          infra = back;
        },
      },
    ]);
  }, 900_000);
});

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
