import 'reflect-metadata';
import { Module } from '@nestjs/common';
import { createLogger, createServiceApp, Metrics } from '@aftersales/platform-core';
import { MongooseModule } from '@nestjs/mongoose';
import mongoose, { type Connection, type Model } from 'mongoose';
import { createEvent, sampleServiceCenter, sampleStaff, Topics, type EventOf } from '@aftersales/contracts';
import { EventConsumer, EventPublisher, KafkaModule, createKafka, createProducer, noopLogger } from '@aftersales/platform-kafka';
import { randomBytes } from 'node:crypto';
import type { Principal, Role } from '@aftersales/platform-auth';
import { NETWORK_CENTER_MODEL, NETWORK_STAFF_MODEL, NetworkCenterSchema, NetworkStaffSchema, type NetworkCenter, type NetworkStaff } from './center.schema';
import { canReadCenter, NetworkCenters, readableCenters } from './network-centers';
import { NetworkCentersModule } from './network-centers.module';

const at = (iso: string) => iso;
// A platform lib's tests reach the run's infrastructure directly: the testing harness is for apps.
function testInfra(): { mongoUrl: string; kafkaBrokers: string } {
  const { MONGO_URL: mongoUrl, KAFKA_BROKERS: kafkaBrokers } = process.env;
  if (!mongoUrl || !kafkaBrokers) throw new Error('MONGO_URL and KAFKA_BROKERS are not set: run integration tests through `npm test`');
  return { mongoUrl, kafkaBrokers };
}
const uniqueName = (prefix: string) => `${prefix}_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
async function eventually<T>(what: string, read: () => Promise<T | undefined>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}
const centerEvent = (overrides: Parameters<typeof sampleServiceCenter>[0]) => createEvent('ServiceCenterUpserted.v1', sampleServiceCenter(overrides), { source: 'network' });
const staffEvent = (overrides: Parameters<typeof sampleStaff>[0], occurredAt: string) =>
  ({ ...createEvent('StaffUpserted.v1', sampleStaff(overrides), { source: 'network' }), occurredAt }) as EventOf<'StaffUpserted.v1'>;

describe('NetworkCenters: the shared read model of the network (real store)', () => {
  let conn: Connection;
  let centers: Model<NetworkCenter>;
  let staff: Model<NetworkStaff>;

  beforeAll(async () => {
    conn = await mongoose.createConnection(testInfra().mongoUrl, { dbName: uniqueName('centers') }).asPromise();
    centers = conn.model<NetworkCenter>(NETWORK_CENTER_MODEL, NetworkCenterSchema);
    staff = conn.model<NetworkStaff>(NETWORK_STAFF_MODEL, NetworkStaffSchema);
    await Promise.all([centers.init(), staff.init()]);
  });

  afterAll(async () => {
    await conn?.dropDatabase().catch(() => undefined);
    await conn?.close();
  });

  it('applies a snapshot, and a redelivered or older one never rolls it back', async () => {
    const model = new NetworkCenters(centers, {});
    const v2 = centerEvent({ id: 'sc-roll', name: 'Second name', updatedAt: at('2026-02-01T00:00:00.000Z') });
    const v1 = centerEvent({ id: 'sc-roll', name: 'First name', updatedAt: at('2026-01-01T00:00:00.000Z') });
    expect(await model.applyCenter(v2)).toBe(true);
    expect(await model.applyCenter(v2)).toBe(false);
    expect(await model.applyCenter(v1)).toBe(false);
    const center = await model.get('sc-roll');
    expect(center).toMatchObject({ name: 'Second name', city: 'München', isStar: true, point: { type: 'Point', coordinates: [11.5752, 48.1851] } });
    expect(model.calendarOf(center)).toMatchObject({ timeZone: 'Europe/Berlin', country: 'DE', subdivision: 'BY', observePublicHolidays: true });
    await expect(model.get('sc-unknown')).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('finds the nearest centers first, filtered, with distances in km', async () => {
    const model = new NetworkCenters(centers, {});
    const place = (id: string, lat: number, lng: number, extra: Parameters<typeof sampleServiceCenter>[0] = {}) =>
      model.applyCenter(centerEvent({ id, code: id, regionId: 'rg-geo', location: { lat, lng }, ...extra }));
    await place('geo-sp', -23.55, -46.63);
    await place('geo-rio', -22.9, -43.2, { rescue24h: false });
    await place('geo-campinas', -22.9, -47.06);
    await place('geo-closed', -23.5, -46.6, { status: 'CLOSED' });
    const near = await model.nearest({ lat: -23.5, lng: -46.7 }, 2, { regionId: 'rg-geo', status: 'ACTIVE' });
    expect(near.map((n) => n.center._id)).toEqual(['geo-sp', 'geo-campinas']);
    expect(near[0]!.distanceKm).toBeGreaterThan(5);
    expect(near[0]!.distanceKm).toBeLessThan(15);
    const rescue = await model.nearest({ lat: -22.9, lng: -43.3 }, 1, { regionId: 'rg-geo', status: 'ACTIVE', rescue24h: true });
    expect(rescue.map((n) => n.center._id)).toEqual(['geo-sp']);
    expect(await model.idsInRegion('rg-geo')).toEqual(['geo-campinas', 'geo-closed', 'geo-rio', 'geo-sp']);
  });

  it('decides who may read a center: network roles and center scopes by the token, a region manager by one region read per request', async () => {
    const model = new NetworkCenters(centers, {});
    await model.applyCenter(centerEvent({ id: 'sc-scope-a', code: 'sc-scope-a', regionId: 'rg-scope-1' }));
    await model.applyCenter(centerEvent({ id: 'sc-scope-b', code: 'sc-scope-b', regionId: 'rg-scope-2' }));
    expect(await model.regionsOf(['sc-scope-a', 'sc-scope-b', 'sc-scope-a', 'sc-nowhere'])).toEqual(new Map([['sc-scope-a', 'rg-scope-1'], ['sc-scope-b', 'rg-scope-2']]));

    const principal = (roles: Role[], serviceCenterIds: string[] = [], regionIds: string[] = []): Principal => ({ subject: 'u', roles, serviceCenterIds, regionIds });
    const reads: string[][] = [];
    const counting = Object.assign(Object.create(model) as NetworkCenters, {
      regionsOf: (ids: readonly string[]) => (reads.push([...ids]), model.regionsOf(ids)),
    });
    const request = {};
    const ask = (p: Principal) =>
      Promise.all(['sc-scope-a', 'sc-scope-b', 'sc-nowhere'].map((id) => canReadCenter(request, counting, p, id)));

    expect(await ask(principal(['HQ_ADMIN']))).toEqual([true, true, true]);
    expect(await ask(principal(['DEALER'], ['sc-scope-b']))).toEqual([false, true, false]);
    expect(reads).toEqual([]);
    expect(await ask(principal(['REGION_MANAGER'], [], ['rg-scope-1']))).toEqual([true, false, false]);
    expect(reads).toEqual([['sc-scope-a', 'sc-scope-b', 'sc-nowhere']]);

    // Many at once (a scorecard batch): the same answers, in the order asked, and the regions read once per request.
    const many = ['sc-nowhere', 'sc-scope-b', 'sc-scope-a'];
    expect(await readableCenters({}, counting, principal(['HQ_ANALYST']), many)).toEqual(many);
    expect(await readableCenters({}, counting, principal(['DEALER'], ['sc-scope-b', 'sc-scope-a']), many)).toEqual(['sc-scope-b', 'sc-scope-a']);
    expect(reads).toHaveLength(1);
    expect(await readableCenters(request, counting, principal(['REGION_MANAGER'], [], ['rg-scope-2', 'rg-scope-1']), many)).toEqual(['sc-scope-b', 'sc-scope-a']);
    expect(reads).toHaveLength(1);
    const fresh = {};
    expect(await readableCenters(fresh, counting, principal(['REGION_MANAGER'], [], ['rg-scope-2']), many)).toEqual(['sc-scope-b']);
    expect(reads.at(-1)).toEqual(many);
  });

  it('keeps only the staff roles asked for, in event order, and drops a member who leaves them', async () => {
    const model = new NetworkCenters(centers, { staff: { roles: ['SERVICE_MANAGER', 'SERVICE_DIRECTOR'] } }, staff);
    expect(await model.applyStaff(staffEvent({ id: 'st-k', serviceCenterId: 'sc-k', role: 'SERVICE_MANAGER', name: 'Ana' }, '2026-01-02T00:00:00.000Z'))).toBe(true);
    expect(await model.applyStaff(staffEvent({ id: 'st-k', serviceCenterId: 'sc-k', role: 'SERVICE_MANAGER', name: 'Older' }, '2026-01-01T00:00:00.000Z'))).toBe(false);
    expect(await model.applyStaff(staffEvent({ id: 'st-t', serviceCenterId: 'sc-k', role: 'TECHNICIAN' }, '2026-01-02T00:00:00.000Z'))).toBe(false);
    expect((await model.staffOf('sc-k')).map((s) => [s._id, s.name])).toEqual([['st-k', 'Ana']]);
    await model.applyStaff(staffEvent({ id: 'st-k', serviceCenterId: 'sc-k', role: 'TECHNICIAN', name: 'Ana' }, '2026-01-03T00:00:00.000Z'));
    expect(await model.staffOf('sc-k')).toEqual([]);
  });

  it('boots again on the same database: a second instance declares the same indexes without a conflict', async () => {
    const again = await mongoose.createConnection(testInfra().mongoUrl, { dbName: conn.name }).asPromise();
    try {
      // init() rejects when the store refuses to create an index the schema declares.
      await again.model<NetworkCenter>(NETWORK_CENTER_MODEL, NetworkCenterSchema).init();
      await again.model<NetworkStaff>(NETWORK_STAFF_MODEL, NetworkStaffSchema).init();
      expect((await again.collection('network_centers').indexes()).map((ix) => ix.name)).toContain('point_2dsphere');
    } finally {
      await again.close();
    }
  });

  it('answers region and staff lookups from indexes', async () => {
    const plans = await Promise.all([
      centers.find({ regionId: 'rg-geo' }).explain(),
      centers.find({ kind: 'DEALER', status: 'ACTIVE' }).explain(),
      staff.find({ serviceCenterId: 'sc-k', role: { $in: ['SERVICE_MANAGER'] } }).explain(),
    ]);
    for (const plan of plans) expect(JSON.stringify(plan)).not.toContain('COLLSCAN');
  });

  it('is fed by the service’s own consumer group in a Nest app', async () => {
    const { mongoUrl, kafkaBrokers } = testInfra();
    const suffix = uniqueName('ncm');
    const prefix = `t.${suffix}.`;

    @Module({
      imports: [
        MongooseModule.forRoot(mongoUrl, { dbName: suffix }),
        KafkaModule.forRoot({
          clientId: suffix,
          brokers: kafkaBrokers.split(','),
          service: 'surveys',
          groupId: `g-${suffix}`,
          topicPrefix: prefix,
          topics: [Topics.network],
          fromBeginning: true,
          numPartitions: 1,
          consumerConfig: { maxWaitTimeInMs: 100 },
          logger: noopLogger,
        }),
        NetworkCentersModule.forRoot({ staff: 'all' }),
      ],
      providers: [{ provide: Metrics, useValue: new Metrics('surveys') }],
    })
    class AppModule {}

    // As a service starts: a hybrid app whose @OnEvent handlers the Kafka transport serves.
    const app = await createServiceApp(AppModule, createLogger(suffix, 'silent'));
    const kafka = createKafka({ clientId: `${suffix}-pub`, brokers: kafkaBrokers.split(','), logger: noopLogger });
    const producer = createProducer(kafka);
    try {
      await app.get(EventConsumer).waitForJoin();
      await producer.connect();
      const publisher = new EventPublisher(producer, { logger: noopLogger, topicPrefix: prefix });
      await publisher.publish(Topics.network, centerEvent({ id: 'sc-nest', regionId: 'rg-nest' }));
      await publisher.publish(Topics.network, createEvent('StaffUpserted.v1', sampleStaff({ id: 'st-nest', serviceCenterId: 'sc-nest', role: 'TECHNICIAN' }), { source: 'network' }));
      const network = app.get(NetworkCenters);
      await eventually('the center and its technician applied', async () => ((await network.find('sc-nest')) && (await network.staffMember('st-nest')) ? true : undefined));
      expect(await network.idsInRegion('rg-nest')).toEqual(['sc-nest']);
      expect((await network.staffOf('sc-nest', ['TECHNICIAN'])).map((s) => s._id)).toEqual(['st-nest']);
    } finally {
      await producer.disconnect().catch(() => undefined);
      await app.close();
      const db = await mongoose.createConnection(mongoUrl, { dbName: suffix }).asPromise();
      await db.dropDatabase().catch(() => undefined);
      await db.close();
    }
  }, 60_000);
});
