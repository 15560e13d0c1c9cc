import { createHmac, timingSafeEqual } from 'node:crypto';
import { withinReplayWindow } from '@aftersales/domain-calls';

export const SIGNATURE_HEADER = 'x-telematics-signature';
export const TIMESTAMP_HEADER = 'x-telematics-timestamp';

/** `sha256=<hex>` of HMAC-SHA256(secret, `${timestamp}.${rawBody}`): the timestamp is signed so it cannot be moved. */
export function sign(secret: string, timestamp: string, rawBody: Buffer | string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.`).update(rawBody).digest('hex')}`;
}

export type SignatureVerdict = 'ok' | 'unknownProvider' | 'missing' | 'badSignature' | 'expired';

/**
 * Checks a provider's signed call. The comparison is constant-time so the signature cannot be guessed
 * byte by byte; the timestamp must fall in the window so a captured call cannot be sent again later
 * (within the window the event id, unique per provider, refuses it).
 */
export function verifySignature(args: {
  secret: string | undefined;
  timestamp: string | undefined;
  signature: string | undefined;
  rawBody: Buffer | undefined;
  now: Date;
  windowSec: number;
}): SignatureVerdict {
  if (!args.secret) return 'unknownProvider';
  if (!args.timestamp || !args.signature || !args.rawBody) return 'missing';
  const expected = Buffer.from(sign(args.secret, args.timestamp, args.rawBody), 'utf8');
  const given = Buffer.from(args.signature, 'utf8');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return 'badSignature';
  if (!/^\d{1,12}$/.test(args.timestamp) || !withinReplayWindow(Number(args.timestamp), args.now, args.windowSec)) return 'expired';
  return 'ok';
}

/** `onstar:s3cret,acme:other` → provider → secret. */
export function parseProviderSecrets(spec: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const part of spec.split(',').map((s) => s.trim()).filter(Boolean)) {
    const at = part.indexOf(':');
    if (at > 0 && at < part.length - 1) map.set(part.slice(0, at).trim(), part.slice(at + 1).trim());
  }
  return map;
}
