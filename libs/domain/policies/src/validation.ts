import { isPolicyPath, POLICY_FIELDS, POLICY_GROUPS, type PolicyField, type PolicyPath } from './fields';

export interface PolicyIssue {
  /** The input's field path, e.g. `values[2].value`. */
  field: string;
  rule: string;
  message: string;
}

/** One value of a change: a number sets it at the level, null removes the level's own value (it inherits again). */
export interface PolicyValueChange {
  path: string;
  value: number | null;
}

function ruleIssue(def: PolicyField, path: string, value: number): { rule: string; message: string } | null {
  for (const rule of def.rules) {
    switch (rule) {
      case 'number':
        if (!Number.isFinite(value)) return { rule, message: `${path} must be a finite number` };
        break;
      case 'positive':
        if (!(value > 0)) return { rule, message: `${path} must be greater than 0 (${def.unit}); a deadline cannot be zero or negative` };
        break;
      case 'nonNegative':
        if (!(value >= 0)) return { rule, message: `${path} cannot be negative (${def.unit})` };
        break;
      case 'wholeNumber':
        if (!Number.isInteger(value)) return { rule, message: `${path} must be a whole number of ${def.unit}` };
        break;
      case 'atLeastOne':
        if (!(value >= 1)) return { rule, message: `${path} is a minimum and must be at least 1` };
        break;
      case 'fraction':
        if (!(value > 0 && value < 1)) return { rule, message: `${path} must be between 0 and 1 (exclusive)` };
        break;
      case 'share':
        if (!(value >= 0 && value <= 1)) return { rule, message: `${path} must be between 0 and 1` };
        break;
    }
  }
  return null;
}

/**
 * Every reason a change cannot be stored, each naming the input field (`<prefix>[i].path` or
 * `.value`) and the rule. Empty: the change is valid.
 */
export function policyChangeIssues(changes: readonly PolicyValueChange[], prefix = 'values'): PolicyIssue[] {
  const issues: PolicyIssue[] = [];
  if (!changes.length) issues.push({ field: prefix, rule: 'notEmpty', message: 'a policy change must set or remove at least one value' });
  const seen = new Map<string, number>();
  changes.forEach((c, i) => {
    const at = `${prefix}[${i}]`;
    if (!isPolicyPath(c.path)) {
      issues.push({ field: `${at}.path`, rule: 'known', message: `${c.path} is not a policy value (see the policy query for the list)` });
      return;
    }
    if (seen.has(c.path)) {
      issues.push({ field: `${at}.path`, rule: 'unique', message: `${c.path} is already given at ${prefix}[${seen.get(c.path)}]` });
      return;
    }
    seen.set(c.path, i);
    if (c.value === null) return;
    const issue = ruleIssue((POLICY_FIELDS as Record<string, PolicyField>)[c.path]!, c.path, c.value);
    if (issue) issues.push({ field: `${at}.value`, ...issue });
  });
  for (const group of POLICY_GROUPS) issues.push(...groupIssues(group, changes, seen, prefix));
  return issues;
}

/** A group is changed whole: every value given, all set or all removed, and the set ones keep the group's sum. */
function groupIssues(
  group: (typeof POLICY_GROUPS)[number],
  changes: readonly PolicyValueChange[],
  seen: ReadonlyMap<string, number>,
  prefix: string,
): PolicyIssue[] {
  const given = group.paths.filter((p) => seen.has(p));
  if (!given.length) return [];
  const missing = group.paths.filter((p) => !seen.has(p));
  if (missing.length) return [{ field: prefix, rule: 'wholeGroup', message: `${group.name}.* are changed together: also give ${missing.join(', ')}` }];
  const values = group.paths.map((p) => changes[seen.get(p)!]!.value);
  if (values.some((v) => v === null) && values.some((v) => v !== null)) {
    return [{ field: prefix, rule: 'wholeGroup', message: `${group.name}.* are set or removed together` }];
  }
  if (group.sum === undefined || values[0] === null) return [];
  const sum = (values as number[]).reduce((a, b) => a + b, 0);
  if (Math.abs(sum - group.sum) > 1e-9) return [{ field: prefix, rule: 'sumsTo', message: `${group.name}.* must sum to ${group.sum} (they sum to ${Number(sum.toFixed(6))})` }];
  return [];
}

/** The values a level holds after a change: its previous own values, the change's numbers set, its nulls removed. */
export function applyChange(previous: Readonly<Partial<Record<PolicyPath, number>>>, changes: readonly PolicyValueChange[]): Partial<Record<PolicyPath, number>> {
  const next: Partial<Record<PolicyPath, number>> = { ...previous };
  for (const c of changes) {
    if (!isPolicyPath(c.path)) continue;
    if (c.value === null) delete next[c.path];
    else next[c.path] = c.value;
  }
  return next;
}
