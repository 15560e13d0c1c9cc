import mongoose, { type Connection, type Model } from 'mongoose';
import { scoped, type Principal } from '@aftersales/platform-auth';
import { testInfra, uniqueName } from '@aftersales/testing';
import { expectIndexed } from './explain';
import { openedBetweenFilter, REPAIR_ORDER_MODEL, RepairOrderSchema, type RepairOrderDoc } from '../src/repair-orders/repair-order.schema';
import { claimListFilter, claimsDecidedFilter, claimsSubmittedFilter, WARRANTY_CLAIM_MODEL, WarrantyClaimSchema, type WarrantyClaimDoc } from '../src/warranty/claims/warranty-claim.schema';
import { decisionPoliciesFilter, WARRANTY_POLICY_MODEL, WarrantyPolicySchema, type WarrantyPolicyDoc } from '../src/warranty/policies/warranty-policy.schema';
import { SELLER_SCOPE, soldByFilter, VEHICLE_WARRANTY_MODEL, VehicleWarrantySchema, type VehicleWarrantyDoc } from '../src/warranty/registrations/vehicle-warranty.schema';

const dealer: Principal = { subject: 'd', roles: ['DEALER'], serviceCenterIds: ['sc-1'], regionIds: ['rg-1'] };
const manager: Principal = { subject: 'm', roles: ['REGION_MANAGER'], serviceCenterIds: [], regionIds: ['rg-1'] };
const CENTERS = Array.from({ length: 40 }, (_, i) => `sc-${i}`);
const DAY = Date.UTC(2026, 2, 2);
const at = (i: number) => new Date(DAY + (i % 300) * 3_600_000);


function claim(i: number): WarrantyClaimDoc {
  const decided = i % 3 === 0;
  return {
    _id: `wc-${i}`,
    serviceCenterId: CENTERS[i % CENTERS.length],
    regionId: `rg-${i % 4}`,
    repairOrderId: `ro-${i}`,
    vin: 'WVWZZZ1JZ3W000001',
    lines: [{ itemId: `ro-${i}:i1`, kind: 'PART', code: 'P-X', description: 'x', policyId: 'basic', amount: 10 }],
    total: 10,
    status: decided ? 'APPROVED' : 'SUBMITTED',
    rev: 0,
    submittedAt: at(i),
    decidedAt: decided ? at(i + 24) : null,
    decidedBy: decided ? 'm' : null,
    rejectionReason: null,
    daysToDecision: decided ? 1 : null,
    history: [],
  };
}

describe('warranty storage on the real store: every query path on an index', () => {
  let conn: Connection;
  let claims: Model<WarrantyClaimDoc>;
  let policies: Model<WarrantyPolicyDoc>;
  let registrations: Model<VehicleWarrantyDoc>;
  let orders: Model<RepairOrderDoc>;

  beforeAll(async () => {
    conn = await mongoose.createConnection(testInfra().mongoUrl, { dbName: uniqueName('warranty_store') }).asPromise();
    claims = conn.model<WarrantyClaimDoc>(WARRANTY_CLAIM_MODEL, WarrantyClaimSchema);
    policies = conn.model<WarrantyPolicyDoc>(WARRANTY_POLICY_MODEL, WarrantyPolicySchema);
    registrations = conn.model<VehicleWarrantyDoc>(VEHICLE_WARRANTY_MODEL, VehicleWarrantySchema);
    orders = conn.model<RepairOrderDoc>(REPAIR_ORDER_MODEL, RepairOrderSchema);
    await Promise.all([claims.init(), policies.init(), registrations.init(), orders.init()]);
    await claims.insertMany(Array.from({ length: 800 }, (_, i) => claim(i)));
    const terms = { name: 'p', months: 24, kilometres: 100_000, partGroups: ['ALL'], laborOperations: ['ALL'], regionIds: [], exclusions: { partGroups: [], laborOperations: [], faultCodes: [] }, version: 1, versions: [], updatedAt: new Date(DAY) };
    await policies.insertMany(Array.from({ length: 300 }, (_, i) => ({ _id: `p-${i}`, kind: i % 2 ? 'EXTENDED' : 'BASIC', active: i % 10 === 0, ...terms })));
    await registrations.insertMany(
      Array.from({ length: 500 }, (_, i) => ({
        _id: `WVWZZZ1JZ3W${String(i).padStart(6, '0')}`,
        saleDate: '2025-01-01',
        sellingServiceCenterId: CENTERS[i % CENTERS.length],
        sellingRegionId: 'rg-1',
        odometerAtSaleKm: 0,
        extensions: [],
        registeredAt: new Date(DAY),
        registeredBy: 'd',
      })),
    );
  }, 60_000);

  afterAll(async () => {
    await conn?.dropDatabase().catch(() => undefined);
    await conn?.close();
  });

  it('answers the claim lists, the KPI counts, the decision’s policies and the dealer’s registrations from their indexes', async () => {
    const [from, to] = [new Date(DAY), new Date(DAY + 31 * 86_400_000)];
    const plans: [unknown, string][] = [
      [await claims.find(scoped(dealer, claimListFilter({ serviceCenterId: 'sc-1', status: 'SUBMITTED' }))).explain(), 'serviceCenterId_1_status_1'],
      [await claims.find(scoped(manager, claimListFilter({ regionId: 'rg-1', status: 'SUBMITTED' }))).explain(), 'regionId_1_status_1'],
      [await claims.find(claimsSubmittedFilter('sc-1', from, to)).explain(), 'serviceCenterId_1_submittedAt_1'],
      [await claims.find(claimsDecidedFilter('sc-1', from, to), { status: 1, daysToDecision: 1 }).explain(), 'serviceCenterId_1_decidedAt_1'],
      [await orders.find(openedBetweenFilter('sc-1', from, to)).explain(), 'serviceCenterId_1_openedAt_1'],
      [await policies.find(decisionPoliciesFilter([])).explain(), 'active_1_kind_1'],
      [await registrations.find(scoped(dealer, soldByFilter('sc-1'), SELLER_SCOPE)).sort({ saleDate: 1 }).explain(), 'sellingServiceCenterId_1_saleDate_1'],
    ];
    for (const [plan, index] of plans) expectIndexed(plan, index);
    // Bought extensions are read by _id beside the active policies: no branch of the $or scans the collection.
    expect(JSON.stringify(await policies.find(decisionPoliciesFilter(['p-1', 'p-3'])).explain())).not.toContain('COLLSCAN');
  });

  it('the KPI filters count exactly the claims of the center in the period', async () => {
    const [from, to] = [new Date(DAY), new Date(DAY + 2 * 86_400_000)];
    const expected = Array.from({ length: 800 }, (_, i) => claim(i)).filter((c) => c.serviceCenterId === 'sc-1' && c.submittedAt >= from && c.submittedAt < to);
    expect(await claims.countDocuments(claimsSubmittedFilter('sc-1', from, to))).toBe(expected.length);
    expect(expected.length).toBeGreaterThan(0);
  });
});
