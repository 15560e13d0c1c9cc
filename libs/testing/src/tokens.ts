import type { LegacyRole, Principal, Role } from '@aftersales/platform-auth';
import { signToken } from '@aftersales/platform-auth/signing';
import { TEST_JWT } from './infra';

export interface TokenSpec {
  /** A legacy role is minted as the claim older tokens carry; verification maps it (see LEGACY_ROLES). */
  role: Role | LegacyRole;
  centers?: string[];
  regions?: string[];
  subject?: string;
  expiresIn?: string | number;
}

/** A signed token for a test caller; `expiresIn: -60` mints an already expired one. */
export function tokenFor(spec: TokenSpec, secret: string = TEST_JWT.secret): Promise<string> {
  const principal: Principal = {
    subject: spec.subject ?? `${spec.role.toLowerCase()}-user`,
    roles: [spec.role as Role],
    serviceCenterIds: spec.centers ?? [],
    regionIds: spec.regions ?? [],
  };
  const expiresIn = typeof spec.expiresIn === 'number' ? Math.floor(Date.now() / 1000) + spec.expiresIn : (spec.expiresIn ?? '1h');
  return signToken(principal, { ...TEST_JWT, secret }, expiresIn);
}
