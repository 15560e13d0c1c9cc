#!/usr/bin/env node
// Smoke test of the local infrastructure against the real servers:
//   node tools/infra/selftest.mjs [--data-dir DIR]
// Uses MONGO_URL/KAFKA_BROKERS from the environment, else DIR/infra.json (run `infra.mjs up` first).
// Prints one line per check and a closing "N passed, N failed" line; exit code 1 on any failure.

import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { DEFAULT_DATA_DIR } from './infra.mjs';

const req = createRequire(import.meta.url);
const { Kafka, logLevel, Partitioners } = req('kafkajs');
let mongodb;
try {
  mongodb = req('mongodb');
} catch {
  mongodb = createRequire(req.resolve('mongoose'))('mongodb');
}
const { MongoClient } = mongodb;

const argv = process.argv.slice(2);
const i = argv.indexOf('--data-dir');
const dataDir = path.resolve(i >= 0 ? argv[i + 1] : DEFAULT_DATA_DIR);
let mongoUrl = process.env.MONGO_URL;
let kafkaBrokers = process.env.KAFKA_BROKERS;
if (!mongoUrl || !kafkaBrokers) {
  const info = JSON.parse(fs.readFileSync(path.join(dataDir, 'infra.json'), 'utf8'));
  ({ mongoUrl, kafkaBrokers } = info);
}

let passed = 0;
let failed = 0;
async function check(name, fn) {
  const t0 = Date.now();
  try {
    await fn();
    passed++;
    console.log(`ok   ${name} (${Date.now() - t0} ms)`);
  } catch (e) {
    failed++;
    console.log(`FAIL ${name}: ${e?.stack || e}`);
  }
}
function assert(cond, msg) {
  if (!cond) throw new Error(msg);
}
const eq = (a, b, msg) => assert(JSON.stringify(a) === JSON.stringify(b), `${msg}: got ${JSON.stringify(a)}, want ${JSON.stringify(b)}`);

const suffix = `${Date.now()}-${process.pid}`;

// ----------------------------------------------------------------------------------- MongoDB
const client = new MongoClient(mongoUrl, { serverSelectionTimeoutMS: 5000 });
await client.connect();
const db = client.db(`selftest_${suffix.replace(/-/g, '_')}`);
const col = db.collection('claims');

