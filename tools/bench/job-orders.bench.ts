import { parseArgs } from 'node:util';
import mongoose from 'mongoose';
import { defaultCalendar, engineFor, type WorkingCalendar } from '@aftersales/calendar';
import { Topics } from '@aftersales/contracts';
import {
  DEFAULT_SLA_POLICY,
  deadline,
  evaluateSla,
  jobOrderIdFor as idForSource,
  nextSlaCheck,
  openJobOrder,
  overdueAt,
  type JobOrder,
  type SlaContext,
  type SlaTarget,
} from '@aftersales/domain-job-orders';
import { profiling } from './cpu-profile';
import { withInfra } from './infra';
import { callCenterStaff, EventProbe, type ProbedMessage, serviceEnv, startGateway, startServiceProcess, tokenFor, uniqueName, type GraphQLClient, type ServiceProcess } from '@aftersales/testing';

/** What `npm run bench` lists. */
export const describe = 'job-orders: deadline arithmetic, breach scan over 100,000 open orders, complaint call -> job order visible';

const HOUR = 3_600_000;
const MINUTE = 60_000;
const log = (m: string) => process.stderr.write(`bench: ${m}\n`);
const verdict = (ok: boolean) => (ok ? 'PASS' : 'FAIL');

const HELP = `npm run bench -- job-orders [deadlines|scan|latency|all] [--orders 100000] [--rate 50] [--duration 20] [--seconds 3]

  deadlines  SLA deadline computations per second on one core (target >= 200,000/s)
  scan       100,000 open job orders in the store; the clock moves one minute: time to find what is due
             (nextCheckAt index), and time until every warning/breach due is published (target <= 1 s)
  latency    complaint calls logged through the gateway at --rate per second for --duration seconds; time
             until each job order answers through the gateway (target p99 <= 500 ms)
MONGO_URL + KAFKA_BROKERS use those servers; otherwise local infrastructure is started and stopped.`;

export async function run(args: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      orders: { type: 'string', default: '100000' },
      rate: { type: 'string', default: '50' },
      duration: { type: 'string', default: '20' },
      seconds: { type: 'string', default: '3' },
      help: { type: 'boolean' },
    },
  });
  if (values.help) {
    process.stdout.write(`${HELP}\n`);
    return;
  }
  const which = positionals[0] ?? 'all';
  if (which === 'deadlines' || which === 'all') benchDeadlines(Number(values.seconds));
  if (which === 'deadlines') return;
  await withInfra('job-orders', log, async () => {
    if (which === 'scan' || which === 'all') await benchScan(Number(values.orders));
    if (which === 'latency' || which === 'all') await benchLatency(Number(values.rate), Number(values.duration));
  });
}

/** Centers in several zones and weeks, as the SLA engine sees them (warm engines, as in the service). */
const ZONES: [string, string][] = [
  ['CN', 'Asia/Shanghai'], ['BR', 'America/Sao_Paulo'], ['RU', 'Europe/Moscow'], ['SA', 'Asia/Riyadh'], ['MX', 'America/Mexico_City'],
  ['ES', 'Europe/Madrid'], ['PT', 'Europe/Lisbon'], ['EG', 'Africa/Cairo'], ['CL', 'America/Santiago'], ['IR', 'Asia/Tehran'],
];

