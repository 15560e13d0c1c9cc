import { errorCodes, serviceEnv, startGateway, startServiceProcess, tokenFor, uniqueName, type ServiceProcess } from '@aftersales/testing';

/** The gateway as dealer portals meet it: limits, CSRF prevention, and no introspection in production. */
describe('gateway', () => {
  let network: ServiceProcess;
  let gateway: ServiceProcess;
  let production: ServiceProcess;
  let token: string;

  beforeAll(async () => {
    network = await startServiceProcess('apps/network/src/main.ts', serviceEnv(uniqueName('gateway_network'), { NODE_ENV: 'test' }));
    gateway = await startGateway({ network: network.graphqlUrl });
    production = await startGateway({ network: network.graphqlUrl }, { NODE_ENV: 'production' });
    token = await tokenFor({ role: 'HQ_ADMIN' });
  }, 120_000);

  afterAll(async () => {
    await Promise.all([gateway?.stop(), production?.stop()]);
    await network?.stop();
  });

  it('forwards the caller to the subgraph and answers', async () => {
    const res = await gateway.client.as(token).request(`{ serviceCenters(first: 5) { totalCount } }`);
    expect(res.errors).toBeUndefined();
    expect(res.data).toEqual({ serviceCenters: { totalCount: 0 } });
  });

  it('refuses a query nested deeper than the limit', async () => {
    const deep = `{ serviceCenters { edges { node { region { serviceCenters { edges { node { region { serviceCenters { edges { node { region { id } } } } } } } } } } } } }`;
    const res = await gateway.client.as(token).request(deep);
    expect(res.data ?? null).toBeNull();
    expect(errorCodes(res)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect(res.errors?.[0].message).toMatch(/depth limit of 12 exceeded/i);
  });

  it('refuses a query that would cost too much, even for HQ', async () => {
    const fields = Array.from({ length: 300 }, (_, i) => `f${i}: serviceCenters { edges { node { id code name country timeZone } } }`).join(' ');
    const res = await gateway.client.as(token).request(`{ ${fields} }`);
    expect(errorCodes(res)).toContain('GRAPHQL_VALIDATION_FAILED');
    expect(res.errors?.[0].message).toMatch(/cost limit of 250000 exceeded/i);
  });

  it('counts a page size passed as a variable, and sets the limit by what the caller can see', async () => {
    // Two pages of 500 centers cost 36,500: more than a dealer may ask for at once, not more than HQ.
    const pages = `query($n: Int!) { a: serviceCenters(first: $n) { edges { node { id code name country timeZone kind status regionId } } }
      b: serviceCenters(first: $n) { edges { node { id code name country timeZone kind status regionId } } } }`;
    const dealer = gateway.client.as(await tokenFor({ role: 'DEALER', centers: ['sc-1'] }));
    const refused = await dealer.request(pages, { n: 500 });
    expect(errorCodes(refused)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect(refused.errors?.[0].message).toBe('Query Cost limit of 25000 exceeded, found 36500.');
    const literal = await dealer.request(pages.replace('query($n: Int!) ', '').replaceAll('$n', '500'));
    expect(literal.errors?.[0].message).toBe(refused.errors?.[0].message);
    expect((await dealer.request(pages, { n: 50 })).errors).toBeUndefined();

    const hq = await gateway.client.as(token).request(pages, { n: 500 });
    expect(hq.errors).toBeUndefined();
    const region = await gateway.client.as(await tokenFor({ role: 'REGION_MANAGER', regions: ['rg-east'] })).request(pages, { n: 500 });
    expect(region.errors).toBeUndefined();
  });

  it('refuses a simple cross-site request (CSRF prevention)', async () => {
    const res = await fetch(`${gateway.graphqlUrl}?query=${encodeURIComponent('{ regions { id } }')}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(res.status).toBe(400);
    expect(await res.text()).toMatch(/CSRF|preflight/i);
  });

  it('does not answer introspection in production mode, but does in development', async () => {
    const query = `{ __schema { queryType { name } } }`;
    const prod = await production.client.as(token).request(query);
    expect(errorCodes(prod)).toContain('GRAPHQL_VALIDATION_FAILED');
    const dev = await gateway.client.as(token).request(query);
    expect(dev.data).toEqual({ __schema: { queryType: { name: 'Query' } } });
  });

  it('needs a token, and says so with UNAUTHENTICATED', async () => {
    const res = await gateway.client.request(`{ regions { id } }`);
    expect(res.status).toBe(401);
    expect(errorCodes(res)).toEqual(['UNAUTHENTICATED']);
  });

  it('is ready only when its subgraphs are', async () => {
    const ready = await fetch(`${gateway.baseUrl}/health/ready`).then((r) => r.json());
    expect(ready).toEqual({ status: 'ready', checks: { 'subgraph:network': 'up' } });
  });
});