await check('mongo: ping', async () => eq((await db.admin().command({ ping: 1 })).ok, 1, 'ping'));
await check('mongo: insertOne + findOne', async () => {
  await col.insertOne({ _id: 'c1', code: 'WC-1', status: 'OPEN', n: 1, tags: ['a'], at: new Date(0) });
  const d = await col.findOne({ _id: 'c1' });
  eq(d?.code, 'WC-1', 'code');
  assert(d.at instanceof Date && d.at.getTime() === 0, 'date round trip');
});
await check('mongo: unique index rejects duplicate (E11000)', async () => {
  await col.createIndex({ code: 1 }, { unique: true, name: 'code_unique' });
  let err;
  try {
    await col.insertOne({ _id: 'c2', code: 'WC-1' });
  } catch (e) {
    err = e;
  }
  assert(err, 'duplicate insert was accepted');
  eq(err.code, 11000, 'error code');
});
await check('mongo: compound unique index', async () => {
  await col.createIndex({ dealer: 1, seq: 1 }, { unique: true, name: 'dealer_seq' });
  await col.insertMany([{ _id: 'k1', code: 'K1', dealer: 'D1', seq: 1 }, { _id: 'k2', code: 'K2', dealer: 'D2', seq: 1 }]);
  let err;
  try {
    await col.insertOne({ _id: 'k3', code: 'K3', dealer: 'D1', seq: 1 });
  } catch (e) {
    err = e;
  }
  eq(err?.code, 11000, 'error code');
});
await check('mongo: updateOne $inc/$push/$set with scalar filter', async () => {
  const r = await col.updateOne({ code: 'WC-1', status: 'OPEN' }, { $inc: { n: 2 }, $push: { tags: 'b' }, $set: { status: 'APPROVED' } });
  eq([r.matchedCount, r.modifiedCount], [1, 1], 'counts');
  const d = await col.findOne({ _id: 'c1' });
  eq([d.n, d.tags, d.status], [3, ['a', 'b'], 'APPROVED'], 'doc');
});
await check('mongo: updateOne $pull', async () => {
  await col.updateOne({ _id: 'c1' }, { $pull: { tags: 'a' } });
  eq((await col.findOne({ _id: 'c1' })).tags, ['b'], 'tags');
});
await check('mongo: optimistic update (filter on version) misses when stale', async () => {
  await col.updateOne({ _id: 'c1' }, { $set: { v: 1 } });
  const r = await col.updateOne({ _id: 'c1', v: 0 }, { $set: { v: 1 } });
  eq(r.matchedCount, 0, 'matched');
});
await check('mongo: find $in + sort + limit + projection', async () => {
  const docs = await col.find({ _id: { $in: ['c1', 'k1', 'k2', 'nope'] } }, { projection: { code: 1 } }).sort({ code: -1 }).limit(2).toArray();
  eq(docs.map((d) => d.code), ['WC-1', 'K2'], 'codes');
});
await check('mongo: findOneAndUpdate upsert + returnDocument after', async () => {
  const r = await col.findOneAndUpdate({ _id: 'counter' }, { $inc: { seq: 1 } }, { upsert: true, returnDocument: 'after' });
  const doc = r && 'value' in r && r.ok !== undefined ? r.value : r;
  eq(doc?.seq, 1, 'seq');
});
await check('mongo: countDocuments + deleteMany', async () => {
  eq(await col.countDocuments({ dealer: { $exists: true } }), 2, 'count');
  eq((await col.deleteMany({ dealer: 'D2' })).deletedCount, 1, 'deleted');
});
await check('mongo: aggregate $match/$group', async () => {
  const r = await col.aggregate([{ $match: { code: { $exists: true } } }, { $group: { _id: null, c: { $sum: 1 } } }]).toArray();
  eq(r[0]?.c, 2, 'count');
});
// What the services rely on since the move to plain MongoDB (README "Document store").
await check('mongo: a filter on an indexed field uses the index (IXSCAN, not COLLSCAN)', async () => {
  const items = db.collection('indexed');
  await items.insertMany(Array.from({ length: 2000 }, (_, n) => ({ _id: `i${n}`, center: `sc-${n % 50}`, due: new Date(n * 60_000) })));
  await items.createIndex({ center: 1, due: 1 });
  const plan = JSON.stringify(await items.find({ center: 'sc-7', due: { $gte: new Date(0) } }).sort({ due: 1 }).limit(5).explain());
  assert(plan.includes('IXSCAN') && !plan.includes('COLLSCAN'), `plan: ${plan.slice(0, 400)}`);
  eq((await items.find({ center: 'sc-7' }).sort({ due: 1 }).limit(2).toArray()).map((d) => d._id), ['i7', 'i57'], 'ids');
});
await check('mongo: 20 clients x 50 concurrent $inc on one document lose nothing', async () => {
  const counters = db.collection('counters');
  await counters.insertOne({ _id: 'hot', n: 0 });
  const clients = await Promise.all(Array.from({ length: 20 }, () => new MongoClient(mongoUrl, { maxPoolSize: 2 }).connect()));
  try {
    await Promise.all(clients.map(async (c) => {
      for (let k = 0; k < 50; k++) await c.db(db.databaseName).collection('counters').updateOne({ _id: 'hot' }, { $inc: { n: 1 } });
    }));
  } finally {
    await Promise.all(clients.map((c) => c.close()));
  }
  eq((await counters.findOne({ _id: 'hot' })).n, 1000, 'n');
});
await check('mongo: racing upserts of new ids all succeed (updateOne and bulkWrite), nothing counted twice or lost', async () => {
  const counters = db.collection('racing');
  const outcomes = await Promise.allSettled([
    ...Array.from({ length: 60 }, (_, i) => counters.updateOne({ _id: `hour-${i % 5}` }, { $inc: { n: 1 } }, { upsert: true })),
    ...Array.from({ length: 12 }, () => counters.bulkWrite(['day', 'week', 'month'].map((_id) => ({ updateOne: { filter: { _id }, update: { $inc: { n: 1 } }, upsert: true } })), { ordered: false })),
  ]);
  eq(outcomes.filter((o) => o.status === 'rejected').map((o) => o.reason?.message), [], 'refused');
  eq((await counters.find({}).sort({ _id: 1 }).toArray()).map((d) => `${d._id}:${d.n}`), ['day:12', 'hour-0:12', 'hour-1:12', 'hour-2:12', 'hour-3:12', 'hour-4:12', 'month:12', 'week:12'], 'counts');
});
await check('mongo: conditional update lets exactly one of two writers through', async () => {
  const docs = db.collection('guarded');
  await docs.insertOne({ _id: 'g', rev: 0 });
  const r = await Promise.all([0, 1].map(() => docs.updateOne({ _id: 'g', rev: 0 }, { $inc: { rev: 1 } })));
  eq(r.map((x) => x.modifiedCount).sort(), [0, 1], 'modified');
});
await check('mongo: TTL and partial indexes are accepted', async () => {
  const c = db.collection('ttl');
  await c.createIndex({ at: 1 }, { expireAfterSeconds: 3600 });
  await c.createIndex({ pending: 1 }, { partialFilterExpression: { pending: true } });
  const names = (await c.indexes()).map((ix) => ix.name).sort();
  eq(names, ['_id_', 'at_1', 'pending_1'], 'indexes');
});
await check('mongo: 2dsphere index and $geoNear find the nearest first', async () => {
  const places = db.collection('places');
  await places.createIndex({ point: '2dsphere' });
  const at = (lng, lat) => ({ type: 'Point', coordinates: [lng, lat] });
  await places.insertMany([{ _id: 'sao-paulo', point: at(-46.63, -23.55) }, { _id: 'rio', point: at(-43.2, -22.9) }, { _id: 'beijing', point: at(116.4, 39.9) }]);
  const near = await places.aggregate([{ $geoNear: { near: at(-43.9, -22.95), distanceField: 'm', spherical: true } }, { $limit: 2 }]).toArray();
  eq(near.map((d) => d._id), ['rio', 'sao-paulo'], 'order');
  assert(near[0].m > 60_000 && near[0].m < 80_000, `distance ${near[0].m} m`);
});
await check('mongo: change stream sees an insert', async () => {
  const c = db.collection('watched');
  const stream = c.watch([{ $match: { operationType: 'insert' } }]);
  const next = stream.next();
  await new Promise((r) => setTimeout(r, 300));
  await c.insertOne({ _id: 'w1' });
  const change = await Promise.race([next, new Promise((_, reject) => setTimeout(() => reject(new Error('no change within 10s')), 10_000))]);
  await stream.close();
  eq(change.documentKey?._id, 'w1', 'documentKey');
});
await check('mongo: multi-document transaction commits and aborts', async () => {
  const c = db.collection('tx');
  await c.insertOne({ _id: 'seed' });
  const session = client.startSession();
  try {
    await session.withTransaction(async () => {
      await c.insertOne({ _id: 't1' }, { session });
      await c.insertOne({ _id: 't2' }, { session });
    });
    session.startTransaction();
    await c.insertOne({ _id: 't3' }, { session });
    await session.abortTransaction();
  } finally {
    await session.endSession();
  }
  eq((await c.find({}).sort({ _id: 1 }).toArray()).map((d) => d._id), ['seed', 't1', 't2'], 'ids');
});
await db.dropDatabase().catch(() => {});
await client.close();

