import { createEvent, dlqTopicOf, sampleServiceCenter, sampleStaff, Topics } from '@aftersales/contracts';
import type { EventOf } from '@aftersales/contracts';
import type { Consumer } from 'kafkajs';
import { backoffDelay, DEFAULT_RETRY } from './backoff';
import { DlqHeaders, EventConsumer, NotYetError } from './consumer';
import type { IncomingMessage, ParkingPolicy } from './consumer';
import { InMemoryParkingStore } from './parking';
import { noopLogger } from './logger';
import { InMemoryProcessedEventStore } from './processed-store';
import { toMessage } from './publisher';
import { FakeProducer } from './testing/fakes';

const TOPIC = Topics.network;
let offset = 0;

function incoming(value: string | Buffer | null, headers: Record<string, string> = {}): IncomingMessage {
  return {
    topic: TOPIC,
    partition: 0,
    message: {
      key: Buffer.from('k'),
      value: value === null ? null : Buffer.isBuffer(value) ? value : Buffer.from(value),
      headers,
      offset: String(offset++),
    },
  };
}

function eventMessage(event: EventOf<'StaffUpserted.v1'> | Record<string, unknown>): IncomingMessage {
  return incoming(JSON.stringify(event), { type: String(event.type) });
}

function setup(attempts = 3, parking: Partial<ParkingPolicy> = { retries: 0 }) {
  const producer = new FakeProducer();
  const processed = new InMemoryProcessedEventStore();
  const lanes = new InMemoryParkingStore();
  const consumer = new EventConsumer(
    { producer, processed, parking: lanes },
    { groupId: 'g1', retry: { attempts, baseMs: 1, capMs: 4 }, parking, logger: noopLogger },
  );
  return { producer, processed, consumer, lanes };
}

const staff = () => createEvent('StaffUpserted.v1', sampleStaff(), { source: 'network' });

