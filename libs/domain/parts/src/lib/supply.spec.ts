import { supplierOf, type SupplyNode } from './supply';

type Node = SupplyNode & { id: string };
const center = (id: string, kind: string, parentId: string | null = null, status = 'ACTIVE'): Node => ({ id, kind, parentId, status });

describe('who a location orders parts from', () => {
  const hq = center('hq', 'HQ');
  const rc = center('rc', 'REGIONAL_CENTER', 'hq');
  const dealer = center('sc', 'SERVICE_CENTER', 'rc');
  const shop = center('frs', 'FAST_REPAIR_SHOP', 'sc');
  const network = (...cs: Node[]) => new Map(cs.map((c) => [c.id, c]));

  it('is the regional center above a dealer, HQ above a regional center, nobody above HQ', () => {
    const all = network(hq, rc, dealer, shop);
    expect(supplierOf(dealer, all)?.id).toBe('rc');
    expect(supplierOf(rc, all)?.id).toBe('hq');
    expect(supplierOf(hq, all)).toBeUndefined();
  });

  it('skips a dealer above a shop and goes to HQ', () => {
    expect(supplierOf(shop, network(hq, rc, dealer, shop))?.id).toBe('hq');
  });

  it('is nobody for a regional center of a network without an active HQ', () => {
    expect(supplierOf(rc, network(rc, dealer))).toBeUndefined();
    const orphan = center('rc2', 'REGIONAL_CENTER');
    expect(supplierOf(orphan, network(center('hq', 'HQ', null, 'SUSPENDED'), orphan))).toBeUndefined();
    expect(supplierOf(dealer, network(rc, dealer))?.id).toBe('rc');
  });
});
