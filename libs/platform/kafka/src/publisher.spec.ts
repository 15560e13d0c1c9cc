import { createEvent, sampleServiceCenter, sampleStaff, Topics } from '@aftersales/contracts';
import { defaultEventKey, EventPublisher, toMessage } from './publisher';
import { noopLogger } from './logger';
import { FakeProducer } from './testing/fakes';

describe('EventPublisher', () => {
  const center = createEvent('ServiceCenterUpserted.v1', sampleServiceCenter(), { source: 'network', correlationId: 'c-1' });
  const staff = createEvent('StaffUpserted.v1', sampleStaff(), { source: 'network' });

  it('sends JSON envelopes keyed by aggregate id with type/version/correlation headers', async () => {
    const producer = new FakeProducer();
    await new EventPublisher(producer, { logger: noopLogger }).publish(Topics.network, [center, staff]);
    expect(producer.records).toHaveLength(1);
    expect(producer.records[0].topic).toBe('aftersales.network.events');
    const [m1, m2] = producer.records[0].messages;
    expect(m1.key).toBe('sc-0001');
    expect(m2.key).toBe('st-1');
    expect(JSON.parse(String(m1.value))).toEqual(center);
    expect(m1.headers).toMatchObject({ type: 'ServiceCenterUpserted', version: '1', correlationId: 'c-1', eventId: center.id });
  });

  it('accepts an explicit key', async () => {
    const producer = new FakeProducer();
    await new EventPublisher(producer, { logger: noopLogger }).publish(Topics.network, staff, { key: 'sc-0001' });
    expect(producer.records[0].messages[0].key).toBe('sc-0001');
    expect(toMessage(staff, (e) => `k-${e.type}`).key).toBe('k-StaffUpserted');
  });

  it('falls back to serviceCenterId, then event id, for the key', () => {
    expect(defaultEventKey({ ...staff, payload: {} })).toBe(staff.id);
    expect(defaultEventKey({ ...staff, serviceCenterId: 'sc-9', payload: {} })).toBe('sc-9');
  });

  it('does nothing for an empty batch', async () => {
    const producer = new FakeProducer();
    await new EventPublisher(producer, { logger: noopLogger }).publish(Topics.network, []);
    expect(producer.records).toHaveLength(0);
  });

  it('publishEvents routes by catalog topic and refuses unknown events before sending', async () => {
    const producer = new FakeProducer();
    const publisher = new EventPublisher(producer, { logger: noopLogger });
    await publisher.publishEvents([center, staff]);
    expect(producer.messages('aftersales.network.events')).toHaveLength(2);
    await expect(publisher.publishEvents([staff, { ...staff, type: 'Nope' } as never])).rejects.toThrow(/unknown event/);
    expect(producer.records).toHaveLength(1);
  });

  it('publishEvents sends a large batch in requests the broker accepts (under 1 MB), in order', async () => {
    const producer = new FakeProducer();
    const many = Array.from({ length: 1500 }, (_, i) => createEvent('StaffUpserted.v1', sampleStaff({ id: `st-${i}`, name: `Person ${i} ${'x'.repeat(400)}` }), { source: 'network' }));
    await new EventPublisher(producer, { logger: noopLogger }).publishEvents(many);
    expect(producer.records.length).toBeGreaterThan(1);
    for (const record of producer.records) expect(record.messages.reduce((n, m) => n + String(m.value).length, 0)).toBeLessThanOrEqual(512 * 1024);
    expect(producer.messages().map((m) => m.key)).toEqual(many.map((e) => e.payload.id));
  });
});
