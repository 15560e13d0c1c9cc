/** A broken rule on one input field (reported as BAD_USER_INPUT issues by the service). */
export interface WarrantyIssue {
  field: string;
  rule: string;
  message: string;
}

export const WARRANTY_KINDS = ['BASIC', 'EXTENDED', 'REGIONAL'] as const;
export type WarrantyKind = (typeof WARRANTY_KINDS)[number];

/** In a list of part groups or labor operations: every one. */
export const ALL = 'ALL';

export interface WarrantyExclusions {
  /** Part-number prefixes never covered (e.g. wear parts `P-PAD`). */
  partGroups: string[];
  /** Labor operation codes never covered. */
  laborOperations: string[];
  /** Repair-order fault codes never covered (e.g. accident damage). */
  faultCodes: string[];
}

/** What a policy promises; a new version of a policy is a new set of terms. */
export interface WarrantyTerms {
  kind: WarrantyKind;
  name: string;
  /** Months from the sale date (see `lastCoveredDate`). */
  months: number;
  /** Kilometres driven since the sale, inclusive: exactly the limit is covered, one more is not. */
  kilometres: number;
  /**
   * Part groups covered: a part is in a group when its part number starts with the group's code
   * (`P-BRK` covers `P-BRK-PAD-01`); `ALL` covers every part.
   */
  partGroups: string[];
  /** Labor operation codes covered exactly as written on the item; `ALL` covers every operation. */
  laborOperations: string[];
  /** Regions (the network's region ids) of the servicing center where a REGIONAL policy applies; empty for the others. */
  regionIds: string[];
  exclusions: WarrantyExclusions;
}

export interface WarrantyPolicyView extends WarrantyTerms {
  id: string;
  version: number;
  active: boolean;
}

const CODE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/;

/** Codes compare case-insensitively: stored upper-case. */
export function normalizeCode(code: string): string {
  return code.trim().toUpperCase();
}

function codeListIssues(field: string, list: readonly string[], required: boolean): WarrantyIssue[] {
  const issues: WarrantyIssue[] = [];
  if (required && list.length === 0) issues.push({ field, rule: 'notEmpty', message: `must name at least one code, or ${ALL}` });
  list.forEach((c, i) => {
    if (!CODE.test(c)) issues.push({ field: `${field}[${i}]`, rule: 'code', message: 'must be 1-40 letters, digits, dot, dash or underscore' });
  });
  if (list.length > 1 && list.some((c) => normalizeCode(c) === ALL)) issues.push({ field, rule: 'allAlone', message: `${ALL} covers everything: list it alone` });
  if (new Set(list.map(normalizeCode)).size !== list.length) issues.push({ field, rule: 'unique', message: 'lists a code twice' });
  return issues;
}

/** Every broken rule of a policy's terms at once. */
export function policyIssues(t: WarrantyTerms): WarrantyIssue[] {
  const issues: WarrantyIssue[] = [];
  if (!Number.isInteger(t.months) || t.months < 1 || t.months > 240) issues.push({ field: 'months', rule: 'range', message: 'must be a whole number of months from 1 to 240' });
  if (!Number.isInteger(t.kilometres) || t.kilometres < 1 || t.kilometres > 2_000_000) issues.push({ field: 'kilometres', rule: 'range', message: 'must be a whole number of km from 1 to 2,000,000' });
  issues.push(...codeListIssues('partGroups', t.partGroups, false), ...codeListIssues('laborOperations', t.laborOperations, false));
  if (t.partGroups.length === 0 && t.laborOperations.length === 0) {
    issues.push({ field: 'partGroups', rule: 'coversSomething', message: 'a policy must cover at least one part group or labor operation' });
  }
  if (t.kind === 'REGIONAL' && t.regionIds.length === 0) issues.push({ field: 'regionIds', rule: 'regionalNeedsRegions', message: 'a REGIONAL policy names the regions where it applies' });
  if (t.kind !== 'REGIONAL' && t.regionIds.length > 0) issues.push({ field: 'regionIds', rule: 'onlyRegional', message: `only a REGIONAL policy is limited to regions; a ${t.kind} one applies everywhere` });
  issues.push(
    ...codeListIssues('exclusions.partGroups', t.exclusions.partGroups, false),
    ...codeListIssues('exclusions.laborOperations', t.exclusions.laborOperations, false),
    ...codeListIssues('exclusions.faultCodes', t.exclusions.faultCodes, false),
  );
  return issues;
}

/** Terms as stored: codes upper-case, lists sorted, so two writes of the same terms compare equal. */
export function normalizeTerms(t: WarrantyTerms): WarrantyTerms {
  const list = (l: readonly string[]) => [...new Set(l.map(normalizeCode))].sort();
  return {
    kind: t.kind,
    name: t.name.trim(),
    months: t.months,
    kilometres: t.kilometres,
    partGroups: list(t.partGroups),
    laborOperations: list(t.laborOperations),
    regionIds: [...new Set(t.regionIds)].sort(),
    exclusions: { partGroups: list(t.exclusions.partGroups), laborOperations: list(t.exclusions.laborOperations), faultCodes: list(t.exclusions.faultCodes) },
  };
}

export function sameTerms(a: WarrantyTerms, b: WarrantyTerms): boolean {
  return JSON.stringify(normalizeTerms(a)) === JSON.stringify(normalizeTerms(b));
}