describe('EventConsumer.handleMessage', () => {
  it('dispatches a valid event once and records it as processed', async () => {
    const { consumer, processed } = setup();
    const seen: string[] = [];
    consumer.on('StaffUpserted.v1', async (e, ctx) => {
      seen.push(`${e.payload.name}@${ctx.attempt}:${ctx.key}`);
    });
    const event = staff();
    expect(await consumer.handleMessage(eventMessage(event))).toBe('processed');
    expect(await consumer.handleMessage(eventMessage(event))).toBe('duplicate');
    expect(seen).toEqual(['Eva Huber@1:k']);
    expect(processed.records.has(`g1:${event.id}`)).toBe(true);
    expect(consumer.topics).toEqual([TOPIC]);
  });

  it('retries with backoff and succeeds', async () => {
    const { consumer, producer } = setup(5);
    let calls = 0;
    consumer.on('StaffUpserted.v1', async () => {
      if (++calls < 3) throw new Error('flaky');
    });
    expect(await consumer.handleMessage(eventMessage(staff()))).toBe('processed');
    expect(calls).toBe(3);
    expect(producer.records).toHaveLength(0);
  });

  it('waits out a store outage past the last attempt instead of dead-lettering', async () => {
    const { consumer, producer, processed } = setup(3);
    let calls = 0;
    consumer.on('StaffUpserted.v1', async () => {
      if (++calls <= 6) throw Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:27017'), { name: 'MongoServerSelectionError' });
    });
    const event = staff();
    expect(await consumer.handleMessage(eventMessage(event))).toBe('processed');
    expect(calls).toBe(7);
    expect(producer.messages(dlqTopicOf(TOPIC))).toHaveLength(0);
    expect(processed.records.has(`g1:${event.id}`)).toBe(true);
  });

  it('without delayed retries, dead-letters after the last attempt, keeping the original message', async () => {
    const { consumer, producer, processed } = setup(3);
    let calls = 0;
    consumer.on('StaffUpserted.v1', async () => {
      calls++;
      throw new Error('always broken');
    });
    const msg = eventMessage(staff());
    expect(await consumer.handleMessage(msg)).toBe('dead-lettered');
    expect(calls).toBe(3);
    const [dead] = producer.messages(dlqTopicOf(TOPIC));
    expect(dead.value).toEqual(msg.message.value);
    expect(dead.key).toEqual(msg.message.key);
    expect(dead.headers).toMatchObject({
      type: 'StaffUpserted',
      [DlqHeaders.error]: 'always broken',
      [DlqHeaders.reason]: 'handler-failed',
      [DlqHeaders.originalTopic]: TOPIC,
      [DlqHeaders.originalPartition]: '0',
      [DlqHeaders.originalOffset]: msg.message.offset,
      [DlqHeaders.groupId]: 'g1',
      [DlqHeaders.attempts]: '3',
    });
    expect(Date.parse(String(dead.headers?.[DlqHeaders.failedAt]))).not.toBeNaN();
    expect(processed.records.size).toBe(0);
  });

  it.each([
    ['bad JSON', '{oops', 'malformed', /invalid JSON/],
    ['empty value', null, 'malformed', /empty/],
    ['failed validation', JSON.stringify({ ...staff(), payload: { ...sampleStaff(), email: 'x' } }), 'invalid', /payload\.email/],
    ['unknown type', JSON.stringify({ ...staff(), type: 'Mystery' }), 'unknown-event', /unknown event type/],
    ['unknown version', JSON.stringify({ ...staff(), version: 7 }), 'unknown-event', /unknown version/],
  ])('dead-letters %s immediately', async (_name, value, reason, error) => {
    const { consumer, producer } = setup();
    let calls = 0;
    consumer.on('StaffUpserted.v1', async () => {
      calls++;
    });
    expect(await consumer.handleMessage(incoming(value))).toBe('dead-lettered');
    expect(calls).toBe(0);
    const [dead] = producer.messages('aftersales.network.events.dlq');
    expect(dead.headers?.[DlqHeaders.reason]).toBe(reason);
    expect(String(dead.headers?.[DlqHeaders.error])).toMatch(error);
  });

  it('acknowledges catalog events without a handler (no DLQ)', async () => {
    const { consumer, producer } = setup();
    consumer.on('ServiceCenterUpserted.v1', async () => undefined);
    expect(await consumer.handleMessage(eventMessage(staff()))).toBe('ignored');
    expect(producer.records).toHaveLength(0);
  });

  it('propagates dedupe store failures (message not committed)', async () => {
    const producer = new FakeProducer();
    const consumer = new EventConsumer(
      { producer, processed: { has: async () => false, processedAmong: async () => Promise.reject(new Error('db down')), add: async () => undefined, addMany: async () => undefined } },
      { groupId: 'g', logger: noopLogger },
    );
    consumer.on('StaffUpserted.v1', async () => undefined);
    await expect(consumer.handleMessage(eventMessage(staff()))).rejects.toThrow('db down');
  });

  it('propagates DLQ producer failures', async () => {
    const { consumer, producer } = setup();
    consumer.on('StaffUpserted.v1', async () => undefined);
    producer.failNext = 1;
    await expect(consumer.handleMessage(incoming('{'))).rejects.toThrow('broker down');
  });

  it('parses messages produced by the publisher', async () => {
    const { consumer } = setup();
    let got: unknown;
    consumer.on('StaffUpserted.v1', async (e) => {
      got = e.payload.role;
    });
    const m = toMessage(staff());
    await consumer.handleMessage(incoming(String(m.value)));
    expect(got).toBe('SERVICE_MANAGER');
  });

  it('refuses duplicate handler registration and unknown keys', () => {
    const { consumer } = setup();
    consumer.on('StaffUpserted.v1', async () => undefined);
    expect(() => consumer.on('StaffUpserted.v1', async () => undefined)).toThrow(/already registered/);
    expect(() => consumer.on('Nope.v1' as never, async () => undefined)).toThrow(/unknown event/);
  });
});

