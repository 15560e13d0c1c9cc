import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import mongoose, { type Connection, type Model } from 'mongoose';
import { createEvent, sampleServiceCenter, type EventOf } from '@aftersales/contracts';
import type { Principal, Role } from '@aftersales/platform-auth';
import { NotFoundError } from '@aftersales/platform-core';
import { NETWORK_CENTER_MODEL, NetworkCenterSchema, type NetworkCenter } from './center.schema';
import { NetworkCenters } from './network-centers';
import { jobOrderFeed } from './reference-feeds';
import { referenceSchema, References, type ReferenceDoc } from './references';

// A platform lib's tests reach the run's infrastructure directly: the testing harness is for apps.
function mongoUrl(): string {
  const url = process.env.MONGO_URL;
  if (!url) throw new Error('MONGO_URL is not set: run integration tests through `npm test`');
  return url;
}
const principal = (roles: Role[], serviceCenterIds: string[] = [], regionIds: string[] = []): Principal => ({ subject: 'u', roles, serviceCenterIds, regionIds });
const dealerOf = (center: string) => principal(['DEALER'], [center]);
const refusal = (p: Promise<unknown>) => p.then(() => 'accepted', (e: unknown) => (e instanceof NotFoundError ? `NOT_FOUND ${String(e.details.field)}` : String(e)));

const source = { kind: 'CALL' as const, id: 'call-1' };
const customer = { name: 'Li Wei', phone: '+8613800138000', country: 'CN' };
function created(jobOrderId: string, at: string, serviceCenterId: string, holderCenterIds?: string[]): EventOf<'JobOrderCreated.v1'> {
  return createEvent(
    'JobOrderCreated.v1',
    { jobOrderId, number: 'JO-1', source, serviceCenterId, ...(holderCenterIds ? { holderCenterIds } : {}), tiers: ['DEALER'], customer, description: 'noise', createdAt: at },
    { source: 'job-orders' },
  );
}
function redistributed(jobOrderId: string, at: string, holderCenterIds: string[]): EventOf<'JobOrderRedistributed.v1'> {
  return createEvent(
    'JobOrderRedistributed.v1',
    { jobOrderId, source, serviceCenterId: holderCenterIds[0], holderCenterIds, tiers: ['DEALER'], reason: 'REDISTRIBUTION', redistributedAt: at },
    { source: 'job-orders' },
  );
}

