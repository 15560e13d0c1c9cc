import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { getModelToken } from '@nestjs/mongoose';
import { getDistance } from 'geolib';
import mongoose, { type Model } from 'mongoose';
import { parseEvent, Topics } from '@aftersales/contracts';
import { createLogger, subgraphSdl } from '@aftersales/platform-core';
import {
  errorCodes,
  eventually,
  EventProbe,
  GraphQLClient,
  serviceEnv,
  startApp,
  startGateway,
  TEST_SITES,
  testInfra,
  tokenFor,
  uniqueName,
  moveClock,
  type ClockMove,
  type RunningApp,
  type ServiceProcess,
} from '@aftersales/testing';
import { AppModule } from '../src/app.module';
import { networkConfig } from '../src/config';
import { SERVICE_CENTER_MODEL, type ServiceCenterDoc } from '../src/service-centers/service-center.schema';
import { CentersView } from '../src/service-centers/centers-view';
import { CodeTakenError, ServiceCentersRepository } from '../src/service-centers/service-centers.repository';
import { unscoped } from '@aftersales/platform-auth';
import { CENTERS, center, REGIONS } from './fixtures';

const SCHEMA_FILE = fileURLToPath(new URL('../schema.graphql', import.meta.url));

const IMPORT = `mutation($input: ImportServiceCentersInput!) { importServiceCenters(input: $input) { centers staff } }`;
const REGION = `mutation($input: RegionInput!) { upsertRegion(input: $input) { id } }`;
const UPSERT = `mutation($input: ServiceCenterInput!) { upsertServiceCenter(input: $input) { id name } }`;
const LIST = `query($filter: ServiceCenterFilter, $first: Int, $after: String) {
  serviceCenters(filter: $filter, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor } edges { node { id code isStar region { id name } } }
  }
}`;