// ----------------------------------------------------------------------------------- Kafka
const kafka = new Kafka({ clientId: 'infra-selftest', brokers: kafkaBrokers.split(','), logLevel: logLevel.WARN });
const topic = `infra-selftest-${suffix}`;
await check('kafka: create topic, produce, consume', async () => {
  const admin = kafka.admin();
  await admin.connect();
  await admin.createTopics({ topics: [{ topic, numPartitions: 3 }], waitForLeaders: true });
  await admin.disconnect();

  const producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner, idempotent: true });
  await producer.connect();
  await producer.send({ topic, messages: [{ key: 'claim-1', value: JSON.stringify({ hello: 'world' }), headers: { type: 'ClaimSubmitted' } }] });

  const consumer = kafka.consumer({ groupId: `selftest-${suffix}` });
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  const got = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('no message within 30s')), 30_000);
    consumer.run({
      eachMessage: async ({ message }) => {
        clearTimeout(timer);
        resolve({ key: message.key.toString(), value: message.value.toString(), type: message.headers.type.toString() });
      },
    });
  });
  await consumer.disconnect();
  await producer.disconnect();
  eq(got, { key: 'claim-1', value: '{"hello":"world"}', type: 'ClaimSubmitted' }, 'message');
});
await check('kafka: auto-created topic on produce', async () => {
  const producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner, allowAutoTopicCreation: true });
  await producer.connect();
  const r = await producer.send({ topic: `${topic}-auto`, messages: [{ value: 'x' }] });
  await producer.disconnect();
  assert(r[0]?.errorCode === 0, `send result ${JSON.stringify(r)}`);
});

console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