function benchDeadlines(seconds: number): void {
  const calendars = ZONES.map(([c, z]) => engineFor(defaultCalendar(c, z)));
  const targets: [string, SlaTarget][] = [
    ['contact 0.5 working h', DEFAULT_SLA_POLICY.customerContact],
    ['first progress 1 working day', DEFAULT_SLA_POLICY.firstProgress],
    ['progress 2 working days', DEFAULT_SLA_POLICY.progressEvery],
    ['close 7 days', DEFAULT_SLA_POLICY.close],
  ];
  // Start instants every 7 min 13 s over 60 days (the window open orders live in): all hours, weekdays,
  // and the holidays of December. The service's engines are warm after their first days; so are these.
  const starts = Array.from({ length: 12_000 }, (_, i) => new Date(Date.UTC(2026, 10, 15) + i * 433_000));
  const warm = performance.now();
  for (let n = 0; n < starts.length * calendars.length; n++) for (const [, t] of targets) deadline(calendars[n % calendars.length], starts[n % starts.length], t);
  process.stdout.write(`deadlines  warm-up (${calendars.length} calendars x 60 days, first touch of each day): ${((performance.now() - warm) / 1000).toFixed(1)} s\n`);
  // Rates per CPU second of this (single-threaded) process as well as per wall second: on a shared,
  // loaded machine the wall figure says more about the neighbours than about one core.
  const rates: number[] = [];
  let sink = 0;
  const fmt = (n: number) => Math.round(n).toLocaleString('en').padStart(10);
  for (const [name, target] of targets) {
    let n = 0;
    const end = performance.now() + (seconds * 1000) / targets.length;
    const t0 = performance.now();
    const cpu0 = process.cpuUsage();
    while (performance.now() < end) {
      for (let k = 0; k < 1000; k++, n++) sink += deadline(calendars[n % calendars.length], starts[n % starts.length], target).getTime() & 1;
    }
    const cpu = process.cpuUsage(cpu0);
    const perCpu = n / ((cpu.user + cpu.system) / 1e6);
    rates.push(perCpu);
    process.stdout.write(`deadlines  ${name.padEnd(30)} ${fmt(perCpu)} /CPU-s ${fmt(n / ((performance.now() - t0) / 1000))} /wall-s\n`);
  }
  const mixed = rates.length / rates.reduce((a, r) => a + 1 / r, 0);
  process.stdout.write(`deadlines  mixed (harmonic mean)          ${fmt(mixed)} /CPU-s  target >= 200,000/s on one core  ${verdict(mixed >= 200_000)} (sink ${sink % 2})\n`);
}

/**
 * Starts the service on a fresh database (it creates its indexes), seeds N open job orders straight
 * into its `job_orders` collection (the documents the service writes, built with the domain library,
 * with the fields its indexes use) as if it had kept up until time T: every order's next check is
 * after T. Then the service's clock moves to T + 1 minute.
 */
