import { parseProviderSecrets, sign, verifySignature } from './signature';

const NOW = new Date('2026-12-05T10:00:00Z');
const ts = String(NOW.getTime() / 1000);
const body = Buffer.from('{"eventId":"e-1","kind":"CRASH"}');
const secret = 'onstar-secret';
const base = { secret, timestamp: ts, signature: sign(secret, ts, body), rawBody: body, now: NOW, windowSec: 300 };

describe('telematics webhook signature', () => {
  it('accepts a call signed with the provider secret over timestamp and raw body', () => {
    expect(verifySignature(base)).toBe('ok');
  });
  it('refuses a signature made with another secret, or over another body or timestamp', () => {
    expect(verifySignature({ ...base, signature: sign('other', ts, body) })).toBe('badSignature');
    expect(verifySignature({ ...base, rawBody: Buffer.from('{"eventId":"e-1","kind":"BREAKDOWN"}') })).toBe('badSignature');
    expect(verifySignature({ ...base, timestamp: String(Number(ts) + 1) })).toBe('badSignature');
    expect(verifySignature({ ...base, signature: 'sha256=zz' })).toBe('badSignature');
  });
  it('refuses a correctly signed call whose timestamp is outside the window (a late replay)', () => {
    const old = String(Number(ts) - 301);
    expect(verifySignature({ ...base, timestamp: old, signature: sign(secret, old, body) })).toBe('expired');
  });
  it('refuses unsigned calls and unknown providers', () => {
    expect(verifySignature({ ...base, signature: undefined })).toBe('missing');
    expect(verifySignature({ ...base, timestamp: undefined })).toBe('missing');
    expect(verifySignature({ ...base, secret: undefined })).toBe('unknownProvider');
  });
  it('reads provider secrets from the setting', () => {
    expect(parseProviderSecrets(' onstar:a:b , acme:c,broken,:x')).toEqual(new Map([['onstar', 'a:b'], ['acme', 'c']]));
  });
});
