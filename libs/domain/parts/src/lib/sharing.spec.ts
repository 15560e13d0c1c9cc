import { rankSources } from './sharing';

describe('regional sharing', () => {
  const near = { lat: 31.23, lng: 121.47 };
  it('prefers holders that cover the whole need, then the nearest, and protects A-class safety stock', () => {
    const ranked = rankSources({ quantity: 4, near }, [
      { locationId: 'far-full', lat: 39.9, lng: 116.4, available: 10, abc: 'C', safetyStock: 0 },
      { locationId: 'near-short', lat: 31.3, lng: 121.5, available: 3, abc: 'C', safetyStock: 0 },
      { locationId: 'near-a-protected', lat: 31.25, lng: 121.48, available: 6, abc: 'A', safetyStock: 6 },
      { locationId: 'mid-full', lat: 30.27, lng: 120.15, available: 5, abc: 'B', safetyStock: 2 },
    ]);
    expect(ranked.map((r) => r.locationId)).toEqual(['mid-full', 'far-full', 'near-short']);
    expect(ranked[0]).toMatchObject({ shareable: 4, coversAll: true });
    expect(ranked[2]).toMatchObject({ shareable: 3, coversAll: false });
  });
});