describe('network subgraph through the gateway', () => {
  let network: RunningApp;
  let gateway: ServiceProcess;
  let probe: EventProbe;
  let hq: GraphQLClient;
  let dealerEast1: GraphQLClient;
  let managerSouth: GraphQLClient;

  beforeAll(async () => {
    const config = networkConfig(serviceEnv(uniqueName('network')));
    network = await startApp(AppModule.forRoot(config, createLogger('network', 'silent')), 'network');
    gateway = await startGateway({ network: network.graphqlUrl });
    probe = await EventProbe.start(testInfra().kafkaBrokers, Topics.network);
    hq = gateway.client.as(await tokenFor({ role: 'HQ_ADMIN' }));
    dealerEast1 = gateway.client.as(await tokenFor({ role: 'DEALER', centers: ['sc-east-1'], regions: ['rg-east'] }));
    managerSouth = gateway.client.as(await tokenFor({ role: 'REGION_MANAGER', regions: ['rg-south'] }));
    for (const input of REGIONS) await hq.data(REGION, { input });
    await hq.data(IMPORT, { input: { centers: CENTERS } });
  }, 120_000);

  afterAll(async () => {
    await probe?.stop();
    await gateway?.stop();
    await network?.close();
  });

  it('HQ sees the whole network, with regions resolved and star centers flagged', async () => {
    const { serviceCenters } = await hq.data(LIST, { first: 10 });
    expect(serviceCenters.totalCount).toBe(3);
    expect(serviceCenters.edges.map((e: any) => e.node.id)).toEqual(['sc-east-1', 'sc-east-2', 'sc-south-1']);
    expect(serviceCenters.edges[0].node).toMatchObject({ isStar: true, region: { id: 'rg-east', name: 'East' } });
  });

  it('pages with a cursor', async () => {
    const first = (await hq.data(LIST, { first: 2 })).serviceCenters;
    expect(first.pageInfo.hasNextPage).toBe(true);
    const second = (await hq.data(LIST, { first: 2, after: first.pageInfo.endCursor })).serviceCenters;
    expect(second.edges.map((e: any) => e.node.id)).toEqual(['sc-south-1']);
    expect(second.pageInfo.hasNextPage).toBe(false);
  });

  it('a dealer sees only its own center; another dealer’s center does not exist for it', async () => {
    const { serviceCenters } = await dealerEast1.data(LIST, { first: 10 });
    expect(serviceCenters.totalCount).toBe(1);
    expect(serviceCenters.edges.map((e: any) => e.node.id)).toEqual(['sc-east-1']);
    const other = await dealerEast1.request(`{ serviceCenter(id: "sc-east-2") { id } }`);
    expect(errorCodes(other)).toEqual(['NOT_FOUND']);
    const staff = await dealerEast1.data(`{ staff(serviceCenterId: "sc-east-2") { id } }`);
    expect(staff.staff).toEqual([]);
  });

  it('a region manager sees its region only', async () => {
    const { serviceCenters } = await managerSouth.data(LIST, { first: 10 });
    expect(serviceCenters.edges.map((e: any) => e.node.id)).toEqual(['sc-south-1']);
  });

  it('filters by every field the API offers, each page in code order', async () => {
    const ids = async (filter: object, first = 10, after?: string) => {
      const page = (await hq.data(LIST, { filter, first, after })).serviceCenters;
      return { ids: page.edges.map((e: any) => e.node.id), total: page.totalCount, next: page.pageInfo };
    };
    expect((await ids({ star: true })).ids).toEqual(['sc-east-1']);
    expect((await ids({ star: false })).ids).toEqual(['sc-east-2', 'sc-south-1']);
    expect((await ids({ rescue24h: true })).ids).toEqual(['sc-east-2']);
    expect((await ids({ country: 'BR' })).ids).toEqual(['sc-south-1']);
    expect((await ids({ kind: 'SERVICE_CENTER', status: 'ACTIVE' })).total).toBe(3);
    const east = await ids({ regionId: 'rg-east' }, 1);
    expect(east).toMatchObject({ ids: ['sc-east-1'], total: 2, next: { hasNextPage: true } });
    expect((await ids({ regionId: 'rg-east' }, 1, east.next.endCursor)).ids).toEqual(['sc-east-2']);
  });

  it('finds the nearest active rescue outlets within the caller’s scope', async () => {
    const res = await hq.data(`{ nearestServiceCenters(input: { near: { lat: 31.31, lng: 121.51 }, first: 2, rescue24h: true }) {
      distanceKm serviceCenter { id } } }`);
    expect(res.nearestServiceCenters).toEqual([{ distanceKm: expect.any(Number), serviceCenter: { id: 'sc-east-2' } }]);
    // The store ranks; the distance is still geolib's great-circle metres, rounded to 100 m.
    const metres = getDistance({ latitude: 31.31, longitude: 121.51 }, { latitude: 31.3, longitude: 121.5 });
    expect(res.nearestServiceCenters[0].distanceKm).toBe(Math.round(metres / 100) / 10);
    const all = await hq.data(`{ nearestServiceCenters(input: { near: { lat: -23.5, lng: -46.6 }, first: 3 }) { distanceKm serviceCenter { id } } }`);
    expect(all.nearestServiceCenters.map((n: any) => n.serviceCenter.id)).toEqual(['sc-south-1', 'sc-east-2', 'sc-east-1']);
    const dealer = await dealerEast1.data(`{ nearestServiceCenters(input: { near: { lat: 31.31, lng: 121.51 } }) { serviceCenter { id } } }`);
    expect(dealer.nearestServiceCenters.map((n: any) => n.serviceCenter.id)).toEqual(['sc-east-1']);
  });

  it('answers whether staff are qualified for a post, now by the business clock or at a given time', async () => {
    // The technician's certificate runs 2025-01-01 .. 2027-01-01.
    const QUALIFIED = `{ staff(serviceCenterId: "sc-east-1", role: TECHNICIAN) {
      id now: isQualified(role: TECHNICIAN) later: isQualified(role: TECHNICIAN, at: "2027-06-01T00:00:00Z") qc: isQualified(role: QC_INSPECTOR) } }`;
    const clock = (move: ClockMove) => moveClock(network.baseUrl, move);
    try {
      await clock({ now: '2026-06-01T00:00:00Z' });
      expect((await hq.data(QUALIFIED)).staff).toEqual([{ id: 'st-east-1-tech', now: true, later: false, qc: false }]);
      await clock({ now: '2027-01-02T00:00:00Z' });
      expect((await hq.data(QUALIFIED)).staff).toEqual([{ id: 'st-east-1-tech', now: false, later: false, qc: false }]);
    } finally {
      await clock({ reset: true });
    }
  });

  it('publishes ServiceCenterUpserted.v1 with time zone, calendar and key contacts', async () => {
    const message = await probe.waitFor((m) => m.value?.type === 'ServiceCenterUpserted' && m.value.payload.id === 'sc-east-1');
    const parsed = parseEvent(message.value);
    expect(parsed.ok).toBe(true);
    expect(message.key).toBe('sc-east-1');
    expect(message.value).toMatchObject({
      version: 1,
      source: 'network',
      serviceCenterId: 'sc-east-1',
      payload: { timeZone: 'Asia/Shanghai', keyContacts: [{ role: 'GENERAL_MANAGER', staffId: 'st-east-1-gm' }] },
    });
    await probe.waitFor((m) => m.value?.type === 'StaffUpserted' && m.value.payload.id === 'st-east-1-tech');
  });

  it('a new service manager changes the center’s key contacts and is published', async () => {
    await hq.data(`mutation { upsertStaff(input: { id: "st-east-2-sm", serviceCenterId: "sc-east-2", name: "Chen Jie",
      email: "sm@east2.example", role: SERVICE_MANAGER, active: true, qualifications: [] }) { id } }`);
    const message = await probe.waitFor(
      (m) => m.value?.type === 'ServiceCenterUpserted' && m.value.payload.id === 'sc-east-2' && m.value.payload.keyContacts.length === 1,
    );
    expect(message.value.payload.keyContacts[0]).toMatchObject({ role: 'SERVICE_MANAGER', staffId: 'st-east-2-sm' });
  });

  it('concurrent staff changes and a center update on one center all land, with the key contacts of all of them', async () => {
    const member = (id: string, role: string) =>
      hq.data(`mutation($input: UpsertStaffInput!) { upsertStaff(input: $input) { id } }`, {
        input: { id, serviceCenterId: 'sc-south-1', name: `Member ${id}`, email: `${id}@south1.example`, role, active: true, qualifications: [] },
      });
    await Promise.all([
      member('st-south-1-sd', 'SERVICE_DIRECTOR'),
      member('st-south-1-gm', 'GENERAL_MANAGER'),
      member('st-south-1-t1', 'TECHNICIAN'),
      member('st-south-1-t2', 'TECHNICIAN'),
      hq.data(UPSERT, { input: center('sc-south-1', { ...TEST_SITES.saoPaulo, name: 'São Paulo Centro' }) }),
    ]);
    const { serviceCenter } = await hq.data(`{ serviceCenter(id: "sc-south-1") { name staff { id } } }`);
    expect(serviceCenter.name).toBe('São Paulo Centro');
    expect(serviceCenter.staff.map((s: any) => s.id).sort()).toEqual(['st-south-1-gm', 'st-south-1-sd', 'st-south-1-t1', 'st-south-1-t2']);
    const complete = await probe.waitFor(
      (m) => m.value?.type === 'ServiceCenterUpserted' && m.value.payload.id === 'sc-south-1' && m.value.payload.keyContacts.length === 2,
    );
    expect(complete.value.payload.keyContacts.map((k: any) => k.staffId)).toEqual(['st-south-1-sd', 'st-south-1-gm']);
  });

  it('a write computed from an older revision is refused as stale; one taking another center’s code as CodeTakenError', async () => {
    const repo = network.app.get(ServiceCentersRepository);
    const current = (await repo.findOne(unscoped('test', { _id: 'sc-east-2' })))!;
    const { createdAt: _c, rev, point: _p, ...state } = current;
    expect(await repo.saveMany([{ state: { ...state, name: 'stale' }, events: [], expectedRev: rev - 1 }])).toEqual({ stale: ['sc-east-2'] });
    await expect(repo.saveMany([{ state: { ...state, code: 'SC-EAST-1' }, events: [], expectedRev: rev }])).rejects.toBeInstanceOf(CodeTakenError);
    expect(await repo.saveMany([{ state, events: [], expectedRev: rev }])).toEqual({ stale: [] });
    expect((await repo.findOne(unscoped('test', { _id: 'sc-east-2' })))!).toMatchObject({ name: current.name, code: current.code, rev: rev + 1 });
  });

  it('serves every query shape of the API from an index', async () => {
    const model = network.app.get<Model<ServiceCenterDoc>>(getModelToken(SERVICE_CENTER_MODEL));
    const page = (filter: object) => model.find({ $and: [filter, { code: { $gt: 'A' } }] }).sort({ code: 1 }).limit(51).explain();
    const plans: unknown[] = await Promise.all([
      model.find({}).sort({ code: 1 }).limit(51).explain(),
      page({ regionId: 'rg-east' }),
      page({ country: 'CN' }),
      page({ kind: 'SERVICE_CENTER' }),
      page({ status: 'ACTIVE' }),
      page({ rescue24h: true }),
      page({ star: { $ne: null } }),
      page({ star: null }),
      page({ $and: [{ country: 'CN' }, { _id: { $in: ['sc-east-1'] } }] }),
      page({ $and: [{}, { regionId: { $in: ['rg-east'] } }] }),
      model.find({ _id: { $in: ['sc-east-1', 'sc-east-2'] } }).explain(),
      model.find({ code: { $in: ['SC-EAST-1'] } }).explain(),
      model.find({ 'staff.id': { $in: ['st-east-1-gm'] } }).explain(),
    ]);
    for (const plan of plans) expect(JSON.stringify(plan)).not.toContain('COLLSCAN');
    // nearestServiceCenters, when the view is not live: $geoWithin rings on the 2dsphere index.
    expect((await model.collection.indexes()).map((i) => i.key)).toContainEqual({ point: '2dsphere' });
  });

  it('reads what another instance wrote: the view follows the collection’s change stream', async () => {
    // Another instance of the service, as far as this one can tell: its own connection, the same collection.
    const other = await mongoose.createConnection(testInfra().mongoUrl, { dbName: network.app.get<Model<ServiceCenterDoc>>(getModelToken(SERVICE_CENTER_MODEL)).db.name }).asPromise();
    try {
      await other.collection('service_centers').updateOne({ _id: 'sc-south-1' as never }, { $set: { name: 'Renamed elsewhere' }, $inc: { rev: 1 } });
      const named = async () => (await hq.data(`{ serviceCenter(id: "sc-south-1") { name } }`)).serviceCenter.name;
      const deadline = Date.now() + 5_000;
      while ((await named()) !== 'Renamed elsewhere' && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      expect(await named()).toBe('Renamed elsewhere');
      expect((await hq.data(LIST, { filter: { country: 'BR' }, first: 5 })).serviceCenters.totalCount).toBe(1);
    } finally {
      await other.close();
    }
  });

  it('a view started while another instance writes misses none of its writes', async () => {
    const model = network.app.get<Model<ServiceCenterDoc>>(getModelToken(SERVICE_CENTER_MODEL));
    const other = await mongoose.createConnection(testInfra().mongoUrl, { dbName: model.db.name }).asPromise();
    const view = new CentersView(model, createLogger('network', 'silent'));
    try {
      // The view loads and opens its stream while the other instance renames centers one after another.
      const renames = (async () => {
        for (let i = 1; i <= 40; i++) {
          await other.collection('service_centers').updateOne({ _id: 'sc-east-2' as never }, { $set: { name: `Rename ${i}` }, $inc: { rev: 1 } });
        }
      })();
      await view.start();
      await renames;
      const stored = await model.findById('sc-east-2').lean().exec();
      await eventually('the view at the last rename', async () => view.get('sc-east-2')?.name, (name) => name === 'Rename 40', 5_000, 20);
      expect(view.get('sc-east-2')?.rev).toBe(stored!.rev);
    } finally {
      await view.stop();
      await other.close();
    }
  });

  it('refuses bad input naming each field and rule, and writes nothing', async () => {
    const bad = center('sc-bad-1', { country: 'XX', timeZone: 'Mars/Base', location: { lat: 123, lng: 0 }, phones: ['0123'] });
    const res = await hq.request(UPSERT, { input: bad });
    expect(errorCodes(res)).toEqual(['BAD_USER_INPUT']);
    const fields = (res.errors![0].extensions!.issues as { field: string; rule: string }[]).map((i) => `${i.field}:${i.rule}`);
    expect(fields).toEqual(
      expect.arrayContaining(['country:isISO31661Alpha2', 'timeZone:isTimeZone', 'location.lat:isLatitude', 'phones:matches']),
    );
    const overlapping = center('sc-bad-2', {
      calendar: { weekly: [{ weekday: 1, slots: [{ start: '08:00', end: '12:00' }, { start: '11:00', end: '13:00' }] }], closures: [], extraWorkingDays: [], observePublicHolidays: true },
    });
    const res2 = await hq.request(UPSERT, { input: overlapping });
    expect(errorCodes(res2)).toEqual(['BAD_USER_INPUT']);
    expect(res2.errors![0].extensions!.issues).toEqual([expect.objectContaining({ field: 'calendar.weekly[0].slots[1]', rule: 'overlap' })]);
    const missingRegion = await hq.request(UPSERT, { input: center('sc-bad-3', { regionId: 'rg-nowhere' }) });
    expect(errorCodes(missingRegion)).toEqual(['BAD_USER_INPUT']);
    expect(missingRegion.errors![0].extensions!.issues).toEqual([expect.objectContaining({ field: 'regionId', rule: 'exists' })]);
    expect((await hq.data(LIST, { first: 10 })).serviceCenters.totalCount).toBe(3);
    // A list filter is validated as any input: a country that does not exist is an error, not an empty page.
    const badFilter = await hq.request(LIST, { filter: { country: 'XX' }, first: 5 });
    expect(errorCodes(badFilter)).toEqual(['BAD_USER_INPUT']);
    expect(badFilter.errors![0].extensions!.issues).toEqual([expect.objectContaining({ field: 'country', rule: 'isISO31661Alpha2' })]);
  });

  it('a dealer cannot change the network, not even its own center', async () => {
    const res = await dealerEast1.request(UPSERT, { input: center('sc-east-1', { name: 'Hijacked' }) });
    expect(errorCodes(res)).toEqual(['FORBIDDEN']);
    const { serviceCenter } = await hq.data(`{ serviceCenter(id: "sc-east-1") { name } }`);
    expect(serviceCenter.name).toBe('Center sc-east-1');
  });

  it('refuses missing, expired and forged tokens at the gateway and at the subgraph', async () => {
    const expired = await tokenFor({ role: 'HQ_ADMIN', expiresIn: -60 });
    const forged = await tokenFor({ role: 'HQ_ADMIN' }, 'another-secret-another-secret-another-secret');
    for (const client of [gateway.client, network.client]) {
      expect(errorCodes(await client.request(LIST))).toEqual(['UNAUTHENTICATED']);
      expect(errorCodes(await client.as(expired).request(LIST))).toEqual(['UNAUTHENTICATED']);
      expect(errorCodes(await client.as(forged).request(LIST))).toEqual(['UNAUTHENTICATED']);
    }
  });

  it('reports health and metrics', async () => {
    const ready = await fetch(`${network.baseUrl}/health/ready`).then((r) => r.json());
    expect(ready).toEqual({ status: 'ready', checks: { store: 'up', kafka: 'up' } });
    const metrics = await fetch(`${network.baseUrl}/metrics`).then((r) => r.text());
    expect(metrics).toContain('graphql_operations_total');
  });

  it('the committed SDL is what the code serves (run the service or `npm run schema` after a change)', () => {
    expect(subgraphSdl(network.app)).toBe(readFileSync(SCHEMA_FILE, 'utf8'));
  });
});
