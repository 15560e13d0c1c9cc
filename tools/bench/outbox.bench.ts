import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import mongoose from 'mongoose';
import { median } from 'simple-statistics';
import type { EventEnvelope } from '@aftersales/contracts';
import { MongoOutboxStore, outboxFields, type OutboxCollection } from '@aftersales/platform-kafka';
import { pidListeningOn } from './attach-profile';
import { loadavg, processCpuMicros, withInfra } from './infra';

export const describe = "outbox: the store's CPU to insert a relay cycle's documents and to empty their outboxes, one updateOne each against one conditional updateMany";

const HELP = `npm run bench -- outbox [--docs 2000] [--rounds 3]

Inserts --docs documents shaped like job orders (about 1.7 KB, the twelve indexes of job_orders, one
event in each outbox), then empties their outboxes the way the relay does after publishing them, two ways
taking turns: one guarded updateOne per document in an unordered bulkWrite (the relay before), and
MongoOutboxStore.removeAllMany (one conditional updateMany per outbox size). Prints the document store's
CPU (utime + stime from /proc) for each step, per round and as the median.`;

const INDEXES: Record<string, 1 | -1>[] = [
  { createdAt: -1, _id: 1 },
  { centerIds: 1, createdAt: -1, _id: 1 },
  { centerIds: 1, status: 1, createdAt: -1, _id: 1 },
  { regionIds: 1, createdAt: -1, _id: 1 },
  { status: 1, createdAt: -1, _id: 1 },
  { 'holders.tier': 1, createdAt: -1, _id: 1 },
  { breached: 1, createdAt: -1, _id: 1 },
  { centerIds: 1, overdueAt: 1 },
  { overdueAt: 1 },
  { nextCheckAt: 1, _id: 1 },
  { outboxPending: 1 },
];

const log = (m: string) => process.stderr.write(`bench: ${m}\n`);

export async function run(args: string[]): Promise<void> {
  const { values } = parseArgs({ args, options: { docs: { type: 'string', default: '2000' }, rounds: { type: 'string', default: '3' }, help: { type: 'boolean' } } });
  if (values.help) return void process.stdout.write(`${HELP}\n`);
  const n = Number(values.docs);
  const rounds = Number(values.rounds);
  log(`load average at start: ${await loadavg()}`);
  await withInfra('outbox', log, async () => {
    const store = pidListeningOn(Number(new URL(process.env.MONGO_URL!).port));
    if (!store) throw new Error('no process listens on the store port');
    const conn = await mongoose.createConnection(process.env.MONGO_URL!, { dbName: `bench_outbox_${Date.now()}` }).asPromise();
    try {
      const coll = conn.collection('job_orders');
      for (const key of INDEXES) await coll.createIndex(key);
      const cpuMs = async (fn: () => Promise<unknown>) => {
        const before = processCpuMicros(store);
        await fn();
        return (processCpuMicros(store) - before) / 1000;
      };
      const results: Record<string, number[]> = { 'insert (bulkWrite round)': [], 'updateOne each, bulkWrite': [], 'insert (updateMany round)': [], 'removeAllMany (updateMany)': [] };
      for (let r = 0; r < rounds; r++) {
        for (const way of ['bulkWrite', 'updateMany'] as const) {
          const docs = Array.from({ length: n }, (_, i) => orderLike(`r${r}-${way}-${i}`));
          const insertKey = way === 'bulkWrite' ? 'insert (bulkWrite round)' : 'insert (updateMany round)';
          results[insertKey]!.push(await cpuMs(() => coll.insertMany(docs as never[], { ordered: true })));
          const read = docs.map((d) => ({ id: d._id, events: d.outbox }));
          if (way === 'bulkWrite') {
            const ops = read.map(({ id, events }) => ({
              updateOne: { filter: { _id: id, outbox: { $size: events.length }, 'outbox.0.id': events[0]!.id }, update: { $set: { outbox: [], outboxPending: false } } },
            }));
            results['updateOne each, bulkWrite']!.push(await cpuMs(() => coll.bulkWrite(ops as never[], { ordered: false })));
          } else {
            const outbox = new MongoOutboxStore(coll as unknown as OutboxCollection);
            results['removeAllMany (updateMany)']!.push(
              await cpuMs(async () => {
                const left = await outbox.removeAllMany(read);
                if (left.length) throw new Error(`${left.length} outboxes were not emptied`);
              }),
            );
          }
          if ((await coll.countDocuments({ outboxPending: true })) !== 0) throw new Error('an outbox was left pending');
        }
      }
      const lines = [
        '',
        `The store's CPU (ms) for ${n} job-order-like documents, ${rounds} rounds taking turns (load average ${await loadavg()}):`,
        ...Object.entries(results).map(([step, xs]) => `  ${step.padEnd(28)} median ${median(xs).toFixed(0).padStart(6)}   rounds ${xs.map((x) => x.toFixed(0)).join(', ')}`),
      ];
      process.stdout.write(`${lines.join('\n')}\n`);
      await conn.dropDatabase();
    } finally {
      await conn.close();
    }
  });
}

/** A job order as job-orders stores it (its fields, arrays and dates), with its JobOrderCreated-sized event pending. */
function orderLike(id: string) {
  const at = new Date();
  const clock = (kind: string, hours: number) => ({
    id: `1-${kind}`, kind, tier: 'DEALER', serviceCenterId: 'sc-bench-1', round: 1, startedAt: at,
    dueAt: new Date(at.getTime() + hours * 3_600_000), warnAt: new Date(at.getTime() + hours * 2_880_000), warnedAt: null, breachedAt: null, endedAt: null, met: false,
  });
  const row = {
    _id: id, number: `JO-2026-${id}`, source: { kind: 'CALL', id: `call-${id}` }, links: [], status: 'DISTRIBUTED', description: 'Gearbox noise', requirement: null,
    round: 1, reopenCount: 0,
    holders: [{ tier: 'DEALER', serviceCenterId: 'sc-bench-1', regionId: 'rg-bench', round: 1, assignedAt: at, contactedAt: null, releasedAt: null }],
    clocks: [clock('CUSTOMER_CONTACT', 0.5), clock('FIRST_PROGRESS', 24), clock('CLOSE', 168)],
    pauses: [], replies: [], followUps: [], reopenings: [], mandatoryRequest: null, closure: null, policyVersion: 'SEED', createdAt: at, updatedAt: at, rev: 0,
    customer: { name: 'Bench Customer', country: 'BR', phone: '+5511987654321' }, vehicle: null, centerIds: ['sc-bench-1'], regionIds: ['rg-bench'],
    nextCheckAt: new Date(at.getTime() + 1_440_000), overdueAt: new Date(at.getTime() + 1_800_000), breached: false,
  };
  // The size of the JobOrderCreated it would carry; the relay's clearing reads only its id.
  const event: EventEnvelope = {
    id: randomUUID(), type: 'JobOrderCreated', version: 1, occurredAt: at.toISOString(), source: 'job-orders',
    serviceCenterId: 'sc-bench-1', correlationId: randomUUID(), payload: { ...row, createdAt: at.toISOString() },
  };
  return { ...row, ...outboxFields([event]) };
}
