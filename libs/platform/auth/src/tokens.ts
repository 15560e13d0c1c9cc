import { errors as joseErrors, jwtVerify, SignJWT } from 'jose';
import { UnauthenticatedError } from '@aftersales/platform-core';
import { ROLES, type Principal, type Role } from './principal';

export interface JwtSettings {
  secret: string;
  issuer: string;
  audience: string;
}

interface Claims {
  sub?: string;
  name?: string;
  roles?: unknown;
  centers?: unknown;
  regions?: unknown;
}

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

export async function verifyToken(token: string, settings: JwtSettings): Promise<Principal> {
  let claims: Claims;
  try {
    const result = await jwtVerify(token, encoder.encode(settings.secret), {
      issuer: settings.issuer,
      audience: settings.audience,
      algorithms: ['HS256'],
    });
    claims = result.payload as Claims;
  } catch (e) {
    if (e instanceof joseErrors.JWTExpired) throw new UnauthenticatedError('Token expired');
    throw new UnauthenticatedError('Invalid token');
  }
  const roles = stringArray(claims.roles).filter((r): r is Role => (ROLES as readonly string[]).includes(r));
  if (!claims.sub || roles.length === 0) throw new UnauthenticatedError('Token has no subject or no known role');
  return {
    subject: claims.sub,
    name: claims.name,
    roles,
    serviceCenterIds: stringArray(claims.centers),
    regionIds: stringArray(claims.regions),
  };
}

export function bearerToken(header: string | string[] | undefined): string | undefined {
  const value = Array.isArray(header) ? header[0] : header;
  const match = value?.match(/^Bearer\s+(\S+)$/i);
  return match?.[1];
}

function stringArray(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}
