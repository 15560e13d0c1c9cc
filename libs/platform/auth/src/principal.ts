export const ROLES = [
  'HQ_ADMIN',
  'HQ_ANALYST',
  'REGION_MANAGER',
  'DEALER',
  'CALL_CENTER_AGENT',
  'QC_AGENT',
  'PARTS_PLANNER',
] as const;
export type Role = (typeof ROLES)[number];

/** Roles that see the whole network; everyone else is limited to their regions or centers. */
export const NETWORK_WIDE_ROLES: readonly Role[] = ['HQ_ADMIN', 'HQ_ANALYST', 'CALL_CENTER_AGENT', 'QC_AGENT', 'PARTS_PLANNER'];

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
