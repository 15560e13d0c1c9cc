import { createEvent, sampleStaff } from '@aftersales/contracts';
import type { EventEnvelope } from '@aftersales/contracts';
import { noopLogger } from './logger';
import { OutboxRelay } from './outbox-relay';
import { EventPublisher } from './publisher';
import { FakeOutboxStore, FakeProducer } from './testing/fakes';

function staffEvent(name: string) {
  return createEvent('StaffUpserted.v1', sampleStaff({ name }), { source: 'network' });
}

function setup() {
  const producer = new FakeProducer();
  const store = new FakeOutboxStore();
  const relay = new OutboxRelay(new EventPublisher(producer, { logger: noopLogger }), { logger: noopLogger, pollIntervalMs: 10 });
  relay.register(store);
  return { producer, store, relay };
}

const names = (p: FakeProducer) => p.messages().map((m) => (JSON.parse(String(m.value)) as EventEnvelope<{ name: string }>).payload.name);

describe('OutboxRelay', () => {
  it('publishes pending events in order, removes them and clears the flag', async () => {
    const { producer, store, relay } = setup();
    store.append('a', [staffEvent('a1'), staffEvent('a2')]);
    store.append('b', [staffEvent('b1')]);
    await relay.flush();
    expect(names(producer)).toEqual(['a1', 'a2', 'b1']);
    expect(store.docs.get('a')).toEqual({ outbox: [], outboxPending: false });
    expect(store.docs.get('b')?.outboxPending).toBe(false);
    await relay.flush();
    expect(producer.messages()).toHaveLength(3);
  });

  it('keeps the flag when an event is appended concurrently, and publishes it next cycle', async () => {
    const { producer, store, relay } = setup();
    store.append('a', [staffEvent('a1')]);
    store.beforeClear = (id) => {
      store.beforeClear = undefined;
      store.append(id, [staffEvent('a2')]);
    };
    expect(await relay.runOnce()).toBe(1);
    expect(store.docs.get('a')?.outboxPending).toBe(true);
    await relay.flush();
    expect(names(producer)).toEqual(['a1', 'a2']);
    expect(store.docs.get('a')?.outboxPending).toBe(false);
  });

  it('publishes documents a writer hands over without looking for them, once, in turn with the polls', async () => {
    const { producer, store, relay } = setup();
    let finds = 0;
    const findPending = store.findPending.bind(store);
    store.findPending = (limit, exclude) => {
      finds++;
      return findPending(limit, exclude);
    };
    const written = [staffEvent('w1'), staffEvent('w2'), staffEvent('w3')];
    written.forEach((e, i) => store.append(`w${i}`, [e]));
    store.append('other', [staffEvent('o1')]);
    // A poll already running when the writer hands its documents over leaves them to it.
    const poll = relay.runOnce();
    const handed = relay.publishWritten(store, written.map((e, i) => ({ _id: `w${i}`, outbox: [e] })));
    await Promise.all([poll, handed]);
    expect(names(producer).sort()).toEqual(['o1', 'w1', 'w2', 'w3']);
    expect(finds).toBe(1);
    expect([...store.docs.values()].every((d) => !d.outboxPending && !d.outbox.length)).toBe(true);
    await relay.flush();
    expect(producer.messages()).toHaveLength(4);
  });

  it('leaves handed-over documents pending for the next poll when publishing them fails', async () => {
    const { producer, store, relay } = setup();
    const e = staffEvent('w1');
    store.append('w1', [e]);
    producer.failNext = 1;
    await relay.publishWritten(store, [{ _id: 'w1', outbox: [e] }]);
    expect(store.docs.get('w1')?.outboxPending).toBe(true);
    await relay.flush();
    expect(names(producer)).toEqual(['w1']);
    expect(store.docs.get('w1')?.outboxPending).toBe(false);
  });

  it('clears a pending flag on an empty outbox', async () => {
    const { store, relay } = setup();
    store.docs.set('x', { outbox: [], outboxPending: true });
    await relay.flush();
    expect(store.docs.get('x')?.outboxPending).toBe(false);
  });

  it('leaves events pending when publishing fails, and publishes them later', async () => {
    const { producer, store, relay } = setup();
    store.append('a', [staffEvent('a1')]);
    producer.failNext = 1;
    await expect(relay.flush()).rejects.toThrow('broker down');
    expect(store.docs.get('a')?.outbox).toHaveLength(1);
    await relay.flush();
    expect(names(producer)).toEqual(['a1']);
  });

  it('skips documents holding events unknown to the catalog without blocking others', async () => {
    const { producer, store, relay } = setup();
    store.append('bad', [{ ...staffEvent('x'), type: 'Gone' } as EventEnvelope]);
    store.append('good', [staffEvent('g1')]);
    await relay.flush();
    expect(names(producer)).toEqual(['g1']);
    expect(store.docs.get('bad')?.outboxPending).toBe(true);
  });

  it('polls when started and reacts to kick()', async () => {
    const { producer, store, relay } = setup();
    relay.start();
    try {
      store.append('a', [staffEvent('a1')]);
      relay.kick();
      for (let i = 0; i < 100 && producer.messages().length === 0; i++) await new Promise((r) => setTimeout(r, 5));
      expect(names(producer)).toEqual(['a1']);
      store.append('b', [staffEvent('b1')]);
      for (let i = 0; i < 100 && producer.messages().length === 1; i++) await new Promise((r) => setTimeout(r, 5));
      expect(names(producer)).toEqual(['a1', 'b1']);
    } finally {
      await relay.stop();
    }
    expect(relay.isRunning).toBe(false);
  });

  it('finds what another writer left pending at the next poll, without a kick', async () => {
    const { producer, store, relay } = setup();
    relay.start();
    try {
      for (let i = 0; i < 5; i++) await new Promise((r) => setTimeout(r, 5));
      store.append('elsewhere', [staffEvent('e1')]);
      for (let i = 0; i < 100 && producer.messages().length === 0; i++) await new Promise((r) => setTimeout(r, 5));
      expect(names(producer)).toEqual(['e1']);
    } finally {
      await relay.stop();
    }
  });

  it('pages through more documents than one batch', async () => {
    const producer = new FakeProducer();
    const store = new FakeOutboxStore();
    const relay = new OutboxRelay(new EventPublisher(producer, { logger: noopLogger }), { logger: noopLogger, batchSize: 2 });
    relay.register(store);
    for (let i = 0; i < 5; i++) store.append(`d${i}`, [staffEvent(`e${i}`)]);
    await relay.flush();
    expect(names(producer)).toEqual(['e0', 'e1', 'e2', 'e3', 'e4']);
  });
});
