import { DEFAULT_POLICY_VALUES, isPolicyPath, POLICY_PATHS, type PolicyPath, type PolicyValues } from './fields';

/** Most general first: a center's value beats its region's, which beats the brand's, which beats the seed. */
export const POLICY_LEVELS = ['BRAND', 'REGION', 'CENTER'] as const;
export type PolicyLevel = (typeof POLICY_LEVELS)[number];

/**
 * The deployment is one brand (centers carry no brand, see docs/adr/0003-policies-per-brand-region-center.md): the brand
 * level has this one scope id.
 */
export const BRAND_SCOPE_ID = 'brand';

/** One version of one level's own values (the values it sets; the rest it inherits). */
export interface PolicyVersion {
  level: PolicyLevel;
  scopeId: string;
  version: number;
  effectiveFrom: Date;
  values: Readonly<Partial<Record<PolicyPath, number>>>;
}

export interface PolicySource {
  /** `SEED` for a value no level sets. */
  level: PolicyLevel | 'SEED';
  scopeId: string | null;
  version: number | null;
  effectiveFrom: Date | null;
}

export interface ResolvedPolicy {
  values: PolicyValues;
  sources: Record<PolicyPath, PolicySource>;
  /** The versions in force, as one id an object records (`policyVersionId`). */
  versionId: string;
  /** Those versions, most general first. */
  versions: PolicyVersion[];
}

export interface PolicyTarget {
  regionId: string | null;
  /** Null for a region as a whole (a region's figures): the brand's and the region's values only. */
  centerId: string | null;
}

const SEED_SOURCE: PolicySource = Object.freeze({ level: 'SEED', scopeId: null, version: null, effectiveFrom: null });

/**
 * The version of a level in force at `at`: the latest effectiveFrom that is not after `at` (a later
 * version number wins a tie). Null when none has started yet.
 */
export function versionInForce(versions: readonly PolicyVersion[], at: Date): PolicyVersion | null {
  let best: PolicyVersion | null = null;
  for (const v of versions) {
    if (v.effectiveFrom.getTime() > at.getTime()) continue;
    if (!best || v.effectiveFrom > best.effectiveFrom || (v.effectiveFrom.getTime() === best.effectiveFrom.getTime() && v.version > best.version)) best = v;
  }
  return best;
}

function scopeOf(level: PolicyLevel, target: PolicyTarget): string | null {
  return level === 'BRAND' ? BRAND_SCOPE_ID : level === 'REGION' ? target.regionId : target.centerId;
}

/**
 * The effective values for a center at `at`, from any versions (those of other scopes are ignored):
 * per level the version in force, then per value the most specific level that sets it.
 */
export function resolvePolicy(versions: readonly PolicyVersion[], target: PolicyTarget, at: Date): ResolvedPolicy {
  return policyResolver(versions, at)(target);
}

/**
 * resolvePolicy for many targets over the same versions and instant (a KPI batch of the whole network):
 * the versions are indexed by level and scope once, and targets with the same versions in force (the
 * centers of a region without versions of their own) share one resolution, which callers must not change.
 */
export function policyResolver(versions: readonly PolicyVersion[], at: Date): (target: PolicyTarget) => ResolvedPolicy {
  const byScope = new Map<string, PolicyVersion[]>();
  for (const v of versions) {
    const key = `${v.level}|${v.scopeId}`;
    const list = byScope.get(key);
    if (list) list.push(v);
    else byScope.set(key, [v]);
  }
  const inForce = new Map<string, PolicyVersion | null>();
  const inForceAt = (level: PolicyLevel, scopeId: string | null): PolicyVersion | null => {
    if (scopeId === null) return null;
    const key = `${level}|${scopeId}`;
    if (!inForce.has(key)) inForce.set(key, versionInForce(byScope.get(key) ?? [], at));
    return inForce.get(key)!;
  };
  const resolved = new Map<string, ResolvedPolicy>();
  return (target) => {
    const versionsInForce = POLICY_LEVELS.flatMap((level) => {
      const v = inForceAt(level, scopeOf(level, target));
      return v ? [v] : [];
    });
    const key = policyVersionId(versionsInForce);
    let policy = resolved.get(key);
    if (!policy) resolved.set(key, (policy = combine(versionsInForce)));
    return policy;
  };
}

/** The values of exactly these versions (one per level at most), most specific winning per value. */
export function combine(inForce: readonly PolicyVersion[]): ResolvedPolicy {
  const ordered = [...inForce].sort((a, b) => POLICY_LEVELS.indexOf(a.level) - POLICY_LEVELS.indexOf(b.level));
  const values = { ...DEFAULT_POLICY_VALUES } as PolicyValues;
  const sources = Object.fromEntries(POLICY_PATHS.map((p) => [p, SEED_SOURCE])) as Record<PolicyPath, PolicySource>;
  for (const v of ordered) {
    for (const [path, value] of Object.entries(v.values)) {
      if (!isPolicyPath(path) || value === undefined) continue;
      values[path] = value;
      sources[path] = { level: v.level, scopeId: v.scopeId, version: v.version, effectiveFrom: v.effectiveFrom };
    }
  }
  return { values, sources, versionId: policyVersionId(ordered), versions: ordered };
}

export interface VersionRef {
  level: PolicyLevel;
  scopeId: string;
  version: number;
}

/** One version's id, `REGION:rg-las@1`: the owner's and every read model's document `_id`, and a part of a policy version id. */
export function versionRefId(v: VersionRef): string {
  return `${v.level}:${v.scopeId}@${v.version}`;
}

/**
 * `BRAND:brand@2|REGION:rg-las@1|CENTER:sc-br-0001@3`, or `SEED` when no level has a version in
 * force: which versions an object was created under, enough to read its values again later.
 */
export function policyVersionId(versions: readonly VersionRef[]): string {
  return versions.length ? versions.map(versionRefId).join('|') : 'SEED';
}

export function parsePolicyVersionId(id: string): VersionRef[] | null {
  if (id === 'SEED') return [];
  const refs: VersionRef[] = [];
  for (const part of id.split('|')) {
    const m = /^(BRAND|REGION|CENTER):(.+)@(\d+)$/.exec(part);
    if (!m) return null;
    refs.push({ level: m[1] as PolicyLevel, scopeId: m[2]!, version: Number(m[3]) });
  }
  return refs;
}

/** A version as stored and published (values as a list: a path holds dots, so it cannot be a document key); unknown paths are dropped. */
export interface StoredPolicyVersion {
  level: PolicyLevel;
  scopeId: string;
  version: number;
  effectiveFrom: Date | string;
  values: readonly { path: string; value: number }[];
}

export function toPolicyVersion(d: StoredPolicyVersion): PolicyVersion {
  return {
    level: d.level,
    scopeId: d.scopeId,
    version: d.version,
    effectiveFrom: new Date(d.effectiveFrom),
    values: Object.fromEntries(d.values.filter((v) => isPolicyPath(v.path)).map((v) => [v.path, v.value])),
  };
}
