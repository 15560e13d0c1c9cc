import { exportSPKI, importJWK, SignJWT, type KeyLike } from 'jose';
import { signToken, verifyToken, type JwtSettings } from '@aftersales/platform-auth';
import { TestIdentityProvider } from './identity-provider';
import { TEST_JWT } from './infra';
import { tokenFor } from './tokens';

// Loaded as app-factory loads it (on use), which the module-boundary rule requires of the whole library.
const { UnauthenticatedError } = await import('@aftersales/platform-core');

// platform-auth's verifyToken against the test identity provider: it lives here because a platform
// library's tests may not depend on the testing library (tools/lint/eslint.config.mjs).

const hs256: JwtSettings = { ...TEST_JWT };
const dealer = { role: 'DEALER' as const, subject: 'dealer-7', centers: ['sc-cn-0002', 'sc-cn-0003'], regions: ['rg-chn'] };
const expectedDealer = { subject: 'dealer-7', roles: ['DEALER'], serviceCenterIds: ['sc-cn-0002', 'sc-cn-0003'], regionIds: ['rg-chn'] };

function base64url(value: object): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

async function refusal(token: string, settings: JwtSettings): Promise<string> {
  const error = await verifyToken(token, settings).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(UnauthenticatedError);
  return (error as Error).message;
}