async function benchScan(orders: number): Promise<void> {
  const db = uniqueName('bench_job_orders');
  const env = serviceEnv(db, { NODE_ENV: 'test', LOG_LEVEL: 'warn', SLA_SCAN_INTERVAL_MS: '200', KAFKA_GROUP_ID: uniqueName('bench_jo'), KAFKA_FROM_BEGINNING: 'false' });
  const conn = await mongoose.createConnection(process.env.MONGO_URL!, { dbName: db }).asPromise();
  const centers = ZONES.map(([country, zone], i) => ({ id: `sc-bench-${i}`, calendar: defaultCalendar(country, zone) }));
  const calendarOf = new Map<string, WorkingCalendar>(centers.map((c) => [c.id, c.calendar]));
  const T = Math.ceil((Date.now() + 2 * HOUR) / HOUR) * HOUR + 30 * MINUTE;
  const ctxAt = (now: number): SlaContext => ({ now: new Date(now), policy: DEFAULT_SLA_POLICY, calendarOf: (id) => calendarOf.get(id)! });

  const service = await startServiceProcess('apps/job-orders/src/main.ts', env, { timeoutMs: 180_000 });
  const probe = await EventProbe.start(process.env.KAFKA_BROKERS!, Topics['job-orders']);
  try {
    // The shared centers read model (@aftersales/platform-centers), as network's events would have filled it.
    await conn.collection('network_centers').insertMany(
      centers.map((c, i) => {
        const { timeZone, country, ...calendar } = c.calendar;
        return {
          _id: c.id, code: c.id.toUpperCase(), name: c.id, kind: 'SERVICE_CENTER', status: 'ACTIVE', regionId: 'rg-bench', parentId: null, country, timeZone,
          city: 'Bench', location: { lat: 0, lng: i }, point: { type: 'Point', coordinates: [i, 0] }, phones: [], rescue24h: false, isStar: false,
          calendar, keyContacts: [], updatedAt: '2026-01-01T00:00:00.000Z',
        };
      }) as never[],
    );
    log(`seeding ${orders.toLocaleString('en')} open job orders into ${db}`);
    const seedStart = Date.now();
    let batch: object[] = [];
    let expected = 0;
    for (let i = 0; i < orders; i++) {
      const center = centers[i % centers.length];
      const created = T - ((i * 7_919) % (7 * 24 * 60)) * MINUTE - 1_000;
      const holder = { tier: 'DEALER' as const, serviceCenterId: center.id, regionId: 'rg-bench' };
      const id = `jo-bench-${i}`;
      let order: JobOrder = openJobOrder({ id, number: `JO-2026-${String(i).padStart(6, '0')}`, source: { kind: 'CALL', id: `bench-${i}` }, description: 'bench', holders: [holder] }, ctxAt(created)).order;
      order = evaluateSla(order, ctxAt(T)).order;
      expected += evaluateSla(order, ctxAt(T + MINUTE)).facts.length;
      const { id: _id, ...state } = order;
      // The service's document (apps/job-orders/src/job-orders/job-order.schema.ts, jobOrderRow).
      batch.push({
        ...state, _id, rev: 1, customer: { name: 'Bench', country: 'BR' }, vehicle: null, centerIds: [center.id], regionIds: ['rg-bench'],
        nextCheckAt: nextSlaCheck(order), overdueAt: overdueAt(order), breached: order.clocks.some((c) => c.breachedAt !== null), outbox: [], outboxPending: false,
      });
      if (batch.length === 1_000) {
        await conn.collection('job_orders').insertMany(batch as never[], { ordered: false });
        batch = [];
      }
      if (i % 10_000 === 9_999) log(`  ${(i + 1).toLocaleString('en')} orders (${((Date.now() - seedStart) / 1000).toFixed(0)} s)`);
    }
    if (batch.length) await conn.collection('job_orders').insertMany(batch as never[], { ordered: false });
    log(`seeded in ${((Date.now() - seedStart) / 1000).toFixed(0)} s; ${expected} warnings/breaches fall due in the next minute`);

    // What the scanner reads to find the due orders: a range on the nextCheckAt index, oldest first.
    const findStart = performance.now();
    const due = await conn
      .collection('job_orders')
      .find({ nextCheckAt: { $lte: new Date(T + MINUTE) } }, { projection: { _id: 1, nextCheckAt: 1 } })
      .sort({ nextCheckAt: 1, _id: 1 })
      .limit(200)
      .toArray();
    const findMs = performance.now() - findStart;
    process.stdout.write(`scan       find due among ${orders.toLocaleString('en')} open orders: ${findMs.toFixed(1)} ms (${due.length} due, from the nextCheckAt index)  target <= 1000 ms  ${verdict(findMs <= 1000)}\n`);

    const seen = new Set<string>();
    const isDue = (m: { value: any }) => (m.value?.type === 'JobOrderSlaWarning' || m.value?.type === 'JobOrderSlaBreached') && String(m.value.payload.jobOrderId).startsWith('jo-bench-');
    // The scan is timed on a settled store: seeding 100,000 documents leaves it busy for a while.
    const settleStart = performance.now();
    await settle(service, await tokenFor({ role: 'HQ_ADMIN', expiresIn: '2h' }));
    log(`service settled ${((performance.now() - settleStart) / 1000).toFixed(0)} s after seeding`);
    const moveStart = performance.now();
    await fetch(`${service.baseUrl}/test/clock`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ now: new Date(T + MINUTE).toISOString() }) });
    if (expected) await probe.waitFor((m) => {
      if (isDue(m)) seen.add(`${m.value.payload.jobOrderId}|${m.value.payload.clock}|${m.value.type}`);
      return seen.size >= expected;
    }, 300_000, `${expected} SLA events`).catch((err: Error) => {
      log(`service output:\n${service.output().slice(-4000)}`);
      throw err;
    });
    const publishMs = performance.now() - moveStart;
    process.stdout.write(
      `scan       clock +1 min -> all ${expected} warnings/breaches published: ${publishMs.toFixed(0)} ms  target <= 1000 ms  ${verdict(publishMs <= 1000)}\n`,
    );
  } finally {
    await probe.stop();
    await service.stop();
    await conn.dropDatabase().catch(() => undefined);
    await conn.close();
  }
}

