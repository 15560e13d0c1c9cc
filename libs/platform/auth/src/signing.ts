import { SignJWT } from 'jose';
import type { Principal } from './principal';
import type { JwtSettings } from './tokens';

// Apart from verification (which needs platform-core's errors and so Nest): a test suite or tool that only
// mints tokens imports `@aftersales/platform-auth/signing` and loads jose alone.

const encoder = new TextEncoder();

/** Mints a token (dev tooling, tests, the demo). Production tokens come from the identity provider with the same claims. */
export async function signToken(
  principal: Principal,
  settings: JwtSettings,
  expiresIn: string | number = '12h',
): Promise<string> {
  return new SignJWT({ name: principal.name, roles: principal.roles, centers: principal.serviceCenterIds, regions: principal.regionIds })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(principal.subject)
    .setIssuer(settings.issuer)
    .setAudience(settings.audience)
    .setIssuedAt()
    .setExpirationTime(expiresIn)
    .sign(encoder.encode(settings.secret));
}
