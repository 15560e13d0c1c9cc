import { normalizeVin } from '@aftersales/values';
import { problemTextOf, textSimilarity, type ProblemText } from './problem-text';

/**
 * B detection: "the second or repeated complaint on one same problem" about the same vehicle (or, when
 * a VIN is missing, by the same customer phone) within a configurable window. These functions decide
 * which keys a complaint is stored and looked up under, what "the same problem" is, and which earlier
 * complaint a new one repeats; the service asks its store for the latest complaints under the keys
 * and lets `findRepeat` compare them in memory.
 */
export type RepeatBy = 'VIN' | 'PHONE';

export interface RepeatKey {
  by: RepeatBy;
  key: string;
}

/** What "the problem" of a complaint is: the receiver's code if there is one, and the text's terms. */
export interface ProblemSignature extends ProblemText {
  code: string | null;
}

/** An earlier complaint as the store returns it for the comparison. */
export interface RepeatEntry {
  complaintId: string;
  number: string;
  receivedAt: Date;
  vin: string | null;
  problem: ProblemSignature;
}

export type RepeatBasis = 'CODE' | 'TEXT';

export interface RepeatMatch {
  complaintId: string;
  number: string;
  receivedAt: Date;
  by: RepeatBy;
  key: string;
  /** CODE when both complaints have a problem code (the codes decided), TEXT otherwise. */
  basis: RepeatBasis;
  /** The shared problem code (CODE), null for TEXT. */
  problemCode: string | null;
  /** The text similarity of the two complaints (0..1), reported in both cases. */
  similarity: number;
  /** The threshold the text similarity was held against. */
  threshold: number;
  /** The terms both complaints' texts have (concepts in upper case, words as stems). */
  sharedTerms: string[];
  /** Kept for earlier clients: `CODE:<code>` or `TEXT`. */
  problemKey: string;
  /** Human-readable: which earlier complaint matched and why. */
  reason: string;
}

export interface RepeatRule {
  windowDays: number;
  /** Minimum text similarity (0..1] for two complaints without both codes to be the same problem. */
  threshold: number;
}

/** A problem code as the receiver may type it (case, spaces, dashes, slashes) reduced to one spelling. */
export function normalizeProblemCode(problemCode?: string | null): string | null {
  const code = (problemCode ?? '')
    .normalize('NFKC')
    .trim()
    .toUpperCase()
    .replace(/[\s\-./|]+/g, '_')
    .replace(/[^\p{L}\p{N}_]/gu, '')
    .replace(/^_+|_+$/g, '');
  return code || null;
}

export function problemSignatureOf(input: { problemCode?: string | null; content: string; requirements?: string | null; language?: string | null }): ProblemSignature {
  return { code: normalizeProblemCode(input.problemCode), ...problemTextOf(input.content, input.requirements, input.language) };
}

function vinOf(vin?: string | null): string | null {
  return vin ? normalizeVin(vin) || null : null;
}

export function normalizePhone(phone?: string | null): string | null {
  return phone?.replace(/[^\d+]/g, '') || null;
}

/**
 * The keys of a complaint's subject, without the problem (compared in memory). `stored`: what a later
 * complaint may find it under; `lookup`: what it asks for. A complaint with a VIN looks for the VIN
 * and for complaints of the same phone that had no VIN; one without a VIN looks for anything of the
 * same phone. So two different vehicles of one customer never meet, and a complaint whose VIN was not
 * given is still compared with that customer's vehicles.
 */
export function repeatKeys(input: { vin?: string | null; phone?: string | null }): { stored: RepeatKey[]; lookup: RepeatKey[] } {
  const vin = vinOf(input.vin);
  const phone = normalizePhone(input.phone);
  const stored: RepeatKey[] = [];
  const lookup: RepeatKey[] = [];
  if (vin) {
    stored.push({ by: 'VIN', key: `vin|${vin}` });
    lookup.push({ by: 'VIN', key: `vin|${vin}` });
  }
  if (phone) {
    stored.push({ by: 'PHONE', key: `phone|${phone}` });
    if (!vin) stored.push({ by: 'PHONE', key: `phone-no-vin|${phone}` });
    lookup.push({ by: 'PHONE', key: vin ? `phone-no-vin|${phone}` : `phone|${phone}` });
  }
  return { stored, lookup };
}

const DAY_MS = 86_400_000;

