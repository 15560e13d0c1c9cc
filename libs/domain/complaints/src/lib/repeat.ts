/**
 * B detection: "the second or repeated complaint on one same problem" by the same customer or on the
 * same vehicle within a configurable window. These functions decide which match keys a complaint has,
 * from when an earlier complaint still counts, and which earlier one it repeats; the service stores
 * the keys with each complaint and asks its store for the latest earlier complaint per key.
 */
export type RepeatBy = 'VIN' | 'PHONE';

export interface RepeatKey {
  by: RepeatBy;
  key: string;
}

export interface RepeatEntry {
  complaintId: string;
  number: string;
  receivedAt: Date;
}

export interface RepeatMatch extends RepeatEntry {
  by: RepeatBy;
  key: string;
  problemKey: string;
  /** Human-readable: which earlier complaint matched and why. */
  reason: string;
}

/**
 * "Same problem": the problem code the receiver picked (upper-cased, separators unified), scoped by
 * complaint type; without a code the type alone is the problem (service vs product quality...).
 */
export function problemKeyOf(type: string, problemCode?: string | null): string {
  const code = (problemCode ?? '')
    .normalize('NFKC')
    .trim()
    .toUpperCase()
    .replace(/[\s\-./|]+/g, '_')
    .replace(/[^\p{L}\p{N}_]/gu, '');
  return code ? `${type}:${code}` : type;
}

export function repeatKeys(input: { vin?: string | null; phone?: string | null; problemKey: string }): RepeatKey[] {
  const keys: RepeatKey[] = [];
  const vin = input.vin?.trim().toUpperCase();
  if (vin) keys.push({ by: 'VIN', key: `vin|${vin}|${input.problemKey}` });
  const phone = input.phone?.replace(/[^\d+]/g, '');
  if (phone) keys.push({ by: 'PHONE', key: `phone|${phone}|${input.problemKey}` });
  return keys;
}

const DAY_MS = 86_400_000;

/** The earliest receipt an earlier complaint may have to be repeated by one received at `receivedAt`. */
export function repeatWindowStart(receivedAt: Date, windowDays: number): Date {
  return new Date(receivedAt.getTime() - windowDays * DAY_MS);
}

/**
 * The most recent earlier complaint under any of the keys, received within `windowDays` before
 * `receivedAt` (the complaint itself excluded). On a tie the VIN match wins: it names the vehicle.
 */
export function findRepeat(
  candidates: readonly { key: RepeatKey; entries: readonly RepeatEntry[] }[],
  self: { complaintId: string; receivedAt: Date; problemKey: string },
  windowDays: number,
): RepeatMatch | null {
  const from = repeatWindowStart(self.receivedAt, windowDays).getTime();
  let best: { key: RepeatKey; entry: RepeatEntry } | null = null;
  for (const { key, entries } of candidates) {
    for (const entry of entries) {
      const t = entry.receivedAt.getTime();
      if (entry.complaintId === self.complaintId || t < from || t > self.receivedAt.getTime()) continue;
      const bt = best?.entry.receivedAt.getTime() ?? -Infinity;
      if (t > bt || (t === bt && key.by === 'VIN' && best?.key.by !== 'VIN')) best = { key, entry };
    }
  }
  if (!best) return null;
  const days = Math.floor((self.receivedAt.getTime() - best.entry.receivedAt.getTime()) / DAY_MS);
  const subject = best.key.by === 'VIN' ? `same VIN ${best.key.key.split('|')[1]}` : `same customer phone ${best.key.key.split('|')[1]}`;
  return {
    ...best.entry,
    by: best.key.by,
    key: best.key.key,
    problemKey: self.problemKey,
    reason: `${subject} and same problem ${self.problemKey} as complaint ${best.entry.number} ${days} day(s) earlier (window ${windowDays} days)`,
  };
}