/** Waits until three consecutive reads of one order (an `_id` lookup) answer within 100 ms: the store is no longer busy. */
async function settle(service: ServiceProcess, token: string): Promise<void> {
  const client = service.client.as(token);
  let fast = 0;
  for (let i = 0; fast < 3 && i < 1200; i++) {
    const t0 = performance.now();
    await client.request(`{ jobOrder(id: "jo-bench-0") { id } }`);
    fast = performance.now() - t0 < 100 ? fast + 1 : 0;
    await new Promise((r) => setTimeout(r, 500));
  }
}

export interface CallPipeline {
  processes: ServiceProcess[];
  network: ServiceProcess;
  jobOrders: ServiceProcess;
  calls: ServiceProcess;
  gateway: ServiceProcess;
  hq: GraphQLClient;
  agent: GraphQLClient;
  /** Logs a complaint call for a bench center (default `BENCH_CENTER`) through the gateway; resolves with the call's id, or null when it failed. */
  logCall(center?: string): Promise<string | null>;
  /** The job order of a call, through the gateway: null until job-orders has created it. */
  jobOrder(callId: string): Promise<string | null>;
}

/** The bench center every probed call is for (a 24/7 calendar, so no clock waits for opening hours). */
export const BENCH_CENTER = 'sc-bench-1';

/** The `n` bench centers: `BENCH_CENTER` first, the others like it. */
export const benchCenters = (n: number) => Array.from({ length: Math.max(1, n) }, (_, i) => `sc-bench-${i + 1}`);

/**
 * network, job-orders and calls as processes behind a gateway, the bench centers (`centers`, default
 * one) known to both read models: a complaint call logged in calls becomes a job order in job-orders
 * through Kafka.
 */
