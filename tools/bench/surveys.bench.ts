import { mkdtemp, rm } from 'node:fs/promises';
import { cpus, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import mongoose from 'mongoose';
import { issueToken } from '@aftersales/domain-surveys';
import { serviceEnv, startServiceProcess, tokenFor, uniqueName, type ServiceProcess } from '@aftersales/testing';
import { loadavg } from './infra';

export const describe = 'surveys: sustained public answers per minute and how far the CSI read model lags behind';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const TARGET_PER_MINUTE = 10_000;
/** The issue's target: the CSI read model at most 5 s behind the answers, p99. */
const TARGET_LAG_MS = 5_000;
const CENTERS = 20;

interface InfraApi {
  up(opts: { dataDir: string; log: (m: string) => void; ownerPid?: number }): Promise<{ mongoUrl: string; kafkaBrokers: string; external: boolean }>;
  down(opts: { dataDir: string; log: (m: string) => void }): Promise<unknown>;
}

const log = (msg: string) => process.stderr.write(`bench: ${msg}\n`);
const SUBMIT = `mutation($input: SubmitSurveyInput!) { submitSurveyAnswers(input: $input) { followUp } }`;
const KPI = `query($p: String!) { satisfactionByCountry(from: $p) { responses csi { score } } }`;

function answers(i: number) {
  const r = (n: number) => 1 + ((i * 7 + n * 3) % 5);
  return [
    { questionId: 'initiation', value: r(1) },
    { questionId: 'advisor', value: r(2) },
    { questionId: 'facility', value: r(3) },
    { questionId: 'pickup', value: r(4) },
    { questionId: 'quality', value: r(5) },
    { questionId: 'fixed_first_time', yes: i % 10 !== 0 },
    // One answer in ten is a detractor: its CustomerDissatisfied event rides the hot path too.
    { questionId: 'recommend', value: i % 10 === 0 ? 3 : 7 + (i % 4) },
    ...(i % 5 === 0 ? [{ questionId: 'comment', text: `Visit ${i}: call me on +86 138 0013 ${String(8000 + (i % 1000)).padStart(4, '0')}` }] : []),
  ];
}

const percentile = (sorted: number[], p: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] : NaN);

/**
 * Open-loop load at a fixed rate (default 10,000 answers a minute) against the public
 * `submitSurveyAnswers` of a surveys process, with invitations seeded straight into its store;
 * meanwhile the KPI query is polled to see when each acknowledged answer shows in the counters.
 */
