import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Survey link tokens: `<invitation id, base64url>.<192-bit secret>`. The id part lets the answer be
 * found with one `_id` lookup; only the SHA-256 of the secret is stored, so a database leak does not
 * leak answerable links.
 */
export interface IssuedToken {
  token: string;
  secretHash: string;
}

export function issueToken(invitationId: string, secret: Buffer = randomBytes(24)): IssuedToken {
  const s = secret.toString('base64url');
  return { token: `${Buffer.from(invitationId, 'utf8').toString('base64url')}.${s}`, secretHash: sha256(s) };
}

/** The invitation id and secret of a token, or null when it is not shaped like one. */
export function parseToken(token: string): { invitationId: string; secret: string } | null {
  const m = /^([A-Za-z0-9_-]{4,200})\.([A-Za-z0-9_-]{32})$/.exec(token);
  if (!m) return null;
  const invitationId = Buffer.from(m[1], 'base64url').toString('utf8');
  return invitationId ? { invitationId, secret: m[2] } : null;
}

export function secretMatches(secret: string, secretHash: string): boolean {
  const a = Buffer.from(sha256(secret), 'hex');
  const b = Buffer.from(secretHash, 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}

function sha256(s: string): string {
  return createHash('sha256').update(s).digest('hex');
}

/**
 * A UUID v4-shaped id derived from a name: an event emitted again for the same fact (a scanner
 * retried, two instances raced) carries the same id, so consumers' dedupe drops the copy.
 */
export function deterministicUuid(name: string): string {
  const h = createHash('sha256').update(name).digest();
  h[6] = (h[6] & 0x0f) | 0x40;
  h[8] = (h[8] & 0x3f) | 0x80;
  const hex = h.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}