export async function startCallPipeline(opts: { profileDir?: string; centers?: number } = {}): Promise<CallPipeline> {
  const env = (name: string, extra: Record<string, string> = {}) => serviceEnv(uniqueName(name), { LOG_LEVEL: 'warn', ...extra });
  const profiled = (name: string) => profiling(opts.profileDir, name);
  const processes: ServiceProcess[] = [];
  try {
    const network = await startServiceProcess('apps/network/src/main.ts', env('bench_network'), { timeoutMs: 180_000 });
    processes.push(network);
    const jobOrders = await startServiceProcess(
      'apps/job-orders/src/main.ts',
      env('bench_jo', { KAFKA_GROUP_ID: uniqueName('bench_jo'), KAFKA_FROM_BEGINNING: 'false', NODE_ENV: 'production', ...profiled('job-orders').env }),
      { timeoutMs: 180_000, nodeArgs: profiled('job-orders').nodeArgs },
    );
    processes.push(jobOrders);
    const calls = await startServiceProcess(
      'apps/calls/src/main.ts',
      env('bench_calls', { CALLS_KAFKA_GROUP_ID: uniqueName('bench_calls'), CALLS_KAFKA_FROM_BEGINNING: 'false', NODE_ENV: 'production', ...profiled('calls').env }),
      { timeoutMs: 180_000, nodeArgs: profiled('calls').nodeArgs },
    );
    processes.push(calls);
    const gateway = await startGateway({ network: network.graphqlUrl, calls: calls.graphqlUrl, 'job-orders': jobOrders.graphqlUrl }, { NODE_ENV: 'production', GATEWAY_RATE_LIMIT_PER_MINUTE: '0' });
    processes.push(gateway);
    const hq = gateway.client.as(await tokenFor({ role: 'HQ_ADMIN', expiresIn: '2h' }));
    const agent = gateway.client.as(await tokenFor({ role: 'CALL_CENTER_AGENT', subject: 'bench-agent', expiresIn: '2h' }));
    await hq.data(`mutation { upsertRegion(input: { id: "rg-bench", code: "BENCH", name: "Bench", countries: ["BR"] }) { id } }`);
    const week = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, slots: [{ start: '00:00', end: '24:00' }] }));
    const centers = benchCenters(opts.centers ?? 1);
    await hq.data(`mutation($input: ImportServiceCentersInput!) { importServiceCenters(input: $input) { centers } }`, {
      input: { centers: centers.map((id, i) => ({ id, code: `SC-BENCH-${i + 1}`, name: `Bench dealer ${i + 1}`, kind: 'SERVICE_CENTER', country: 'BR', regionId: 'rg-bench', parentId: null,
        timeZone: 'America/Sao_Paulo', location: { lat: -23.55, lng: -46.63 }, address: { line1: 'Rua 1', city: 'São Paulo' }, phones: ['+551155550000'],
        star: null, calendar: { weekly: week, closures: [], extraWorkingDays: [], observePublicHolidays: false }, status: 'ACTIVE', rescue24h: false, staff: [callCenterStaff('bench-agent')] })) },
    });
    const input = (serviceCenterId: string) => ({
      category: 'COMPLAINT', customer: { name: 'Bench Customer', phone: '+5511987654321', country: 'BR' }, startedAt: new Date().toISOString(), durationSec: 120,
      record: { who: 'owner', when: 'now', where: 'São Paulo', what: 'gearbox noise', why: 'wants a fix', how: 'job order' },
      requirement: 'fix the gearbox', serviceCenterId,
    });
    const pipeline: CallPipeline = {
      processes,
      network,
      jobOrders,
      calls,
      gateway,
      hq,
      agent,
      async logCall(center = BENCH_CENTER) {
        // An overloaded stack may drop the connection: that call counts as failed, the run goes on.
        const res = await agent.request(`mutation($input: LogCallInput!) { logCall(input: $input) { id } }`, { input: input(center) }).catch(() => null);
        return (res?.data as { logCall?: { id: string } } | null | undefined)?.logCall?.id ?? null;
      },
      async jobOrder(callId) {
        const id = jobOrderIdFor(callId);
        const found = await hq.request(`query($id: ID!) { jobOrder(id: $id) { id } }`, { id }).catch(() => null);
        return found && !found.errors ? id : null;
      },
    };
    // Both read models must know every center before measuring.
    for (const center of centers) {
      for (let i = 0; ; i++) {
        const id = await pipeline.logCall(center);
        if (id && (await pipeline.jobOrder(id))) break;
        if (i > 150) throw new Error(`the services never learned the bench center ${center}`);
        await new Promise((r) => setTimeout(r, 400));
      }
    }
    return pipeline;
  } catch (e) {
    for (const p of processes.reverse()) await p.stop().catch(() => undefined);
    throw e;
  }
}

/** Where a probe's time went, in ms, by the clocks of the processes involved (one machine, one clock). */
export interface ProbeStages {
  /** logCall through the gateway until calls answered (the call and its outbox committed). */
  logCall: number;
  /** From that answer to the order's creation in job-orders: calls' relay, Kafka, job-orders' consumer. */
  toCreated: number;
  /** From the creation to JobOrderCreated on the topic: the insert committed, then job-orders' relay. */
  published: number;
  /** From the start until JobOrderCreated was on the topic: the order was committed, so visible, by then. */
  committed: number;
  /** From the creation until a query through the gateway returned the order (as the bench polls, below). */
  toVisible: number;
  /** The query that returned it, alone. */
  query: number;
}

export const STAGE_LABELS: Record<keyof ProbeStages, string> = {
  logCall: 'logCall through the gateway, committed',
  toCreated: "calls' relay, Kafka, job-orders' consumer until the order is created",
  published: 'created until JobOrderCreated is on the topic (the insert committed before it)',
  committed: '= from the start until the order is committed in job-orders (at most)',
  toVisible: 'created until a query through the gateway returned it (polled 5, 10, 20 ms... apart)',
  query: '  of which the query that returned it',
};