describe('EventConsumer parking (messages that cannot be handled yet)', () => {
  const keyed = (event: EventOf<'StaffUpserted.v1'>, key: string): IncomingMessage => ({
    topic: TOPIC,
    partition: 0,
    message: { key: Buffer.from(key), value: Buffer.from(JSON.stringify(event)), headers: {}, offset: String(offset++) },
  });
  const named = (name: string) => createEvent('StaffUpserted.v1', sampleStaff({ name }), { source: 'network' });

  /** Names starting with "wait" fail until `ready` is set; the handler records what it handled, in order. */
  function world(policy: Partial<ParkingPolicy> = { retries: 3, baseMs: 0, capMs: 0 }) {
    const env = setup(2, policy);
    const state = { ready: false, handled: [] as string[], calls: new Map<string, number>() };
    env.consumer.on('StaffUpserted.v1', async (e) => {
      state.calls.set(e.payload.name, (state.calls.get(e.payload.name) ?? 0) + 1);
      if (e.payload.name.startsWith('wait') && !state.ready) throw new Error(`center of ${e.payload.name} not known yet`);
      state.handled.push(e.payload.name);
    });
    return { ...env, state };
  }

  it('parks a message after its in-place attempts and goes on with the others', async () => {
    const { consumer, state, producer } = world();
    expect(await consumer.handleMessage(keyed(named('wait-a'), 'A'))).toBe('parked');
    expect(state.calls.get('wait-a')).toBe(2);
    expect(await consumer.handleMessage(keyed(named('b1'), 'B'))).toBe('processed');
    expect(await consumer.handleMessage(keyed(named('c1'), 'C'))).toBe('processed');
    expect(state.handled).toEqual(['b1', 'c1']);
    expect(await consumer.parkedCount()).toBe(1);
    expect(producer.records).toHaveLength(0);
  });

  it('parks an event that waits for another (NotYetError) at once, without its in-place attempts', async () => {
    const { consumer, producer } = setup(5, { retries: 3, baseMs: 0, capMs: 0 });
    let calls = 0;
    consumer.on('StaffUpserted.v1', async () => {
      calls++;
      throw new NotYetError('service center sc-x is not in the read model yet');
    });
    expect(await consumer.handleMessage(keyed(named('x'), 'A'))).toBe('parked');
    expect(calls).toBe(1);
    expect(producer.records).toHaveLength(0);
    // Without delayed retries there is nowhere to wait: the in-place attempts, then the dead letter.
    const strict = setup(3, { retries: 0 });
    strict.consumer.on('StaffUpserted.v1', async () => {
      throw new NotYetError('not yet');
    });
    expect(await strict.consumer.handleMessage(keyed(named('y'), 'A'))).toBe('dead-lettered');
  });

  it('keeps the order of a key: later messages of a parked key wait behind it, once handled', async () => {
    const { consumer, state, processed } = world();
    const first = named('wait-a');
    await consumer.handleMessage(keyed(first, 'A'));
    expect(await consumer.handleMessage(keyed(named('a2'), 'A'))).toBe('parked');
    expect(await consumer.handleMessage(keyed(named('b1'), 'B'))).toBe('processed');
    expect(state.calls.get('a2')).toBeUndefined();

    await consumer.drainParked(); // still not ready: the head fails again, a2 stays behind it
    expect(state.handled).toEqual(['b1']);
    state.ready = true;
    await consumer.drainParked();
    expect(state.handled).toEqual(['b1', 'wait-a', 'a2']);
    expect(await consumer.parkedCount()).toBe(0);
    expect(processed.records.has(`g1:${first.id}`)).toBe(true);
    // A redelivery of the parked event after it was handled is a duplicate.
    expect(await consumer.handleMessage(keyed(first, 'A'))).toBe('duplicate');
    expect(state.calls.get('wait-a')).toBe(2 + 2);
  });

  it('dead-letters a parked message after its delayed retries, then releases the key', async () => {
    const { consumer, state, producer } = world({ retries: 2, baseMs: 0, capMs: 0 });
    const stuck = named('wait-forever');
    await consumer.handleMessage(keyed(stuck, 'A'));
    await consumer.handleMessage(keyed(named('a2'), 'A'));
    await consumer.drainParked(); // delayed retry 1 fails: one try per pass
    expect(producer.records).toHaveLength(0);
    await consumer.drainParked(); // delayed retry 2 fails: dead letter, then a2 in the same pass
    const [dead] = producer.messages(dlqTopicOf(TOPIC));
    expect(JSON.parse(String(dead.value)).id).toBe(stuck.id);
    expect(dead.headers).toMatchObject({ [DlqHeaders.reason]: 'handler-failed', [DlqHeaders.attempts]: '4', [DlqHeaders.error]: 'center of wait-forever not known yet' });
    expect(state.calls.get('wait-forever')).toBe(4);
    expect(state.handled).toEqual(['a2']);
    expect(await consumer.parkedCount()).toBe(0);
    // The key is free again: a new message of it is handled at once.
    expect(await consumer.handleMessage(keyed(named('a3'), 'A'))).toBe('processed');
  });

  it('waits for a delayed retry until it is due', async () => {
    const { consumer, state } = world({ retries: 3, baseMs: 60_000, capMs: 60_000 });
    await consumer.handleMessage(keyed(named('wait-a'), 'A'));
    state.ready = true;
    expect(await consumer.drainParked()).toBe(0);
    expect(state.handled).toEqual([]);
  });

  it('does not count a store outage as a delayed retry', async () => {
    const { consumer, producer, lanes } = setup(1, { retries: 1, baseMs: 0, capMs: 0 });
    let calls = 0;
    consumer.on('StaffUpserted.v1', async () => {
      calls++;
      if (calls === 1) throw new Error('center unknown');
      if (calls <= 3) throw Object.assign(new Error('connect ECONNREFUSED'), { name: 'MongoServerSelectionError' });
    });
    await consumer.handleMessage(keyed(named('x'), 'A'));
    for (const lane of lanes.lanes.values()) lane.notBefore = new Date(0);
    await consumer.drainParked();
    for (const lane of lanes.lanes.values()) lane.notBefore = new Date(0);
    await consumer.drainParked();
    for (const lane of lanes.lanes.values()) lane.notBefore = new Date(0);
    await consumer.drainParked();
    expect(calls).toBe(4);
    expect(producer.records).toHaveLength(0);
    expect(await consumer.parkedCount()).toBe(0);
  });
});

