import { generateNetwork } from './dataset';
import { DEALER_OPENING_PARTS, openingStock, PART_BY_NUMBER, PARTS_CATALOG } from './parts-catalog';

describe('the demo parts catalog and opening stock', () => {
  it('has unique part numbers with names in five languages', () => {
    expect(PART_BY_NUMBER.size).toBe(PARTS_CATALOG.length);
    for (const p of PARTS_CATALOG) expect(Object.values(p.names).every((n) => n.length > 0)).toBe(true);
  });

  it('stocks the three levels: HQ everything, regional centers all but a few heavy parts, dealers their consumables', () => {
    const hq = openingStock('sc-hq', 'HQ');
    expect(hq.map((r) => r.partNumber).sort()).toEqual(PARTS_CATALOG.map((p) => p.partNumber).sort());
    const regional = openingStock('sc-br-0001', 'REGIONAL_CENTER');
    for (const p of PARTS_CATALOG.filter((x) => x.stocking !== 'HQ')) expect(regional.some((r) => r.partNumber === p.partNumber)).toBe(true);
    const dealer = openingStock('sc-br-0002', 'SERVICE_CENTER');
    expect(dealer.map((r) => r.partNumber).sort()).toEqual([...DEALER_OPENING_PARTS].sort());
    for (const r of [...hq, ...regional, ...dealer]) {
      expect(r.quantity).toBeGreaterThan(0);
      expect(r.unitCost).toBeLessThan(PART_BY_NUMBER.get(r.partNumber)!.listPrice);
    }
  });

  it('is the same on every run (a re-run finds what it wrote)', () => {
    expect(openingStock('sc-cn-0002', 'SERVICE_CENTER')).toEqual(openingStock('sc-cn-0002', 'SERVICE_CENTER'));
    expect(openingStock('sc-cn-0002', 'SERVICE_CENTER')).not.toEqual(openingStock('sc-cn-0003', 'SERVICE_CENTER'));
  });

  it('costs about 2,900 stock receipts for the whole network', () => {
    const receipts = generateNetwork().centers.reduce((n, c) => n + openingStock(c.id, c.kind).length, 0);
    expect(receipts).toBeGreaterThan(2700);
    expect(receipts).toBeLessThan(3100);
  });
});
