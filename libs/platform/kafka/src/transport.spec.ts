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

  it('refuses @OnEvent for a key outside the catalog when the class is declared', () => {
    expect(() => OnEvent('PartsShortage.v9' as EventKey)).toThrow(/not an event of the catalog/);
  });
});