export async function run(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      duration: { type: 'string', default: '60' },
      rate: { type: 'string', default: String(TARGET_PER_MINUTE) },
      help: { type: 'boolean' },
    },
  });
  if (values.help) {
    process.stdout.write(`npm run bench -- surveys [--duration 60] [--rate 10000]   (rate in answers per minute)\n`);
    return;
  }
  const durationSec = Number(values.duration);
  const perMinute = Number(values.rate);
  if (!(durationSec >= 5) || !(perMinute >= 60)) throw new Error('--duration >= 5 and --rate >= 60');
  const total = Math.ceil((perMinute / 60) * durationSec);

  const infra = (await import(pathToFileURL(path.join(ROOT, 'tools/infra/infra.mjs')).href)) as InfraApi;
  const external = Boolean(process.env.MONGO_URL && process.env.KAFKA_BROKERS);
  const dataDir = external ? '' : await mkdtemp(path.join(tmpdir(), 'aftersales-bench-'));
  let service: ServiceProcess | null = null;
  let conn: mongoose.Connection | null = null;
  try {
    const { mongoUrl, kafkaBrokers } = await infra.up({ dataDir, log: (m) => log(`infra: ${m}`), ownerPid: process.pid });
    process.env.MONGO_URL = mongoUrl;
    process.env.KAFKA_BROKERS = kafkaBrokers;
    const dbName = uniqueName('bench_surveys');
    service = await startServiceProcess(
      'apps/surveys/src/main.ts',
      serviceEnv(dbName, {
        NODE_ENV: 'production',
        LOG_LEVEL: process.env.BENCH_LOG_LEVEL || 'warn',
        SURVEYS_CONSUMER_GROUP: uniqueName('bench-surveys'),
        // One load generator is one client address.
        SURVEYS_REQUESTS_PER_IP_PER_MINUTE: '1000000',
      }),
    );

    log(`seeding ${total} open invitations over ${CENTERS} centers`);
    conn = await mongoose.createConnection(mongoUrl, { dbName }).asPromise();
    const now = new Date();
    const tokens: string[] = [];
    const docs = Array.from({ length: total }, (_, i) => {
      const id = `VEHICLE_DELIVERED:bench-${i}`;
      const { token, secretHash } = issueToken(id);
      tokens.push(token);
      return {
        _id: id,
        serviceCenterId: `sc-bench-${i % CENTERS}`,
        regionId: 'rg-bench',
        country: 'CN',
        timeZone: 'Asia/Shanghai',
        trigger: { kind: 'VEHICLE_DELIVERED', source: { kind: 'REPAIR_ORDER', id: `bench-${i}` }, occurredAt: now },
        repairOrderId: `bench-${i}`,
        customer: { name: `Customer ${i}`, email: `c${i}@example.cn`, country: 'CN' },
        language: 'zh',
        channel: 'WEB_LINK',
        questionnaireId: 'after-sales-csi',
        questionnaireVersion: 1,
        state: 'OPEN',
        dueAt: now,
        remindAt: null,
        expiresAt: new Date(now.getTime() + 14 * 86_400_000),
        reminded: false,
        secretHash,
        consent: null,
        answeredAt: null,
        // The service's scheduler field (apps/surveys/src/invitations/invitation.schema.ts): an open link expires next.
        nextActionAt: new Date(now.getTime() + 14 * 86_400_000),
        nextAction: 'EXPIRE',
        createdAt: now,
        updatedAt: now,
        outbox: [],
        outboxPending: false,
      };
    });
    for (let i = 0; i < docs.length; i += 1000) await conn.collection('invitations').insertMany(docs.slice(i, i + 1000) as never[]);

    const hq = service.client.as(await tokenFor({ role: 'HQ_ANALYST' }));
    const period = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit' }).format(now).slice(0, 7);
    const loadStart = await loadavg();

    log(`load: ${perMinute}/min for ${durationSec} s (${total} answers), ${cpus().length} CPUs, load average ${loadStart}`);
    const latencies: number[] = [];
    const ackTimes: number[] = [];
    let errors = 0;
    let firstError = '';
    const polls: { at: number; responses: number }[] = [];
    let polling = true;
    const poller = (async () => {
      while (polling) {
        const res = await hq.request<{ satisfactionByCountry: { responses: number } }>(KPI, { p: period }).catch(() => null);
        if (res?.data) polls.push({ at: Date.now(), responses: res.data.satisfactionByCountry.responses });
        await new Promise((r) => setTimeout(r, 100));
      }
    })();

    const progress = setInterval(() => log(`progress: ${ackTimes.length} accepted, ${errors} errors, KPI responses ${polls.at(-1)?.responses ?? 0}`), 5_000);
    const intervalMs = 60_000 / perMinute;
    const started = Date.now();
    const inflight: Promise<void>[] = [];
    for (let i = 0; i < total; i++) {
      const due = started + i * intervalMs;
      const wait = due - Date.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      const t0 = performance.now();
      inflight.push(
        service.client.request(SUBMIT, { input: { token: tokens[i], answers: answers(i) } }).then(
          (res) => {
            if (res.errors?.length) {
              errors++;
              firstError ||= JSON.stringify(res.errors[0]);
            } else {
              latencies.push(performance.now() - t0);
              ackTimes.push(Date.now());
            }
          },
          (e: Error) => {
            errors++;
            firstError ||= e.message;
          },
        ),
      );
    }
    await Promise.all(inflight);
    clearInterval(progress);
    const elapsedSec = (Date.now() - started) / 1000;
    // Give the read model time to catch up before the last poll.
    const settleUntil = Date.now() + 5_000;
    while (Date.now() < settleUntil && (polls.at(-1)?.responses ?? 0) < ackTimes.length) await new Promise((r) => setTimeout(r, 100));
    polling = false;
    await poller;

    ackTimes.sort((a, b) => a - b);
    const lags: number[] = [];
    let p = 0;
    for (let k = 0; k < ackTimes.length; k++) {
      while (p < polls.length && polls[p].responses < k + 1) p++;
      lags.push(p < polls.length ? Math.max(0, polls[p].at - ackTimes[k]) : Infinity);
    }
    lags.sort((a, b) => a - b);
    latencies.sort((a, b) => a - b);
    const achieved = (ackTimes.length / elapsedSec) * 60;
    const maxLag = lags.at(-1) ?? NaN;
    const p99Lag = percentile(lags, 99);
    const round = (n: number) => Math.round(n * 10) / 10;
    const rows = [
      ['answers accepted', `${ackTimes.length} of ${total} (${errors} errors${firstError ? `, first: ${firstError.slice(0, 200)}` : ''})`],
      ['sustained rate', `${Math.round(achieved)} answers/min over ${round(elapsedSec)} s (target ${TARGET_PER_MINUTE})`],
      ['answer latency', `p50 ${round(percentile(latencies, 50))} ms, p99 ${round(percentile(latencies, 99))} ms`],
      ['CSI read model lag', `p50 ${round(percentile(lags, 50))} ms, p99 ${round(percentile(lags, 99))} ms, max ${round(maxLag)} ms (target p99 <= ${TARGET_LAG_MS} ms; polled every ~100 ms)`],
      ['final KPI responses', String(polls.at(-1)?.responses ?? 'n/a')],
    ];
    for (const [k, v] of rows) process.stdout.write(`${k.padEnd(20)} ${v}\n`);
    const ratePass = achieved >= TARGET_PER_MINUTE * 0.98 && errors === 0;
    const lagPass = p99Lag <= TARGET_LAG_MS;
    process.stdout.write(`${ratePass ? 'PASS' : 'FAIL'} sustained ${TARGET_PER_MINUTE} answers/min without errors\n`);
    process.stdout.write(`${lagPass ? 'PASS' : 'FAIL'} CSI read model at most ${TARGET_LAG_MS} ms behind (p99)\n`);
  } finally {
    await conn?.close().catch(() => undefined);
    await service?.stop().catch(() => undefined);
    if (!external) {
      await infra.down({ dataDir, log: (m) => log(`infra: ${m}`) }).catch(() => undefined);
      if (dataDir) await rm(dataDir, { recursive: true, force: true }).catch(() => undefined);
    }
  }
}
