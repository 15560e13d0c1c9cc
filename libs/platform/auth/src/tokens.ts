import { createRemoteJWKSet, decodeProtectedHeader, errors as joseErrors, jwtVerify, type JWTVerifyGetKey, type JWTVerifyResult } from 'jose';
import { LRUCache } from 'lru-cache';
import { UnauthenticatedError } from '@aftersales/platform-core';
import { rolesOf, type Principal } from './principal';

export interface JwtSettings {
  secret: string;
  issuer: string;
  audience: string;
  /**
   * The identity provider's JSON Web Key Set. When set, RS256 and ES256 tokens signed by one of its
   * keys are accepted besides HS256 tokens signed with the secret.
   */
  jwksUrl?: string;
  /** How long the key set is cached and how often it may be refetched; see JWKS_DEFAULTS. */
  jwks?: Partial<JwksTiming>;
}

export interface JwksTiming {
  /** The key set is refetched at least this often, so a key the provider withdrew stops being trusted. */
  cacheMaxAgeMs: number;
  /** After a fetch, a token with an unknown `kid` causes no new fetch for this long. */
  cooldownMs: number;
  /** A fetch that takes longer fails (and the token is refused). */
  timeoutMs: number;
}

/**
 * Ten minutes bounds how long a withdrawn key is still trusted. Thirty seconds of cooldown means a
 * flood of tokens with made-up `kid`s costs the provider at most two fetches a minute per process,
 * while a key the provider starts signing with is picked up by the first token that carries it (or
 * at most 30 s later, if the set was fetched just before).
 */
export const JWKS_DEFAULTS: JwksTiming = { cacheMaxAgeMs: 10 * 60_000, cooldownMs: 30_000, timeoutMs: 5_000 };

/** The algorithms a key of the provider's set may sign with; HS256 is only ever checked against the secret. */
export const JWKS_ALGORITHMS = ['RS256', 'ES256'] as const;

const encoder = new TextEncoder();

interface Claims {
  sub?: string;
  name?: string;
  roles?: unknown;
  centers?: unknown;
  regions?: unknown;
}

type RemoteKeys = ReturnType<typeof createRemoteJWKSet>;

/** One key set per URL and timing for the whole process: its cache is what makes rotation cheap. */
const keySets = new Map<string, RemoteKeys>();

function remoteKeys(url: string, timing: Partial<JwksTiming> | undefined): RemoteKeys {
  const t = { ...JWKS_DEFAULTS, ...timing };
  const cacheKey = `${url} ${t.cacheMaxAgeMs} ${t.cooldownMs} ${t.timeoutMs}`;
  let keys = keySets.get(cacheKey);
  if (!keys) {
    keys = createRemoteJWKSet(new URL(url), { cacheMaxAge: t.cacheMaxAgeMs, cooldownDuration: t.cooldownMs, timeoutDuration: t.timeoutMs });
    keySets.set(cacheKey, keys);
  }
  return keys;
}

/**
 * The header's `alg` picks the key, never the other way round: an HS256 token is checked only against
 * the secret (so one "signed" with a public key of the set fails), an RS256/ES256 token only against
 * the provider's set, and anything else (`none`, or RS256 with no JWT_JWKS_URL) is refused unread.
 */
export async function verifyToken(token: string, settings: JwtSettings): Promise<Principal> {
  const key = `${settings.issuer}\n${settings.audience}\n${settings.secret}\n${settings.jwksUrl ?? ''}\n${token}`;
  const known = verified.get(key);
  if (known && (known.kid === undefined || stillPublished(settings, known.kid))) return known.principal;
  const fresh = await verifyAnew(token, settings);
  const ttl = Math.min(VERIFIED_TTL_MS, fresh.keyMaxAgeMs, fresh.expiresAt - Date.now());
  if (ttl > 0 && fresh.kid !== null) verified.set(key, { principal: fresh.principal, kid: fresh.kid }, { ttl });
  return fresh.principal;
}

