import { DateTime } from 'luxon';
import { EXTENDED_POLICY_ID } from '../../../seed/src/warranty-policies';
import type { SimCenter } from '../network';
import type { Vehicle } from '../people';
import { claimVerdict, mileageOn, saleProfile, sellerOf } from '../warranty';
import type { World } from './world';

const REGISTER = `mutation($input: RegisterVehicleWarrantyInput!) { registerVehicleWarranty(input: $input) { vin } }`;
const EXTEND = `mutation($input: AddWarrantyExtensionInput!) { addWarrantyExtension(input: $input) { vin } }`;
const ITEMS = `query($id: ID!) { repairOrder(id: $id) { id items { id amount warranty { covered } } } }`;
const SUBMIT = `mutation($input: SubmitWarrantyClaimInput!) { submitWarrantyClaim(input: $input) { id status } }`;
const APPROVE = `mutation($id: ID!) { approveWarrantyClaim(id: $id) { id status } }`;
const REJECT = `mutation($id: ID!, $reason: String) { rejectWarrantyClaim(id: $id, reason: $reason) { id status } }`;
const ASK = `mutation($id: ID!, $reason: String) { requestWarrantyClaimInfo(id: $id, reason: $reason) { id status } }`;
const RESUBMIT = `mutation($id: ID!, $answer: String!) { resubmitWarrantyClaim(id: $id, answer: $answer) { id status } }`;

const DEALER_KINDS = new Set(['SERVICE_CENTER', 'FAST_REPAIR_SHOP']);
/** Past this many VINs the oldest are forgotten (a returning one is registered again, harmlessly). */
const REMEMBERED_VINS = 50_000;

const REJECTIONS = [
  'Wear, not a defect: the part shows normal wear for its mileage',
  'Damage from an outside cause: impact marks on the part',
  'Maintenance record missing for the last scheduled service',
];

/**
 * The first time the simulator sees a VIN, its sale is registered by the selling dealer (and an
 * extension it bought), so the workshop decides the warranty of every item of its orders. The sale
 * follows from the VIN (see `saleProfile`); a car seen for the first time
 * gets the odometer its age and its owner's driving imply.
 */
export async function ensureWarrantyRegistration(world: World, center: SimCenter, vehicle: Vehicle): Promise<Vehicle> {
  const { rt } = world;
  const today = DateTime.now().setZone(center.timeZone).toISODate()!;
  const profile = saleProfile(vehicle.vin, today);
  // A car seen before keeps the odometer it came with (its last visit's, a little more).
  if (world.registered.has(vehicle.vin)) return vehicle;
  const dealers = [...rt.centers.values()].filter((c) => c.country === center.country && DEALER_KINDS.has(c.kind) && c.status === 'ACTIVE');
  const register = async (seller: SimCenter) => {
    const done = await rt.tryCall(
      'registerVehicleWarranty',
      REGISTER,
      { input: { vin: vehicle.vin, saleDate: profile.saleDate, sellingServiceCenterId: seller.id, odometerAtSaleKm: profile.odometerAtSaleKm } },
      rt.tokens.dealer(seller),
      // CONFLICT: registered before with another seller (the simulator fell back to the servicing one); NOT_FOUND:
      // a seller the workshop has not heard of yet, whose sale the servicing center records instead.
      ['CONFLICT', 'NOT_FOUND'],
    );
    // Counted the moment it is on record: a stop before the extension must not lose it.
    if (done) rt.stats.outcome('warrantyRegistrations');
    return done;
  };
  let seller = sellerOf(profile, center, dealers);
  if (!(await register(seller)) && seller.id !== center.id) {
    seller = center;
    await register(center);
  }
  if (profile.extensionPurchaseDate) {
    const bought = await rt.tryCall(
      'addWarrantyExtension',
      EXTEND,
      { input: { vin: vehicle.vin, policyId: EXTENDED_POLICY_ID, purchaseDate: profile.extensionPurchaseDate } },
      rt.tokens.dealer(seller),
      // Already bought (a returning car after a restart), or sold by the other dealer the first time.
      ['CONFLICT', 'FORBIDDEN'],
    );
    if (bought) rt.stats.outcome('warrantyExtensionsSold');
  }
  if (world.registered.size >= REMEMBERED_VINS) world.registered.delete(world.registered.values().next().value!);
  world.registered.add(vehicle.vin);
  return { ...vehicle, mileageKm: mileageOn(profile, today) };
}

/** Counts the workshop's decision on each item of a newly opened order. */
export function countDecisions(world: World, items: readonly { warranty: { covered: boolean; reason: string } | null }[]): void {
  for (const i of items) {
    if (!i.warranty) continue;
    world.rt.stats.outcome(i.warranty.covered ? 'warrantyItemsCovered' : `warrantyItems${i.warranty.reason}`);
  }
}

/**
 * After delivery: the dealer claims the covered items of the order from its region, whose manager (or
 * HQ now and then) decides a while later: mostly approves, rejects some with a reason, asks for more
 * on others, which the dealer answers before the decision.
 */
export async function warrantyClaimJourney(world: World, center: SimCenter, repairOrderId: string): Promise<void> {
  const { rt } = world;
  const dealer = rt.tokens.dealer(center);
  type Order = { repairOrder: { items: { id: string; amount: number; warranty: { covered: boolean } | null }[] } };
  const { items } = (await rt.call<Order>('repairOrder', ITEMS, { id: repairOrderId }, dealer)).repairOrder;
  const lines = items.filter((i) => i.warranty?.covered && i.amount > 0).map((i) => ({ itemId: i.id, amount: i.amount }));
  if (!lines.length) return;
  // The warranty clerk files it the same day.
  await rt.step(center, 5, 90);
  const claim = (await rt.call<{ submitWarrantyClaim: { id: string } }>('submitWarrantyClaim', SUBMIT, { input: { repairOrderId, lines } }, dealer)).submitWarrantyClaim;
  rt.stats.outcome('warrantyClaimsSubmitted');

  const decider = rt.rng.chance(0.8) ? rt.tokens.regionManager(center.regionId) : rt.tokens.hq();
  const { askFirst, approve } = claimVerdict(rt.rng);
  // Within half an hour to a day and a half of the center's working time.
  await rt.step(center, 30, 12 * 60);
  if (askFirst) {
    await rt.call('requestWarrantyClaimInfo', ASK, { id: claim.id, reason: 'Send the photo of the failed part and the diagnostic report' }, decider);
    rt.stats.outcome('warrantyClaimsInfoRequested');
    await rt.step(center, 30, 8 * 60);
    await rt.call('resubmitWarrantyClaim', RESUBMIT, { id: claim.id, answer: 'Photo and diagnostic report attached to the order' }, dealer);
    await rt.step(center, 30, 8 * 60);
  }
  if (approve) {
    await rt.call('approveWarrantyClaim', APPROVE, { id: claim.id }, decider);
    rt.stats.outcome('warrantyClaimsApproved');
  } else {
    await rt.call('rejectWarrantyClaim', REJECT, { id: claim.id, reason: rt.rng.pick(REJECTIONS) }, decider);
    rt.stats.outcome('warrantyClaimsRejected');
  }
}