describe('References: the read model of another service objects and the reference check (real store)', () => {
  let conn: Connection;
  let model: Model<ReferenceDoc>;
  let network: NetworkCenters;
  const feed = (event: EventOf<'JobOrderCreated.v1'> | EventOf<'JobOrderRedistributed.v1'>) => {
    const update = event.type === 'JobOrderCreated' ? jobOrderFeed['JobOrderCreated.v1']!(event as never) : jobOrderFeed['JobOrderRedistributed.v1']!(event as never);
    return update;
  };
  const refs = (waitMs = 0) => new References({ entity: 'JobOrder' }, model, network, { waitMs, pollMs: 50 });

  beforeAll(async () => {
    conn = await mongoose.createConnection(mongoUrl(), { dbName: `refs_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}` }).asPromise();
    model = conn.model<ReferenceDoc>('ReferenceJobOrder', referenceSchema('ref_job_orders'));
    const centers = conn.model<NetworkCenter>(NETWORK_CENTER_MODEL, NetworkCenterSchema);
    await Promise.all([model.init(), centers.init()]);
    network = new NetworkCenters(centers, {});
    for (const [id, regionId] of [['sc-a', 'rg-1'], ['sc-b', 'rg-1'], ['sc-c', 'rg-2']]) {
      await network.applyCenter(createEvent('ServiceCenterUpserted.v1', sampleServiceCenter({ id, code: id.toUpperCase(), regionId }), { source: 'network' }));
    }
  });

  afterAll(async () => {
    await conn?.dropDatabase().catch(() => undefined);
    await conn?.close();
  });

  it('keeps the latest holders: a redistribution replaces them, an older or redelivered event changes nothing', async () => {
    const r = refs();
    const create = created('jo-1', '2026-03-01T08:00:00.000Z', 'sc-a');
    const move = redistributed('jo-1', '2026-03-01T09:00:00.000Z', ['sc-b', 'sc-c']);
    expect(await r.apply(feed(move)!)).toBe(true);
    // The creation comes late (another partition after the move): it does not bring back sc-a.
    expect(await r.apply(feed(create)!)).toBe(false);
    expect(await r.apply(feed(move)!)).toBe(true);
    expect(await r.find('jo-1')).toEqual({ _id: 'jo-1', centers: ['sc-b', 'sc-c'], at: '2026-03-01T09:00:00.000Z' });
  });

  it('reads a creation without holderCenterIds (published before they existed) as held by its center', async () => {
    await refs().apply(feed(created('jo-old', '2026-03-01T08:00:00.000Z', 'sc-a'))!);
    await refs().apply(feed(created('jo-new', '2026-03-01T08:00:00.000Z', 'sc-a', ['sc-a', 'sc-b']))!);
    expect((await refs().find('jo-old'))?.centers).toEqual(['sc-a']);
    expect((await refs().find('jo-new'))?.centers).toEqual(['sc-a', 'sc-b']);
  });

  it('accepts an object of the written center in the caller scope, and answers NOT_FOUND naming the field otherwise', async () => {
    const r = refs();
    await r.apply(feed(created('jo-2', '2026-03-01T08:00:00.000Z', 'sc-a'))!);
    const check = (p: Principal, serviceCenterId: string, id = 'jo-2') => refusal(r.require(p, { field: 'jobOrderId', id, serviceCenterId }));
    expect(await check(dealerOf('sc-a'), 'sc-a')).toBe('accepted');
    expect(await check(principal(['HQ_ADMIN']), 'sc-a')).toBe('accepted');
    expect(await check(principal(['REGION_MANAGER'], [], ['rg-1']), 'sc-a')).toBe('accepted');
    // Another dealer at its own center; HQ or the region manager writing at a center that does not hold it.
    expect(await check(dealerOf('sc-b'), 'sc-b')).toBe('NOT_FOUND jobOrderId');
    expect(await check(principal(['HQ_ADMIN']), 'sc-b')).toBe('NOT_FOUND jobOrderId');
    expect(await check(principal(['REGION_MANAGER'], [], ['rg-2']), 'sc-a')).toBe('NOT_FOUND jobOrderId');
    expect(await check(dealerOf('sc-b'), 'sc-a')).toBe('NOT_FOUND jobOrderId');
    expect(await check(dealerOf('sc-a'), 'sc-a', 'jo-none')).toBe('NOT_FOUND jobOrderId');
  });

  it('waits a bounded time for an object not seen yet: found when its event arrives within it, NOT_FOUND after it', async () => {
    const r = refs(2000);
    const started = Date.now();
    const pending = refusal(r.require(dealerOf('sc-a'), { field: 'jobOrderId', id: 'jo-late', serviceCenterId: 'sc-a' }));
    await new Promise((resolve) => setTimeout(resolve, 400));
    await r.apply(feed(created('jo-late', '2026-03-01T08:00:00.000Z', 'sc-a'))!);
    expect(await pending).toBe('accepted');
    expect(Date.now() - started).toBeLessThan(2000);

    const missing = Date.now();
    expect(await refusal(r.require(dealerOf('sc-a'), { field: 'jobOrderId', id: 'jo-never', serviceCenterId: 'sc-a' }))).toBe('NOT_FOUND jobOrderId');
    expect(Date.now() - missing).toBeGreaterThanOrEqual(2000);
    // A center outside the caller's scope is refused at once: no event could make it the caller's.
    const outside = Date.now();
    expect(await refusal(r.require(dealerOf('sc-a'), { field: 'jobOrderId', id: 'jo-late', serviceCenterId: 'sc-b' }))).toBe('NOT_FOUND jobOrderId');
    expect(Date.now() - outside).toBeLessThan(1000);
  });

  it('finds an object by its _id: the primary index, no collection scan', async () => {
    const plan = await model.find({ _id: 'jo-1' }).explain('queryPlanner');
    expect(JSON.stringify(plan)).not.toContain('COLLSCAN');
  });
});