describe('verifyToken with the identity provider key set (JWT_JWKS_URL)', () => {
  const providers: TestIdentityProvider[] = [];
  async function provider(): Promise<TestIdentityProvider> {
    const p = await TestIdentityProvider.start();
    providers.push(p);
    return p;
  }
  afterAll(() => Promise.all(providers.map((p) => p.stop())));

  it('reads the same principal from an RS256, an ES256 and an HS256 token', async () => {
    const idp = await provider();
    const rsa = await idp.createKey('RS256');
    const ec = await idp.createKey('ES256');
    const settings = { ...hs256, jwksUrl: idp.jwksUrl };
    expect(await verifyToken(await idp.sign({ ...dealer, kid: rsa }), settings)).toEqual(expectedDealer);
    expect(await verifyToken(await idp.sign({ ...dealer, kid: ec }), settings)).toEqual(expectedDealer);
    expect(await verifyToken(await tokenFor(dealer), settings)).toEqual(expectedDealer);
    expect(await verifyToken(await tokenFor(dealer), hs256)).toEqual(expectedDealer);
    expect(idp.fetches()).toBe(1);
  });

  it('fetches the key set again for an unknown kid, so a rotated key works without a restart', async () => {
    const idp = await provider();
    const first = await idp.createKey('RS256');
    const settings: JwtSettings = { ...hs256, jwksUrl: idp.jwksUrl, jwks: { cooldownMs: 0 } };
    await verifyToken(await idp.sign({ ...dealer, kid: first }), settings);
    await verifyToken(await idp.sign({ ...dealer, kid: first }), settings);
    expect(idp.fetches()).toBe(1);

    const second = await idp.createKey('ES256');
    idp.withdraw(first);
    expect(await verifyToken(await idp.sign({ ...dealer, kid: second }), settings)).toEqual(expectedDealer);
    expect(idp.fetches()).toBe(2);
    expect(await verifyToken(await idp.sign({ ...dealer, kid: second }), settings)).toEqual(expectedDealer);
    expect(idp.fetches()).toBe(2);
    expect(await refusal(await idp.sign({ ...dealer, kid: first }), settings)).toBe('Token signed with a key the identity provider does not publish');
  });

  it('does not fetch the key set again within the cooldown, however many unknown kids arrive', async () => {
    const idp = await provider();
    const real = await idp.createKey('RS256');
    const settings = { ...hs256, jwksUrl: idp.jwksUrl };
    await verifyToken(await idp.sign({ ...dealer, kid: real }), settings);
    for (let i = 0; i < 5; i++) {
      const madeUp = await idp.createKey('RS256', { kid: `made-up-${i}`, publish: false });
      expect(await refusal(await idp.sign({ ...dealer, kid: madeUp }), settings)).toBe('Token signed with a key the identity provider does not publish');
    }
    expect(idp.fetches()).toBe(1);
  });

  it('stops trusting a withdrawn key once the cache is older than its maximum age', async () => {
    const idp = await provider();
    const kid = await idp.createKey('ES256');
    const settings: JwtSettings = { ...hs256, jwksUrl: idp.jwksUrl, jwks: { cacheMaxAgeMs: 100 } };
    const token = await idp.sign({ ...dealer, kid });
    await verifyToken(token, settings);
    idp.withdraw(kid);
    await verifyToken(token, settings);
    await new Promise((r) => setTimeout(r, 150));
    expect(await refusal(token, settings)).toBe('Token signed with a key the identity provider does not publish');
    expect(idp.fetches()).toBe(2);
  });

  it('refuses an expired token, another audience and another issuer', async () => {
    const idp = await provider();
    const kid = await idp.createKey('RS256');
    const settings = { ...hs256, jwksUrl: idp.jwksUrl };
    expect(await refusal(await idp.sign({ ...dealer, kid, expiresIn: -60 }), settings)).toBe('Token expired');
    expect(await refusal(await idp.sign({ ...dealer, kid, audience: 'another-app' }), settings)).toBe('Invalid token');
    expect(await refusal(await idp.sign({ ...dealer, kid, issuer: 'https://evil.example.com' }), settings)).toBe('Invalid token');
    expect(await refusal(await idp.sign({ ...dealer, kid, role: 'NOT_A_ROLE' as never }), settings)).toBe('Token has no subject or no known role');
  });

  it('refuses a token signed by a key the provider does not hold, even under a kid it publishes', async () => {
    const idp = await provider();
    const kid = await idp.createKey('RS256');
    const attacker = await provider();
    await attacker.createKey('RS256', { kid });
    expect(await refusal(await attacker.sign({ ...dealer, role: 'HQ_ADMIN', kid }), { ...hs256, jwksUrl: idp.jwksUrl })).toBe('Invalid token');
  });

  it('refuses algorithm confusion: none, HS256 keyed with the public key, RS256 without a key set, a kid of the wrong key type', async () => {
    const idp = await provider();
    const rsa = await idp.createKey('RS256');
    const ec = await idp.createKey('ES256');
    const settings = { ...hs256, jwksUrl: idp.jwksUrl };
    const claims = { sub: 'x', roles: ['HQ_ADMIN'], iss: TEST_JWT.issuer, aud: TEST_JWT.audience, exp: Math.floor(Date.now() / 1000) + 600 };

    const unsigned = `${base64url({ alg: 'none', typ: 'JWT' })}.${base64url(claims)}.`;
    expect(await refusal(unsigned, settings)).toBe('Token algorithm not accepted (accepted: HS256, RS256, ES256)');

    const publicPem = await exportSPKI((await importJWK(idp.publicJwk(rsa), 'RS256')) as KeyLike);
    for (const secret of [publicPem, JSON.stringify(idp.publicJwk(rsa))]) {
      const confused = await new SignJWT(claims).setProtectedHeader({ alg: 'HS256', kid: rsa }).sign(new TextEncoder().encode(secret));
      expect(await refusal(confused, settings)).toBe('Invalid token');
    }

    const rs256 = await idp.sign({ ...dealer, kid: rsa });
    expect(await refusal(rs256, hs256)).toBe('Token algorithm not accepted (accepted: HS256)');

    const es256 = await idp.sign({ ...dealer, kid: ec });
    const [, payload, signature] = es256.split('.');
    const relabelled = `${base64url({ alg: 'RS256', kid: ec, typ: 'JWT' })}.${payload}.${signature}`;
    expect(await refusal(relabelled, settings)).toBe('Token signed with a key the identity provider does not publish');

    expect(await refusal('not-a-token', settings)).toBe('Invalid token');
  });

  it('refuses a provider token, saying why, when the key set cannot be fetched', async () => {
    const idp = await provider();
    const kid = await idp.createKey('RS256');
    idp.setAvailable(false);
    const token = await idp.sign({ ...dealer, kid });
    expect(await refusal(token, { ...hs256, jwksUrl: idp.jwksUrl })).toBe('Could not get the identity provider keys to check the token');
    const gone = await provider();
    const goneUrl = gone.jwksUrl;
    await gone.stop();
    expect(await refusal(token, { ...hs256, jwksUrl: goneUrl })).toBe('Could not get the identity provider keys to check the token');
    expect(await verifyToken(await signToken({ subject: 'hq', roles: ['HQ_ADMIN'], serviceCenterIds: [], regionIds: [] }, hs256), { ...hs256, jwksUrl: goneUrl })).toMatchObject({
      subject: 'hq',
    });
  });
});
