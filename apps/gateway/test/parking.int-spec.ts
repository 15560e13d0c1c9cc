import { randomBytes } from 'node:crypto';
import { createEvent, Topics } from '@aftersales/contracts';
import { createKafka, createProducer, EventPublisher, noopLogger } from '@aftersales/platform-kafka';
import type { Producer } from 'kafkajs';
import { eventually, seedTestNetwork, startSystem, testCenter, testInfra, tokenFor, type GraphQLClient, type RunningSystem } from '@aftersales/testing';

/**
 * A message that cannot be handled yet does not hold up the others, and is not lost: job-orders receives
 * a lead for a dealer it has not heard of (the network's event comes later, as after a benchmark on a
 * shared broker), and leads for a known dealer published right behind it. The known dealer's leads are in
 * its inbox while the other waits parked; once HQ creates the missing center through the gateway, the
 * waiting lead lands in that center's inbox, once. Read through the gateway, on the real Kafka and store.
 */

const SFX = randomBytes(3).toString('hex');
const REGION = { id: `rg-pk${SFX}`, code: `PK${SFX.toUpperCase()}`, name: 'Parking East', countries: ['CN'] };
const KNOWN = `pk${SFX}-known`;
const LATE = `pk${SFX}-late`;
const GOOD = 20;
const LEAD = `query($id: ID!) { lead(id: $id) { id status serviceCenter { id } } }`;

describe('a lead for a center not known yet waits without holding up the others (through the gateway)', () => {
  let system: RunningSystem;
  let hq: GraphQLClient;
  let producer: Producer;
  let publisher: EventPublisher;

  const leadEvent = (leadId: string, serviceCenterId: string) =>
    createEvent(
      'LeadCreated.v1',
      { leadId, callId: `call-${leadId}`, serviceCenterId, intent: 'CLEAR_MODEL', model: 'JS4 1.6T', customer: { name: 'Li Na', phone: '+8613800138000', country: 'CN' }, createdAt: new Date().toISOString() },
      { source: 'calls' },
    );
  const leadOf = async (id: string) => {
    const res = await hq.request<any>(LEAD, { id });
    return res.errors ? null : (res.data?.lead as { id: string; serviceCenter: { id: string } } | null);
  };

  beforeAll(async () => {
    const prefix = `parking-${SFX}.`;
    system = await startSystem({ topicPrefix: prefix });
    hq = system.gateway.client.as(await tokenFor({ role: 'HQ_ADMIN' }));
    await seedTestNetwork(hq, { regions: [REGION], centers: [testCenter(KNOWN, { name: 'Parking Known', regionId: REGION.id })] });
    producer = createProducer(createKafka({ clientId: `parking-${SFX}`, brokers: testInfra().kafkaBrokers.split(','), logger: noopLogger }));
    await producer.connect();
    publisher = new EventPublisher(producer, { logger: noopLogger, topicPrefix: prefix });
    // job-orders knows the known center once a lead for it is accepted.
    const warm = leadEvent(`lead-warm-${SFX}`, KNOWN);
    await publisher.publish(Topics.calls, warm);
    await eventually('job-orders to know the known center', () => leadOf(warm.payload.leadId), Boolean, 120_000);
  }, 600_000);

  afterAll(async () => {
    await producer?.disconnect();
    await system?.stop();
  });

  it('handles the known dealer\'s leads while the other waits, then places the waiting one once its center exists', async () => {
    const stuck = leadEvent(`lead-stuck-${SFX}`, LATE);
    const good = Array.from({ length: GOOD }, (_, i) => leadEvent(`lead-good-${SFX}-${i}`, KNOWN));
    await publisher.publish(Topics.calls, stuck);
    for (const e of good) await publisher.publish(Topics.calls, e);

    await eventually('the known dealer\'s leads', async () => (await Promise.all(good.map((e) => leadOf(e.payload.leadId)))).every(Boolean), Boolean, 30_000);
    expect(await leadOf(stuck.payload.leadId)).toBeNull();
    const missing = await hq.request<any>(LEAD, { id: stuck.payload.leadId });
    expect(missing.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    // Longer than the in-place attempts (about 3 s), after which it used to be dead-lettered and lost.
    await new Promise((r) => setTimeout(r, 5_000));

    await seedTestNetwork(hq, { regions: [REGION], centers: [testCenter(LATE, { name: 'Parking Late', regionId: REGION.id })] });
    const placed = await eventually('the waiting lead in the late center\'s inbox', () => leadOf(stuck.payload.leadId), Boolean, 60_000);
    expect(placed!.serviceCenter.id).toBe(LATE);
    const inbox = await hq.data(`query($f: LeadFilter) { leads(filter: $f, first: 50) { totalCount } }`, { f: { serviceCenterId: LATE } });
    expect(inbox.leads.totalCount).toBe(1);
  }, 180_000);
});
