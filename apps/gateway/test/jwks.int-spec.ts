import {
  errorCodes,
  serviceEnv,
  startGateway,
  startServiceProcess,
  testCenter,
  TestIdentityProvider,
  tokenFor,
  uniqueName,
  type ServiceProcess,
} from '@aftersales/testing';
import { SignJWT } from 'jose';

/**
 * Production tokens: the identity provider signs with RS256/ES256 and publishes its keys as a JWKS.
 * The gateway and the subgraph (both given JWT_JWKS_URL) fetch the keys from the provider the test
 * serves, and read the same claims from these tokens as from the HS256 ones.
 */
describe('gateway with the identity provider key set (JWT_JWKS_URL)', () => {
  let idp: TestIdentityProvider;
  let network: ServiceProcess;
  let gateway: ServiceProcess;
  let rsa: string;
  let ec: string;

  beforeAll(async () => {
    idp = await TestIdentityProvider.start();
    rsa = await idp.createKey('RS256');
    ec = await idp.createKey('ES256');
    network = await startServiceProcess('apps/network/src/main.ts', serviceEnv(uniqueName('gateway_jwks'), { JWT_JWKS_URL: idp.jwksUrl }));
    gateway = await startGateway({ network: network.graphqlUrl }, { JWT_JWKS_URL: idp.jwksUrl });
  }, 120_000);

  afterAll(async () => {
    await gateway?.stop();
    await network?.stop();
    await idp?.stop();
  });

  it('lets an RS256 HQ token change the network, and an ES256 dealer token see only its own center', async () => {
    const hq = gateway.client.as(await idp.sign({ role: 'HQ_ADMIN', kid: rsa }));
    await hq.data(`mutation($input: RegionInput!) { upsertRegion(input: $input) { id } }`, { input: { id: 'rg-east', code: 'EAST', name: 'East', countries: ['CN'] } });
    await hq.data(`mutation($input: ImportServiceCentersInput!) { importServiceCenters(input: $input) { centers } }`, {
      input: { centers: [testCenter('sc-jwks-a'), testCenter('sc-jwks-b')] },
    });
    expect(await hq.data(`{ serviceCenters(first: 10) { totalCount } }`)).toEqual({ serviceCenters: { totalCount: 2 } });

    const dealer = gateway.client.as(await idp.sign({ role: 'DEALER', centers: ['sc-jwks-a'], kid: ec }));
    expect(await dealer.data(`{ serviceCenters(first: 10) { edges { node { id } } } }`)).toEqual({ serviceCenters: { edges: [{ node: { id: 'sc-jwks-a' } }] } });
    const refused = await dealer.request(`mutation { upsertRegion(input: { id: "rg-x", code: "X", name: "X", countries: ["BR"] }) { id } }`);
    expect(errorCodes(refused)).toEqual(['FORBIDDEN']);
  });

  it('still accepts the HS256 tokens signed with the secret', async () => {
    const res = await gateway.client.as(await tokenFor({ role: 'HQ_ANALYST' })).request(`{ serviceCenters(first: 1) { totalCount } }`);
    expect(res.errors).toBeUndefined();
  });

  it('the subgraph verifies a provider token on its own too', async () => {
    const direct = network.client.as(await idp.sign({ role: 'HQ_ANALYST', kid: ec }));
    expect(await direct.data(`{ serviceCenters(first: 1) { totalCount } }`)).toEqual({ serviceCenters: { totalCount: 2 } });
  });

  it('refuses a forged, an expired, a foreign-audience or an alg-confused token with UNAUTHENTICATED', async () => {
    const attacker = await TestIdentityProvider.start();
    try {
      await attacker.createKey('RS256', { kid: rsa });
      const forged = await attacker.sign({ role: 'HQ_ADMIN', kid: rsa });
      const confused = await new SignJWT({ roles: ['HQ_ADMIN'] })
        .setProtectedHeader({ alg: 'HS256', kid: rsa })
        .setSubject('mallory')
        .setIssuer('aftersales-auth')
        .setAudience('aftersales')
        .setExpirationTime('1h')
        .sign(new TextEncoder().encode(JSON.stringify(idp.publicJwk(rsa))));
      const tokens = [
        forged,
        confused,
        await idp.sign({ role: 'HQ_ADMIN', kid: rsa, expiresIn: -60 }),
        await idp.sign({ role: 'HQ_ADMIN', kid: ec, audience: 'another-app' }),
        `${Buffer.from('{"alg":"none"}').toString('base64url')}.${forged.split('.')[1]}.`,
      ];
      for (const token of tokens) {
        for (const target of [gateway, network]) {
          const res = await target.client.as(token).request(`{ serviceCenters(first: 1) { totalCount } }`);
          expect(errorCodes(res)).toEqual(['UNAUTHENTICATED']);
          expect(res.data ?? null).toBeNull();
        }
      }
    } finally {
      await attacker.stop();
    }
  });

  it('fetched the key set once per process for all of the above', () => {
    expect(idp.fetches()).toBe(2);
  });
});
