export const ROLES = [
  'HQ_ADMIN',
  'HQ_ANALYST',
  'REGION_MANAGER',
  'DEALER',
  'INBOUND_AGENT',
  'OUTBOUND_AGENT',
  'QC_AGENT',
  'MANAGEMENT_AGENT',
  'PARTS_PLANNER',
] as const;
export type Role = (typeof ROLES)[number];

/**
 * The call center's four posts (seed 002, chapter II): inbound agents answer the hotline, outbound
 * agents make the follow-up, survey, care and campaign calls, quality-control agents score them,
 * management agents run the center. Each is a network staff post with its own qualification, which
 * the calls service checks against the caller (the token's `sub` is the staff member's id).
 */
export const CALL_CENTER_ROLES = ['INBOUND_AGENT', 'OUTBOUND_AGENT', 'QC_AGENT', 'MANAGEMENT_AGENT'] as const satisfies readonly Role[];

/**
 * Role claims of older tokens and what they mean now. The single `CALL_CENTER_AGENT` role of before
 * the split did the telephone work of both directions, so it stands for the inbound and the outbound
 * post (never QC or management); tokens minted before the split keep working.
 */
export const LEGACY_ROLES = { CALL_CENTER_AGENT: ['INBOUND_AGENT', 'OUTBOUND_AGENT'] } as const satisfies Record<string, readonly Role[]>;
export type LegacyRole = keyof typeof LEGACY_ROLES;

/** A token's `roles` claim as roles: known ones kept, legacy ones replaced by what they stand for, others dropped. */
export function rolesOf(claim: readonly string[]): Role[] {
  const roles = claim.flatMap((r) => ((ROLES as readonly string[]).includes(r) ? [r as Role] : ((LEGACY_ROLES as Record<string, readonly Role[]>)[r] ?? [])));
  return [...new Set(roles)];
}

/** Roles that see the whole network; everyone else is limited to their regions or centers. */
export const NETWORK_WIDE_ROLES: readonly Role[] = ['HQ_ADMIN', 'HQ_ANALYST', ...CALL_CENTER_ROLES, 'PARTS_PLANNER'];

export interface Principal {
  subject: string;
  name?: string;
  roles: Role[];
  serviceCenterIds: string[];
  regionIds: string[];
}

export type ScopeKind = 'network' | 'regions' | 'centers';

export function scopeKindOf(p: Principal): ScopeKind {
  if (p.roles.some((r) => NETWORK_WIDE_ROLES.includes(r))) return 'network';
  if (p.roles.includes('REGION_MANAGER')) return 'regions';
  return 'centers';
}

export function hasRole(p: Principal, ...roles: Role[]): boolean {
  return p.roles.some((r) => roles.includes(r));
}