/**
 * `perSec` complaint calls a second for `durationSec`, each timed from logging it through the gateway
 * until a query through the gateway returns its job order. Each call's order is asked for 5, 10, 20,
 * 40 ms... after calls answered (doubling, at most a second apart), and every `pollMs` once its
 * JobOrderCreated is on the topic (`probe`): polling every pending call every few milliseconds would
 * load the two cores more than the calls themselves, and waiting for the event alone would add its
 * publication and delivery to the bench, which are not the graph's. Each probe says where its time went.
 */
export async function timeCallsToJobOrders(
  pipeline: CallPipeline,
  probe: EventProbe,
  o: { perSec: number; durationSec: number; pollMs: number },
): Promise<{ latencies: number[]; failed: number; stages: ProbeStages[] }> {
  const latencies: number[] = [];
  const stages: ProbeStages[] = [];
  let failed = 0;
  const pending: Promise<void>[] = [];
  const started = performance.now();
  for (let i = 0; i < o.perSec * o.durationSec; i++) {
    await new Promise((r) => setTimeout(r, Math.max(0, started + (i * 1000) / o.perSec - performance.now())));
    pending.push(
      (async () => {
        const t0 = performance.now();
        const wall0 = Date.now();
        const callId = await pipeline.logCall();
        if (!callId) return void failed++;
        const answered = Date.now();
        const id = jobOrderIdFor(callId);
        let seen: ProbedMessage | null = null;
        let wake = () => {};
        const created = probe
          .waitFor((m) => m.value?.type === 'JobOrderCreated' && m.value.payload.jobOrderId === id, 30_000)
          .then((m) => ((seen = m), wake(), m))
          .catch(() => null);
        let delay = 5;
        let query = NaN;
        let visibleAt = NaN;
        for (;;) {
          await new Promise<void>((r) => {
            const timer = setTimeout(r, seen ? o.pollMs : delay);
            wake = () => (clearTimeout(timer), r());
          });
          delay = Math.min(delay * 2, 1_000);
          const asked = Date.now();
          if (await pipeline.jobOrder(callId)) {
            visibleAt = Date.now();
            query = visibleAt - asked;
            break;
          }
          if (performance.now() - t0 > 30_000) return void failed++;
        }
        const latency = performance.now() - t0;
        const event = await created;
        if (!event) return void failed++;
        latencies.push(latency);
        const createdAt = Date.parse((event.value as { payload: { createdAt: string } }).payload.createdAt);
        stages.push({
          logCall: answered - wall0,
          toCreated: createdAt - answered,
          published: event.timestamp - createdAt,
          committed: event.timestamp - wall0,
          toVisible: visibleAt - createdAt,
          query,
        });
      })(),
    );
  }
  await Promise.all(pending);
  return { latencies, failed, stages };
}

async function benchLatency(rate: number, durationSec: number): Promise<void> {
  const pipeline = await startCallPipeline();
  try {
    const probe = await EventProbe.start(process.env.KAFKA_BROKERS!, Topics['job-orders']);
    log(`measuring ${rate} complaint calls/s for ${durationSec} s`);
    const { latencies, failed } = await timeCallsToJobOrders(pipeline, probe, { perSec: rate, durationSec, pollMs: 100 });
    await probe.stop();
    latencies.sort((a, b) => a - b);
    const pct = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? NaN;
    const p99 = pct(0.99);
    process.stdout.write(
      `latency    complaint call -> job order visible through the gateway at ${rate}/s for ${durationSec} s: n=${latencies.length} failed=${failed} ` +
        `p50=${pct(0.5).toFixed(0)} ms p99=${p99.toFixed(0)} ms max=${(latencies.at(-1) ?? NaN).toFixed(0)} ms  target p99 <= 500 ms  ${verdict(failed === 0 && p99 <= 500)}\n`,
    );
  } finally {
    for (const p of pipeline.processes.reverse()) await p.stop().catch(() => undefined);
  }
}

/** The service derives a job order's id from its source, so the bench can ask for it directly. */
const jobOrderIdFor = (callId: string) => idForSource('CALL', callId);