/** Partition batches as kafkajs hands them over, and the offsets the consumer passed (`resolveOffset`). */
function partitionBatches() {
  const resolved: string[] = [];
  const batch = (messages: IncomingMessage[], extra: { isStale?: () => boolean; heartbeat?: () => Promise<void> } = {}) => ({
    topic: TOPIC,
    partition: 0,
    messages: messages.map((m) => m.message),
    resolveOffset: (o: string) => resolved.push(o),
    ...extra,
  });
  return { resolved, batch };
}

describe('EventConsumer.handleBatch (a partition batch as kafkajs fetches it)', () => {
  /** The in-memory store, counting the calls that are store round trips in the real one. */
  class CountingStore extends InMemoryProcessedEventStore {
    readonly calls: string[] = [];
    override async has(groupId: string, event: { id: string; occurredAt: string }) {
      this.calls.push('has');
      return super.has(groupId, event);
    }
    override async processedAmong(groupId: string, events: readonly { id: string; occurredAt: string }[]) {
      this.calls.push(`processedAmong:${events.length}`);
      return super.processedAmong(groupId, events);
    }
    override async add(record: Parameters<InMemoryProcessedEventStore['add']>[0]) {
      this.calls.push('add');
      return super.add(record);
    }
    override async addMany(records: readonly Parameters<InMemoryProcessedEventStore['add']>[0][]) {
      this.calls.push(`addMany:${records.length}`);
      return super.addMany(records);
    }
  }

  function batchWorld(producer = new FakeProducer()) {
    const processed = new CountingStore();
    const consumer = new EventConsumer(
      { producer, processed, parking: new InMemoryParkingStore() },
      { groupId: 'g1', retry: { attempts: 2, baseMs: 0, capMs: 0 }, parking: { retries: 3, baseMs: 0, capMs: 0 }, logger: noopLogger },
    );
    const handled: string[] = [];
    consumer.on('StaffUpserted.v1', async (e) => {
      if (e.payload.name.startsWith('wait')) throw new Error('not yet');
      handled.push(e.payload.name);
    });
    const { resolved, batch } = partitionBatches();
    return { consumer, processed, handled, resolved, batch, producer };
  }
  const keyed = (name: string, key = name, event = createEvent('StaffUpserted.v1', sampleStaff({ name }), { source: 'network' })): IncomingMessage => ({
    topic: TOPIC,
    partition: 0,
    message: { key: Buffer.from(key), value: Buffer.from(JSON.stringify(event)), headers: {}, offset: String(offset++) },
  });

  it('asks the store once for the batch and writes its records together, then passes the last offset', async () => {
    const { consumer, processed, handled, resolved, batch } = batchWorld();
    const messages = ['a', 'b', 'c', 'd'].map((n) => keyed(n));
    expect(await consumer.handleBatch(batch(messages))).toEqual(['processed', 'processed', 'processed', 'processed']);
    expect(handled).toEqual(['a', 'b', 'c', 'd']);
    expect(processed.calls).toEqual(['processedAmong:4', 'addMany:4']);
    expect(resolved).toEqual([messages[3]!.message.offset]);
    // Redelivered (a rebalance before the commit): all duplicates, nothing handled again.
    expect(await consumer.handleBatch(batch(messages))).toEqual(['duplicate', 'duplicate', 'duplicate', 'duplicate']);
    expect(handled).toHaveLength(4);
  });

  it('handles an event once when the batch holds it twice (a relay that published it twice)', async () => {
    const { consumer, handled, processed, batch } = batchWorld();
    const event = createEvent('StaffUpserted.v1', sampleStaff({ name: 'twice' }), { source: 'network' });
    expect(await consumer.handleBatch(batch([keyed('twice', 'k', event), keyed('other'), keyed('twice', 'k', event)]))).toEqual(['processed', 'processed', 'duplicate']);
    expect(handled).toEqual(['twice', 'other']);
    expect(processed.records.size).toBe(2);
  });

  it('keeps the order of a key parked in the same batch, and goes on with the other keys', async () => {
    const { consumer, handled, batch } = batchWorld();
    const outcomes = await consumer.handleBatch(batch([keyed('wait-1', 'A'), keyed('a2', 'A'), keyed('b1', 'B')]));
    expect(outcomes).toEqual(['parked', 'parked', 'processed']);
    expect(handled).toEqual(['b1']);
    expect(await consumer.parkedCount()).toBe(2);
  });

  it('records and passes what it handled before an infrastructure failure, and not the rest', async () => {
    const producer = new FakeProducer();
    const { consumer, processed, handled, resolved, batch } = batchWorld(producer);
    const messages = [keyed('a'), keyed('b'), incoming('{broken'), keyed('c')];
    producer.failNext = 1; // the dead letter of the broken message cannot be sent
    await expect(consumer.handleBatch(batch(messages))).rejects.toThrow('broker down');
    expect(handled).toEqual(['a', 'b']);
    expect(processed.records.size).toBe(2);
    expect(resolved).toEqual([messages[1]!.message.offset]);
  });

  it('keeps heartbeating while a handler waits (a long batch, a transaction blocked in the store), and stops after the batch', async () => {
    const consumer = new EventConsumer(
      { producer: new FakeProducer(), processed: new CountingStore(), parking: new InMemoryParkingStore() },
      { groupId: 'g1', consumerConfig: { heartbeatInterval: 20 }, logger: noopLogger },
    );
    const log: string[] = [];
    consumer.on('StaffUpserted.v1', async (e) => {
      log.push(`start ${e.payload.name}`);
      await new Promise((r) => setTimeout(r, 150));
      log.push(`end ${e.payload.name}`);
    });
    const { batch } = partitionBatches();
    await consumer.handleBatch(batch([keyed('a'), keyed('b')], { heartbeat: async () => void log.push('heartbeat') }));
    const during = (name: string) => log.slice(log.indexOf(`start ${name}`), log.indexOf(`end ${name}`)).filter((l) => l === 'heartbeat').length;
    expect(during('a')).toBeGreaterThanOrEqual(4);
    expect(during('b')).toBeGreaterThanOrEqual(4);
    const after = log.length;
    await new Promise((r) => setTimeout(r, 100));
    expect(log).toHaveLength(after);
  });

  it('stops at a batch gone stale (a rebalance took the partition) and passes only what it handled', async () => {
    const { consumer, handled, resolved, batch } = batchWorld();
    const messages = ['a', 'b', 'c'].map((n) => keyed(n));
    let checks = 0;
    expect(await consumer.handleBatch(batch(messages, { isStale: () => ++checks > 1 }))).toEqual(['processed']);
    expect(handled).toEqual(['a']);
    expect(resolved).toEqual([messages[0]!.message.offset]);
  });
});

