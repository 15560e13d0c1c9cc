import { DateTime } from 'luxon';
import { lastCoveredDate } from '@aftersales/domain-warranty';
import { vinIssues } from '@aftersales/values';
import { MODELS, vin } from './people';
import { Rng } from './rng';
import { claimVerdict, mileageOn, modelYear, saleProfile, sellerOf } from './warranty';

const TODAY = '2026-12-05';

describe("a simulated vehicle's sale, derived from its VIN", () => {
  const rng = new Rng(7);
  const vins = Array.from({ length: 2000 }, () => vin(rng.pick(MODELS), rng));

  it('reads the model year from VIN position 10', () => {
    expect(modelYear('LJ12EKR20T4000001')).toBe(2026);
    expect(modelYear('LJ12EKR20P4000001')).toBe(2023);
    expect(modelYear('LJ12EKR20R4000001')).toBe(2024);
    expect(modelYear('LJ12EKR20I4000001')).toBeNull();
    for (const v of vins.slice(0, 20)) expect(vinIssues(v)).toEqual([]);
  });

  it('is the same every time the car comes back (same VIN, same sale)', () => {
    for (const v of vins.slice(0, 50)) {
      expect(saleProfile(v, TODAY)).toEqual(saleProfile(v, TODAY));
      // A later visit finds the same sale, and more kilometres on the odometer.
      const later = saleProfile(v, '2027-01-20');
      expect(later.saleDate).toBe(saleProfile(v, TODAY).saleDate);
      expect(mileageOn(later, '2027-01-20')).toBeGreaterThanOrEqual(mileageOn(later, TODAY));
    }
  });

  it('sells the car around its model year, never after today, with delivery kilometres only', () => {
    for (const v of vins) {
      const p = saleProfile(v, TODAY);
      const year = modelYear(v)!;
      expect(p.saleDate >= `${year - 1}-07-01` && p.saleDate <= TODAY).toBe(true);
      expect(p.odometerAtSaleKm).toBeLessThan(60);
      expect(p.kmPerYear).toBeGreaterThanOrEqual(6_000);
      expect(p.kmPerYear).toBeLessThanOrEqual(40_000);
      if (p.extensionPurchaseDate) expect(p.extensionPurchaseDate >= p.saleDate && p.extensionPurchaseDate <= TODAY).toBe(true);
    }
    // A model year that has not begun: sold today at the latest.
    expect(saleProfile('LJ12EKR20X4000001', TODAY).saleDate <= TODAY).toBe(true);
  });

  it('spreads the fleet over the 36-month / 100,000 km basic warranty: in, past its date, past its kilometres; a quarter extended', () => {
    let inside = 0;
    let pastDate = 0;
    let pastKm = 0;
    let extended = 0;
    for (const v of vins) {
      const p = saleProfile(v, TODAY);
      const km = mileageOn(p, TODAY) - p.odometerAtSaleKm;
      if (TODAY > lastCoveredDate(p.saleDate, 36)) pastDate++;
      else if (km > 100_000) pastKm++;
      else inside++;
      if (p.extensionPurchaseDate) extended++;
    }
    expect(inside / vins.length).toBeGreaterThan(0.5);
    expect(pastDate / vins.length).toBeGreaterThan(0.15);
    expect(pastKm).toBeGreaterThan(0);
    expect(extended / vins.length).toBeGreaterThan(0.15);
    expect(extended / vins.length).toBeLessThan(0.3);
  });

  it('drives the owner’s yearly kilometres from the sale', () => {
    const p = { ...saleProfile(vins[0]!, TODAY), saleDate: '2025-12-05', odometerAtSaleKm: 12, kmPerYear: 20_000 };
    expect(mileageOn(p, '2025-12-05')).toBe(12);
    expect(mileageOn(p, '2026-12-05')).toBe(20_012);
    expect(mileageOn(p, DateTime.fromISO('2025-12-05').minus({ days: 3 }).toISODate()!)).toBe(12);
  });

  it('is sold by the servicing center mostly, else by another dealer of its country, the same one each time', () => {
    const here = { id: 'sc-cn-0002' };
    const dealers = [{ id: 'sc-cn-0004' }, here, { id: 'sc-cn-0003' }];
    const sellers = vins.map((v) => sellerOf(saleProfile(v, TODAY), here, dealers).id);
    const share = sellers.filter((s) => s === here.id).length / sellers.length;
    expect(share).toBeGreaterThan(0.6);
    expect(share).toBeLessThan(0.8);
    expect(new Set(sellers)).toEqual(new Set(['sc-cn-0002', 'sc-cn-0003', 'sc-cn-0004']));
    expect(sellerOf(saleProfile(vins[1]!, TODAY), here, [...dealers].reverse())).toBe(sellerOf(saleProfile(vins[1]!, TODAY), here, dealers));
    // Alone in its country: it sold the car itself.
    expect(sellers.every((_, i) => sellerOf(saleProfile(vins[i]!, TODAY), here, [here]) === here)).toBe(true);
  });
});

describe("the region's answer to a simulated warranty claim", () => {
  it('mostly approves, rejects some, asks for more on others (then mostly approves)', () => {
    const rng = new Rng(11);
    const n = 20_000;
    const verdicts = Array.from({ length: n }, () => claimVerdict(rng));
    const share = (f: (v: { askFirst: boolean; approve: boolean }) => boolean) => verdicts.filter(f).length / n;
    expect(share((v) => v.askFirst)).toBeCloseTo(0.15, 1);
    expect(share((v) => !v.askFirst && v.approve)).toBeCloseTo(0.73, 1);
    expect(share((v) => !v.askFirst && !v.approve)).toBeCloseTo(0.12, 1);
    expect(share((v) => v.askFirst && v.approve) / share((v) => v.askFirst)).toBeCloseTo(0.9, 1);
  });
});
