import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodeJwt } from 'jose';
import { seedTestNetwork, serviceEnv, startGateway, startServiceProcess, testCenter, tokenFor, uniqueName, type ServiceProcess } from '@aftersales/testing';

/**
 * The gateway serves the web console (static files, deep links, caching, the runtime config), mints
 * demo tokens only when asked to, and lets only the configured origins call it from their pages.
 */
describe('gateway: the web console, dev tokens and CORS', () => {
  let network: ServiceProcess;
  let dev: ServiceProcess;
  let plain: ServiceProcess;
  const build = mkdtempSync(join(tmpdir(), 'console-fixture-'));
  const ALLOWED = 'https://console.example.com';
  const sfx = uniqueName('c').slice(-6).replace(/[^a-z0-9]/gi, '');
  const region = { id: `rg-gc${sfx}`, code: `GC${sfx}`.toUpperCase(), name: `Gateway Console ${sfx}`, countries: ['CN'] };
  const center = `gc${sfx}-shanghai`;

  beforeAll(async () => {
    // A build as Vite lays it out: index.html, hashed assets.
    mkdirSync(join(build, 'assets'));
    writeFileSync(join(build, 'index.html'), '<!doctype html><title>console</title><div id="root"></div>');
    writeFileSync(join(build, 'assets/index-Ab12Cd34.js'), 'console.log("app")');
    network = await startServiceProcess('apps/network/src/main.ts', serviceEnv(uniqueName('gw_console_network'), { NODE_ENV: 'test' }));
    [dev, plain] = await Promise.all([
      startGateway({ network: network.graphqlUrl }, { GATEWAY_CONSOLE_DIR: build, GATEWAY_DEV_TOKENS: 'true', GATEWAY_CORS_ORIGINS: `${ALLOWED}, https://other.example.com` }),
      startGateway(
        { network: network.graphqlUrl },
        { GATEWAY_CONSOLE_DIR: join(build, 'missing'), CONSOLE_OIDC_ISSUER: 'https://login.example.com/realms/aftersales', CONSOLE_OIDC_CLIENT_ID: 'console' },
      ),
    ]);
    const hq = dev.client.as(await tokenFor({ role: 'HQ_ADMIN' }));
    await seedTestNetwork(hq, { regions: [region], centers: [testCenter(center, { name: 'Console Shanghai', regionId: region.id })] });
  }, 180_000);

  afterAll(async () => {
    await Promise.all([dev?.stop(), plain?.stop()]);
    await network?.stop();
  });

  const get = (p: ServiceProcess, path: string, init: RequestInit = {}) => fetch(`${p.baseUrl}${path}`, { redirect: 'manual', ...init });
  const devToken = (body: unknown, p: ServiceProcess = dev) =>
    get(p, '/dev/token', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

  describe('serving the console', () => {
    it('answers /console/ and every deep link with index.html, revalidated each time', async () => {
      for (const path of ['/console/', '/console/centers/sc-cn-0002', '/console/hq/scorecard?sort=score']) {
        const res = await get(dev, path);
        expect({ path, status: res.status, type: res.headers.get('content-type') }).toEqual({ path, status: 200, type: expect.stringContaining('text/html') });
        expect(res.headers.get('cache-control')).toBe('no-cache');
        expect(await res.text()).toContain('<div id="root">');
      }
      const bare = await get(dev, '/console');
      expect([bare.status, bare.headers.get('location')]).toEqual([301, '/console/']);
    });

    it('caches hashed assets for a year and answers a missing one 404, not with the app', async () => {
      const asset = await get(dev, '/console/assets/index-Ab12Cd34.js');
      expect(asset.status).toBe(200);
      expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      expect(await asset.text()).toBe('console.log("app")');
      expect((await get(dev, '/console/assets/index-Old00000.js')).status).toBe(404);
    });

    it('serves the runtime config: the demo sign-in where it is on, the identity provider where one is configured', async () => {
      const on = await get(dev, '/console/config.js');
      expect(on.headers.get('cache-control')).toBe('no-cache');
      expect(await on.text()).toBe('window.AFTERSALES_CONSOLE = {"devTokens":true};\n');
      const oidc = await (await get(plain, '/console/config.js')).text();
      expect(oidc).toBe(
        'window.AFTERSALES_CONSOLE = {"oidc":{"issuer":"https://login.example.com/realms/aftersales","clientId":"console","scopes":"openid profile"},"devTokens":false};\n',
      );
    });

    it('says how to build the console when it was not built', async () => {
      const res = await get(plain, '/console/centers/x');
      expect(res.status).toBe(404);
      expect(await res.text()).toContain('npx nx run console:build');
    });
  });

  describe('POST /dev/token', () => {
    it('mints the same tokens as npm run token, which the graph accepts', async () => {
      const res = await devToken({ role: 'DEALER', center, region: region.id });
      expect(res.status).toBe(200);
      const { token } = (await res.json()) as { token: string };
      expect(decodeJwt(token)).toMatchObject({ sub: `dealer-${center}`, roles: ['DEALER'], centers: [center], regions: [region.id] });
      const own = await dev.client.as(token).data<{ serviceCenter: { name: string } }>(`query($id: ID!) { serviceCenter(id: $id) { name } }`, { id: center });
      expect(own.serviceCenter.name).toBe('Console Shanghai');
      const agent = (await (await devToken({ role: 'INBOUND_AGENT', subject: 'st-cn-0001-11' })).json()) as { token: string };
      expect(decodeJwt(agent.token)).toMatchObject({ sub: 'st-cn-0001-11', roles: ['INBOUND_AGENT'], centers: [], regions: [] });
    });

    it.each([
      [{ role: 'WIZARD' }, { field: 'role', rule: 'oneOf' }],
      [{}, { field: 'role', rule: 'required' }],
      [{ role: 'DEALER' }, { field: 'center', rule: 'requiredForDealer' }],
      [{ role: 'DEALER', center: 'sc cn/../x' }, { field: 'center', rule: 'id' }],
      [{ role: 'REGION_MANAGER', region: '"><script>' }, { field: 'region', rule: 'id' }],
      [{ role: ['HQ_ADMIN'] }, { field: 'role', rule: 'string' }],
    ])('refuses %j field by field', async (body, issue) => {
      const res = await devToken(body);
      expect(res.status).toBe(400);
      const refused = (await res.json()) as { issues: { field: string; rule: string; message: string }[] };
      expect(refused.issues).toContainEqual({ ...issue, message: expect.any(String) });
    });

    it('is not there unless GATEWAY_DEV_TOKENS=true', async () => {
      expect((await devToken({ role: 'HQ_ADMIN' }, plain)).status).toBe(404);
      expect((await get(plain, '/dev/sign-in-options')).status).toBe(404);
    });

    it('offers the demo network\'s regions and centers to pick from', async () => {
      const options = (await (await get(dev, '/dev/sign-in-options')).json()) as { regions: { id: string }[]; centers: { id: string; regionId: string; name: string }[] };
      expect(options.regions).toContainEqual(expect.objectContaining({ id: region.id, name: region.name }));
      expect(options.centers).toContainEqual({ id: center, code: center.toUpperCase(), name: 'Console Shanghai', regionId: region.id });
    });
  });

  describe('CORS', () => {
    const preflight = (p: ServiceProcess, origin: string) =>
      get(p, '/graphql', { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization, content-type' } });

    it('lets a listed origin call the graph from its pages', async () => {
      const pre = await preflight(dev, ALLOWED);
      expect(pre.status).toBe(204);
      expect(pre.headers.get('access-control-allow-origin')).toBe(ALLOWED);
      expect(pre.headers.get('access-control-allow-headers')).toContain('authorization');
      const token = await tokenFor({ role: 'HQ_ADMIN' });
      const res = await get(dev, '/graphql', {
        method: 'POST',
        headers: { origin: ALLOWED, 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query: '{ regions { id } }' }),
      });
      expect(res.status).toBe(200);
      expect(res.headers.get('access-control-allow-origin')).toBe(ALLOWED);
    });

    it('gives any other origin nothing its browser would let it read', async () => {
      const pre = await preflight(dev, 'https://evil.example.net');
      expect(pre.status).toBe(403);
      expect(pre.headers.get('access-control-allow-origin')).toBeNull();
      const res = await get(dev, '/graphql', { method: 'POST', headers: { origin: 'https://evil.example.net', 'content-type': 'application/json' }, body: '{"query":"{ regions { id } }"}' });
      expect(res.headers.get('access-control-allow-origin')).toBeNull();
      // No origins configured: no CORS at all (the console the gateway serves is same-origin).
      const none = await preflight(plain, ALLOWED);
      expect(none.headers.get('access-control-allow-origin')).toBeNull();
    });
  });
});