describe('EventConsumer batch handlers (HandlerOptions.batch)', () => {
  /** Staff events go to the batch handler (`wait…` names are poison: the batch and their own handler fail); centers one by one. */
  function world(opts: { parkingRetries?: number; processed?: InMemoryProcessedEventStore } = {}) {
    const producer = new FakeProducer();
    const processed = opts.processed ?? new InMemoryProcessedEventStore();
    const consumer = new EventConsumer(
      { producer, processed, parking: new InMemoryParkingStore() },
      { groupId: 'g1', retry: { attempts: 2, baseMs: 0, capMs: 0 }, parking: { retries: opts.parkingRetries ?? 3, baseMs: 0, capMs: 0 }, logger: noopLogger },
    );
    /** What ran, in order: `batch[a,b]` for a batch call, the name for a per-message one. */
    const log: string[] = [];
    consumer.on(
      'StaffUpserted.v1',
      async (e) => {
        if (e.payload.name.startsWith('wait')) throw new Error(`${e.payload.name} cannot be handled`);
        log.push(e.payload.name);
      },
      {
        batch: async (events, ctx) => {
          expect(ctx.attempt).toBe(1);
          if (events.some((e) => e.payload.name.startsWith('wait'))) throw new Error('a poison event in the batch');
          log.push(`batch[${events.map((e) => e.payload.name).join(',')}]`);
        },
      },
    );
    consumer.on('ServiceCenterUpserted.v1', async (e) => {
      log.push(`center ${e.payload.name}`);
    });
    const { resolved, batch } = partitionBatches();
    return { consumer, processed, producer, log, resolved, batch };
  }
  const message = (key: string, event: object): IncomingMessage => ({
    topic: TOPIC,
    partition: 0,
    message: { key: Buffer.from(key), value: Buffer.from(JSON.stringify(event)), headers: {}, offset: String(offset++) },
  });
  const staffEvent = (name: string) => createEvent('StaffUpserted.v1', sampleStaff({ name }), { source: 'network' });
  const person = (name: string, key = name) => message(key, staffEvent(name));
  const center = (name: string, key = name) => message(key, createEvent('ServiceCenterUpserted.v1', sampleServiceCenter({ name }), { source: 'network' }));
  const otherService = () => message('x', createEvent('JobOrderRequested.v1', {
    callId: 'c1', reason: 'FAULT_REPAIR', serviceCenterId: 'sc-1', toHq: false, customer: { name: 'A', country: 'BR' }, description: 'noise', requestedAt: new Date().toISOString(),
  }, { source: 'calls' }));

  it('hands the new events that follow each other to the batch handler in partition order, and records them together', async () => {
    const { consumer, processed, log, resolved, batch } = world();
    const messages = ['a', 'b', 'c', 'd'].map((n) => person(n));
    expect(await consumer.handleBatch(batch(messages))).toEqual(['processed', 'processed', 'processed', 'processed']);
    expect(log).toEqual(['batch[a,b,c,d]']);
    expect(processed.records.size).toBe(4);
    expect(resolved).toEqual([messages[3]!.message.offset]);
  });

  it('keeps partition order around another event: the run ends before it and a new one starts after it', async () => {
    const { consumer, log, batch } = world();
    const outcomes = await consumer.handleBatch(batch([person('a', 'k'), person('b'), center('x', 'k'), person('c', 'k'), person('d')]));
    expect(outcomes).toEqual(['processed', 'processed', 'processed', 'processed', 'processed']);
    expect(log).toEqual(['batch[a,b]', 'center x', 'batch[c,d]']);
  });

  it('steps over messages it does not handle and copies of an event, which stay ignored and duplicate', async () => {
    const { consumer, processed, log, resolved, batch } = world();
    const twice = staffEvent('twice');
    const messages = [person('a'), otherService(), message('t', twice), person('b'), message('t', twice)];
    expect(await consumer.handleBatch(batch(messages))).toEqual(['processed', 'ignored', 'processed', 'processed', 'duplicate']);
    expect(log).toEqual(['batch[a,twice,b]']);
    expect(processed.records.size).toBe(3);
    expect(resolved).toEqual([messages[4]!.message.offset]);
  });

  it('redelivered, hands the batch handler only what has no record yet', async () => {
    const { consumer, log, batch } = world();
    const messages = ['a', 'b', 'c', 'd'].map((n) => person(n));
    await consumer.handleBatch(batch(messages.slice(0, 2)));
    // A rebalance before the commit: the whole batch comes again.
    expect(await consumer.handleBatch(batch(messages))).toEqual(['duplicate', 'duplicate', 'processed', 'processed']);
    expect(await consumer.handleBatch(batch(messages))).toEqual(['duplicate', 'duplicate', 'duplicate', 'duplicate']);
    expect(log).toEqual(['batch[a,b]', 'batch[c,d]']);
  });

  it('a poison event in the middle: the others are handled one by one, the poison one parked, its key kept in order behind it', async () => {
    const { consumer, processed, log, resolved, batch } = world();
    const messages = [person('a'), person('b', 'P'), person('wait-1', 'P'), person('p2', 'P'), person('c')];
    expect(await consumer.handleBatch(batch(messages))).toEqual(['processed', 'processed', 'parked', 'parked', 'processed']);
    expect(log).toEqual(['a', 'b', 'c']);
    expect(processed.records.size).toBe(3);
    expect(await consumer.parkedCount()).toBe(2);
    // The partition goes on past the poison event: every offset is passed.
    expect(resolved.at(-1)).toBe(messages[4]!.message.offset);
    // A key parked before the next batch: its events join the lane one by one, the other keys are batched.
    const next = [person('p3', 'P'), person('e'), person('f')];
    expect(await consumer.handleBatch(batch(next))).toEqual(['parked', 'processed', 'processed']);
    expect(log).toEqual(['a', 'b', 'c', 'batch[e,f]']);
    expect(await consumer.parkedCount()).toBe(3);
  });

  it('a poison event without delayed retries is dead-lettered after its own attempts, and the rest of the batch is handled', async () => {
    const { consumer, producer, log, batch } = world({ parkingRetries: 0 });
    const outcomes = await consumer.handleBatch(batch([person('a'), person('wait-x'), person('b')]));
    expect(outcomes).toEqual(['processed', 'dead-lettered', 'processed']);
    expect(log).toEqual(['a', 'b']);
    const [dead] = producer.messages(dlqTopicOf(TOPIC));
    expect(dead?.headers?.[DlqHeaders.attempts]).toBe('2');
    expect(dead?.headers?.[DlqHeaders.error]).toBe('wait-x cannot be handled');
  });

  it('leaves a run not handled yet to the next owner when the batch goes stale', async () => {
    const { consumer, log, resolved, batch } = world();
    const messages = [center('x'), person('a'), person('b')];
    let checks = 0;
    expect(await consumer.handleBatch(batch(messages, { isStale: () => ++checks > 2 }))).toEqual(['processed']);
    expect(log).toEqual(['center x']);
    expect(resolved).toEqual([messages[0]!.message.offset]);
  });
});

