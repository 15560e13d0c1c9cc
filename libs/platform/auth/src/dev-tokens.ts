import type { FieldIssue } from '@aftersales/platform-core';
import { LEGACY_ROLES, ROLES, type Role } from './principal';
import { signToken } from './signing';
import type { JwtSettings } from './tokens';

/** What a local demo caller asks for: `npm run token` and the gateway's `POST /dev/token` read the same. */
export interface DevTokenRequest {
  roles: string[];
  centers?: string[];
  regions?: string[];
  subject?: string;
  expiresIn?: string | number;
}

/** Ids as the network writes them (`sc-cn-0002`, `rg-chn`, `st-cn-0001-11`): no spaces, quotes or slashes. */
const ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,79}$/;

/**
 * Why a demo token cannot be minted, field by field: an unknown role, a DEALER without a center (it
 * would see nothing), a malformed id. Empty when it can.
 */
export function devTokenIssues(req: DevTokenRequest): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const known = (r: string) => (ROLES as readonly string[]).includes(r) || r in LEGACY_ROLES;
  if (!req.roles.length) issues.push({ field: 'role', rule: 'required', message: `a role is required (one of ${ROLES.join(', ')})` });
  for (const r of req.roles.filter((r) => !known(r))) {
    issues.push({ field: 'role', rule: 'oneOf', message: `unknown role ${JSON.stringify(r)} (roles: ${ROLES.join(', ')})` });
  }
  if (req.roles.includes('DEALER') && !req.centers?.length) {
    issues.push({ field: 'center', rule: 'requiredForDealer', message: 'a DEALER token needs a service center' });
  }
  for (const [field, ids] of [['center', req.centers ?? []], ['region', req.regions ?? []]] as const) {
    for (const id of ids.filter((id) => !ID.test(id))) issues.push({ field, rule: 'id', message: `${JSON.stringify(id)} is not a well-formed id` });
  }
  if (req.subject !== undefined && !ID.test(req.subject)) {
    issues.push({ field: 'subject', rule: 'id', message: `${JSON.stringify(req.subject)} is not a well-formed id` });
  }
  return issues;
}

/** An HS256 token for a request `devTokenIssues` accepts, signed with the local system's secret. */
export function mintDevToken(req: DevTokenRequest, settings: JwtSettings): Promise<string> {
  const centers = req.centers ?? [];
  const regions = req.regions ?? [];
  return signToken(
    {
      subject: req.subject ?? `${req.roles[0].toLowerCase()}-${[...centers, ...regions, 'network'][0]}`,
      roles: req.roles as Role[],
      serviceCenterIds: centers,
      regionIds: regions,
    },
    settings,
    req.expiresIn ?? '12h',
  );
}
