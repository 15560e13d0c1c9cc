import { createHash } from 'node:crypto';
import type { SourceKind } from './types';

/** `JO-2026-000123`: year of creation (UTC) and a per-year sequence. */
export function formatJobOrderNumber(year: number, seq: number): string {
  return `JO-${year}-${String(seq).padStart(6, '0')}`;
}

/**
 * The job order's id is derived from its source, so the insert itself is the "one job order per
 * source" claim: a redelivered or concurrent event collides on `_id` instead of creating a twin.
 */
export function jobOrderIdFor(kind: SourceKind, sourceId: string): string {
  return `jo-${createHash('sha256').update(`${kind}:${sourceId}`).digest('hex').slice(0, 24)}`;
}
