import type { AbcClass } from './planning';

/** Stock turns: cost of what was issued over the last 12 months / value of the stock held now. */
export function stockTurns(annualIssueCost: number, inventoryValue: number): number | null {
  if (inventoryValue <= 0) return null;
  return Math.round((annualIssueCost / inventoryValue) * 100) / 100;
}

/** A stock-out: a part the location plans to hold (a reorder point above zero) with nothing available. */
export function isStockOut(available: number, reorderPoint: number): boolean {
  return reorderPoint > 0 && available <= 0;
}

export function abcMix(classes: Iterable<AbcClass>): Record<AbcClass, number> {
  const mix: Record<AbcClass, number> = { A: 0, B: 0, C: 0 };
  for (const c of classes) mix[c]++;
  return mix;
}