/** The earliest receipt an earlier complaint may have to be repeated by one received at `receivedAt`. */
export function repeatWindowStart(receivedAt: Date, windowDays: number): Date {
  return new Date(receivedAt.getTime() - windowDays * DAY_MS);
}

export interface SameProblem {
  same: boolean;
  basis: RepeatBasis;
  similarity: number;
  sharedTerms: string[];
}

/**
 * Codes decide when both complaints have one (same code: same problem; different codes: not, however
 * alike the texts). Otherwise the texts decide: a similarity at or above the threshold, with at least
 * two shared terms (one shared word names a part, not a problem) unless one text has a single term.
 * The complaint type plays no part: it says which department, not which problem.
 */
export function sameProblem(a: ProblemSignature, b: ProblemSignature, threshold: number): SameProblem {
  const { similarity, sharedTerms } = textSimilarity(a, b);
  if (a.code && b.code) return { same: a.code === b.code, basis: 'CODE', similarity, sharedTerms };
  const smaller = Math.min(a.terms.length + a.contextTerms.length, b.terms.length + b.contextTerms.length);
  const enoughTerms = sharedTerms.length >= Math.min(2, smaller);
  return { same: smaller > 0 && enoughTerms && similarity >= threshold, basis: 'TEXT', similarity, sharedTerms };
}

/**
 * The most recent earlier complaint on the same subject and the same problem, received within the
 * window before `self` (itself excluded). A phone match counts only when one of the two has no VIN:
 * two vehicles are two subjects even for one customer. On a tie the VIN match wins (it names the
 * vehicle), then the more similar text.
 */
export function findRepeat(
  candidates: readonly { key: RepeatKey; entries: readonly RepeatEntry[] }[],
  self: { complaintId: string; receivedAt: Date; vin?: string | null; problem: ProblemSignature },
  rule: RepeatRule,
): RepeatMatch | null {
  const from = repeatWindowStart(self.receivedAt, rule.windowDays).getTime();
  const selfVin = vinOf(self.vin);
  let best: { key: RepeatKey; entry: RepeatEntry; match: SameProblem } | null = null;
  const better = (key: RepeatKey, entry: RepeatEntry, match: SameProblem) => {
    if (!best) return true;
    const t = entry.receivedAt.getTime();
    const bt = best.entry.receivedAt.getTime();
    if (t !== bt) return t > bt;
    if (key.by !== best.key.by) return key.by === 'VIN';
    return match.similarity > best.match.similarity;
  };
  for (const { key, entries } of candidates) {
    for (const entry of entries) {
      const t = entry.receivedAt.getTime();
      if (entry.complaintId === self.complaintId || t < from || t > self.receivedAt.getTime()) continue;
      const entryVin = vinOf(entry.vin);
      if (key.by === 'VIN' ? entryVin !== selfVin : selfVin !== null && entryVin !== null) continue;
      const match = sameProblem(self.problem, entry.problem, rule.threshold);
      if (match.same && better(key, entry, match)) best = { key, entry, match };
    }
  }
  if (!best) return null;
  const { key, entry, match } = best as { key: RepeatKey; entry: RepeatEntry; match: SameProblem };
  const days = Math.floor((self.receivedAt.getTime() - entry.receivedAt.getTime()) / DAY_MS);
  const subject = key.by === 'VIN' ? `same VIN ${selfVin}` : `same customer phone ${key.key.split('|')[1]} (no VIN on ${selfVin ? 'the earlier complaint' : 'this complaint'})`;
  const terms = match.sharedTerms.length ? match.sharedTerms.join(', ') : 'none';
  const problem =
    match.basis === 'CODE'
      ? `same problem code ${self.problem.code} (text similarity ${match.similarity.toFixed(2)}, shared terms: ${terms})`
      : `same problem by text similarity ${match.similarity.toFixed(2)} >= ${rule.threshold} (shared terms: ${terms})`;
  return {
    complaintId: entry.complaintId,
    number: entry.number,
    receivedAt: entry.receivedAt,
    by: key.by,
    key: key.key,
    basis: match.basis,
    problemCode: match.basis === 'CODE' ? self.problem.code : null,
    similarity: match.similarity,
    threshold: rule.threshold,
    sharedTerms: match.sharedTerms,
    problemKey: match.basis === 'CODE' ? `CODE:${self.problem.code}` : 'TEXT',
    reason: `${subject} and ${problem} as complaint ${entry.number} ${days} day(s) earlier (window ${rule.windowDays} days)`,
  };
}
