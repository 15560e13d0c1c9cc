import fc from 'fast-check';
import { distanceKm, nearestOutlet, outletQuery, type OutletView } from './routing';

const outlet = (id: string, lat: number, lng: number, extra: Partial<OutletView> = {}): OutletView => ({
  id,
  kind: 'SERVICE_CENTER',
  status: 'ACTIVE',
  rescue24h: false,
  location: { lat, lng },
  ...extra,
});

describe('routing to the nearest outlet', () => {
  const outlets = [
    outlet('sc-near-closed', -23.551, -46.631, { status: 'SUSPENDED' }),
    outlet('sc-near-fast', -23.552, -46.632, { kind: 'FAST_REPAIR_SHOP', rescue24h: true }),
    outlet('sc-mid', -23.6, -46.7),
    outlet('sc-far-24h', -22.9, -43.2, { rescue24h: true }),
    outlet('hq', -23.55, -46.63, { kind: 'HQ', rescue24h: true }),
  ];
  const caller = { lat: -23.55, lng: -46.63 };

  it('a lead goes to the nearest active full service center', () => {
    expect(nearestOutlet(outlets, caller, 'LEAD')?.outlet.id).toBe('sc-mid');
  });

  it('a rescue goes to the nearest active outlet with 24 h rescue, of any serving kind', () => {
    expect(nearestOutlet(outlets, caller, 'RESCUE')).toEqual({ outlet: outlets[1], distanceKm: 0.3 });
  });

  it('a repair goes to the nearest active outlet of either serving kind', () => {
    expect(nearestOutlet(outlets, caller, 'REPAIR')?.outlet.id).toBe('sc-near-fast');
  });

  it('the outlet query of a purpose admits exactly the outlets nearestOutlet would pick from', () => {
    expect(outletQuery('LEAD')).toEqual({ status: 'ACTIVE', kinds: ['SERVICE_CENTER'] });
    expect(outletQuery('RESCUE')).toEqual({ status: 'ACTIVE', kinds: ['SERVICE_CENTER', 'FAST_REPAIR_SHOP'], rescue24h: true });
    for (const purpose of ['LEAD', 'RESCUE', 'REPAIR'] as const) {
      const q = outletQuery(purpose);
      const admitted = outlets.filter((o) => o.status === q.status && q.kinds.includes(o.kind) && (!q.rescue24h || o.rescue24h));
      for (const o of outlets) expect(nearestOutlet([o], caller, purpose) !== null).toBe(admitted.includes(o));
    }
  });

  it('no candidate gives null', () => {
    expect(nearestOutlet([outlets[0], outlets[4]], caller, 'RESCUE')).toBeNull();
  });

  it('São Paulo to Rio is about 360 km', () => {
    expect(distanceKm(caller, { lat: -22.9, lng: -43.2 })).toBeCloseTo(358, -1);
  });

  it('the chosen outlet is never farther than any other eligible one (property)', () => {
    const point = fc.record({ lat: fc.double({ min: -80, max: 80, noNaN: true }), lng: fc.double({ min: -179, max: 179, noNaN: true }) });
    fc.assert(
      fc.property(fc.array(point, { minLength: 1, maxLength: 20 }), point, (points, from) => {
        const list = points.map((p, i) => outlet(`sc-${i}`, p.lat, p.lng, { rescue24h: i % 2 === 0 }));
        const chosen = nearestOutlet(list, from, 'RESCUE');
        expect(chosen).not.toBeNull();
        const best = distanceKm(from, chosen!.outlet.location);
        for (const o of list.filter((x) => x.rescue24h)) expect(best).toBeLessThanOrEqual(distanceKm(from, o.location) + 1e-9);
      }),
    );
  });
});