/**
 * Every hop checks the caller's token again (the gateway, then each subgraph it asks), and a client
 * sends the same token with every request: a signature checked once is trusted until the token
 * expires, for a minute at most. A provider-signed token is trusted no longer than its key set is
 * cached and only while its key is still in the set last fetched, so a key the identity provider
 * withdraws stops working exactly when it would without this cache. Refusals are never remembered.
 * A principal is shared between requests: read-only.
 */
const VERIFIED_TTL_MS = 60_000;
const verified = new LRUCache<string, { principal: Principal; kid?: string }>({ max: 10_000, ttl: VERIFIED_TTL_MS });

function stillPublished(settings: JwtSettings, kid: string): boolean {
  return Boolean(settings.jwksUrl && remoteKeys(settings.jwksUrl, settings.jwks).jwks()?.keys.some((k) => k.kid === kid));
}

/** `kid`: undefined for a token signed with the secret, null for a provider's token without one (not remembered). */
async function verifyAnew(token: string, settings: JwtSettings): Promise<{ principal: Principal; expiresAt: number; keyMaxAgeMs: number; kid?: string | null }> {
  let alg: unknown;
  try {
    alg = decodeProtectedHeader(token).alg;
  } catch {
    throw new UnauthenticatedError('Invalid token');
  }
  let result: JWTVerifyResult;
  const expected = { issuer: settings.issuer, audience: settings.audience };
  try {
    if (alg === 'HS256') {
      result = await jwtVerify(token, encoder.encode(settings.secret), { ...expected, algorithms: ['HS256'] });
    } else if (settings.jwksUrl && (JWKS_ALGORITHMS as readonly unknown[]).includes(alg)) {
      result = await jwtVerify(token, providerKey(remoteKeys(settings.jwksUrl, settings.jwks)), { ...expected, algorithms: [...JWKS_ALGORITHMS] });
    } else {
      const accepted = settings.jwksUrl ? ['HS256', ...JWKS_ALGORITHMS] : ['HS256'];
      throw new UnauthenticatedError(`Token algorithm not accepted (accepted: ${accepted.join(', ')})`);
    }
  } catch (e) {
    if (e instanceof UnauthenticatedError) throw e;
    if (e instanceof joseErrors.JWTExpired) throw new UnauthenticatedError('Token expired');
    if (e instanceof joseErrors.JWKSNoMatchingKey) throw new UnauthenticatedError('Token signed with a key the identity provider does not publish');
    throw new UnauthenticatedError('Invalid token');
  }
  const exp = result.payload.exp;
  return {
    principal: principalOf(result.payload as Claims),
    expiresAt: typeof exp === 'number' ? exp * 1000 : Date.now() + VERIFIED_TTL_MS,
    keyMaxAgeMs: alg === 'HS256' ? VERIFIED_TTL_MS : { ...JWKS_DEFAULTS, ...settings.jwks }.cacheMaxAgeMs,
    kid: alg === 'HS256' ? undefined : (result.protectedHeader.kid ?? null),
  };
}

/**
 * The provider's key for a token, or a refusal that says the keys could not be fetched (refused
 * connection, timeout, non-200 answer, not a key set) rather than that the token is bad.
 */
function providerKey(keys: RemoteKeys): JWTVerifyGetKey {
  return async (header, input) => {
    try {
      return await keys(header, input);
    } catch (e) {
      const unavailable =
        !(e instanceof joseErrors.JOSEError) ||
        e instanceof joseErrors.JWKSTimeout ||
        e instanceof joseErrors.JWKSInvalid ||
        (e.code === 'ERR_JOSE_GENERIC' && /JSON Web Key Set/.test(e.message));
      if (unavailable) throw new UnauthenticatedError('Could not get the identity provider keys to check the token');
      throw e;
    }
  };
}

function principalOf(claims: Claims): Principal {
  const roles = rolesOf(stringArray(claims.roles));
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
