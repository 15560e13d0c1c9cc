/** What the supply rule needs of a location: the network center's kind, its parent and whether it works. */
export interface SupplyNode {
  kind: string;
  parentId: string | null;
  status: string;
}

const ABOVE_DEALERS = new Set(['HQ', 'REGIONAL_CENTER']);

/**
 * Where a location orders parts from (the three-level guarantee): a dealer from the regional center or
 * HQ above it, a regional center (or a dealer with no parts center above it) from the active HQ, HQ
 * from nobody. A network without an active HQ leaves its regional centers without a supplier.
 */
export function supplierOf<T extends SupplyNode>(requester: T, locations: ReadonlyMap<string, T>): T | undefined {
  if (requester.kind === 'HQ') return undefined;
  const parent = requester.parentId ? locations.get(requester.parentId) : undefined;
  if (parent && ABOVE_DEALERS.has(parent.kind)) return parent;
  for (const l of locations.values()) if (l.kind === 'HQ' && l.status === 'ACTIVE') return l;
  return undefined;
}