describe('backoffDelay', () => {
  it('doubles from the base and caps', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8].map((a) => backoffDelay(DEFAULT_RETRY, a))).toEqual([100, 200, 400, 800, 1600, 3200, 5000, 5000]);
  });
});

describe('EventConsumer.start', () => {
  /** A kafkajs consumer whose subscribe fails with `errors` in turn, then succeeds. */
  function fakeKafka(errors: Error[]) {
    const calls = { subscribe: 0, run: 0, disconnect: 0 };
    const consumer = {
      events: { GROUP_JOIN: 'consumer.group_join', CRASH: 'consumer.crash' },
      on: () => () => undefined,
      connect: async () => undefined,
      subscribe: async () => {
        calls.subscribe++;
        const e = errors.shift();
        if (e) throw e;
      },
      run: async () => {
        calls.run++;
      },
      disconnect: async () => {
        calls.disconnect++;
      },
    };
    return { calls, kafka: { consumer: () => consumer as unknown as Consumer } };
  }
  const kafkaError = (type: string, message: string) => Object.assign(new Error(message), { type, retriable: true });

  function started(kafka: ReturnType<typeof fakeKafka>['kafka']) {
    const consumer = new EventConsumer({ kafka, producer: new FakeProducer(), processed: new InMemoryProcessedEventStore(), parking: new InMemoryParkingStore() }, { groupId: 'g1', logger: noopLogger });
    consumer.on('StaffUpserted.v1', async () => undefined);
    return consumer;
  }

  it('subscribes again while the broker does not host a just-created topic yet, then runs', async () => {
    const { calls, kafka } = fakeKafka([kafkaError('UNKNOWN_TOPIC_OR_PARTITION', 'This server does not host this topic-partition'), kafkaError('LEADER_NOT_AVAILABLE', 'There is no leader for this topic-partition')]);
    const consumer = started(kafka);
    await consumer.start();
    expect(calls).toEqual({ subscribe: 3, run: 1, disconnect: 0 });
    expect(consumer.isRunning).toBe(true);
    await consumer.stop();
  });

  it('fails at once on any other error, and lets the consumer go', async () => {
    const { calls, kafka } = fakeKafka([kafkaError('TOPIC_AUTHORIZATION_FAILED', 'Not authorized to access topics')]);
    const consumer = started(kafka);
    await expect(consumer.start()).rejects.toThrow('Not authorized to access topics');
    expect(calls).toEqual({ subscribe: 1, run: 0, disconnect: 1 });
    expect(consumer.isRunning).toBe(false);
  });
});
