import { jest } from '@jest/globals';
import type { EventKey } from '@aftersales/contracts';
import { EventConsumer } from './consumer';
import { noopLogger } from './logger';
import { InMemoryProcessedEventStore } from './processed-store';
import { KafkaEventTransport, OnEvent } from './transport';

/** A consumer that is never started: the transport's binding is what is checked. */
function consumer(): EventConsumer {
  return new EventConsumer(
    { producer: { send: async () => [] }, processed: new InMemoryProcessedEventStore() },
    { groupId: 'workshop', logger: noopLogger },
  );
}

function listen(transport: KafkaEventTransport): Promise<unknown> {
  return new Promise((resolve) => transport.listen((err) => resolve(err)));
}

describe('KafkaEventTransport binding', () => {
  it('reads the topic of each @EventPattern of the catalog, known before it starts', async () => {
    const c = consumer();
    const t = new KafkaEventTransport(c);
    t.addHandler('PartsShortage.v1', async () => undefined, true);
    t.addHandler('PartsReserved.v1', async () => undefined, true);
    t.addHandler('RescueRequested.v1', async () => undefined, true);
    expect(t.topics()).toEqual(['aftersales.parts.events', 'aftersales.calls.events']);
    // Not started for real: EventConsumer.start needs a broker.
    const start = jest.spyOn(c, 'start').mockResolvedValue();
    await expect(listen(t)).resolves.toBeUndefined();
    expect(start).toHaveBeenCalledTimes(1);
    expect(c.topics).toEqual(['aftersales.parts.events', 'aftersales.calls.events']);
  });

  it.each([
    ['a pattern outside the catalog', (t: KafkaEventTransport) => t.addHandler('PartsShortage.v9', async () => undefined, true), /PartsShortage\.v9.*not an event of the catalog/],
    ['a request-response @MessagePattern', (t: KafkaEventTransport) => t.addHandler('PartsShortage.v1', async () => undefined, false), /events only/],
    [
      'two handlers of one event in one service',
      (t: KafkaEventTransport) => {
        t.addHandler('PartsShortage.v1', async () => undefined, true);
        t.addHandler('PartsShortage.v1', async () => undefined, true);
      },
      /two handlers of PartsShortage\.v1 in consumer group workshop/,
    ],
  ])('refuses to start with %s', async (_what, register, message) => {
    const c = consumer();
    const start = jest.spyOn(c, 'start');
    const t = new KafkaEventTransport(c);
    register(t);
    const err = await listen(t);
    expect(err).toBeInstanceOf(Error);
    expect((err as Error).message).toMatch(message);
    expect(start).not.toHaveBeenCalled();
  });

  it('binds an @OnEvents batch handler beside the @OnEvent handler of its key, on the same topic', async () => {
    const c = consumer();
    const on = jest.spyOn(c, 'on');
    jest.spyOn(c, 'start').mockResolvedValue();
    const t = new KafkaEventTransport(c);
    const seen: unknown[] = [];
    t.addHandler('PartsShortage.v1[]', async (events: unknown) => void seen.push(events), true, { batch: true });
    t.addHandler('PartsShortage.v1', async (event: unknown) => void seen.push(event), true);
    expect(t.topics()).toEqual(['aftersales.parts.events']);
    await expect(listen(t)).resolves.toBeUndefined();
    expect(on).toHaveBeenCalledTimes(1);
    const [key, , options] = on.mock.calls[0]!;
    expect(key).toBe('PartsShortage.v1');
    await options!.batch!([{ id: 'e1' }, { id: 'e2' }] as never, {} as never);
    expect(seen).toEqual([[{ id: 'e1' }, { id: 'e2' }]]);
  });

  it.each([
    ['a batch handler without a per-message one (a failed batch would have nowhere to go)', false, /@OnEvents\('PartsShortage\.v1'\) without an @OnEvent/],
    ['a batch handler that is transactional when the per-message one is not', true, /must agree on transactional/],
  ])('refuses to start with %s', async (_what, withSingle, message) => {
    const c = consumer();
    const start = jest.spyOn(c, 'start');
    const t = new KafkaEventTransport(c);
    t.addHandler('PartsShortage.v1[]', async () => undefined, true, { batch: true, transactional: true });
    if (withSingle) t.addHandler('PartsShortage.v1', async () => undefined, true);
    const err = await listen(t);
    expect((err as Error).message).toMatch(message);
    expect(start).not.toHaveBeenCalled();
  });

  it('refuses @OnEvent for a key outside the catalog when the class is declared', () => {
    expect(() => OnEvent('PartsShortage.v9' as EventKey)).toThrow(/not an event of the catalog/);
  });
});
