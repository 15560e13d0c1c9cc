import {
  errorCodes,
  seedTestNetwork,
  serviceEnv,
  startGateway,
  startServiceProcess,
  testCenter,
  tokenFor,
  uniqueName,
  type GraphQLClient,
  type ServiceProcess,
} from '@aftersales/testing';

/**
 * A subgraph process stops while the gateway runs: the gateway answers with what the other subgraphs
 * have, names the missing one, reports it on /health/ready, and recovers when the same process comes back
 * on the same address, without a restart of its own.
 */
describe('gateway with a subgraph down', () => {
  let network: ServiceProcess;
  let jobOrders: ServiceProcess | undefined;
  let gateway: ServiceProcess;
  let hq: GraphQLClient;
  const jobOrdersDb = uniqueName('down_job_orders');
  const jobOrdersEnv = serviceEnv(jobOrdersDb, { NODE_ENV: 'test', KAFKA_GROUP_ID: jobOrdersDb });

  // Regions come from network, their job-order figures from job-orders: one query, two subgraphs.
  const ACROSS = `{ regions { id name jobOrderKpis { created closed } } }`;

  beforeAll(async () => {
    [network, jobOrders] = await Promise.all([
      startServiceProcess('apps/network/src/main.ts', serviceEnv(uniqueName('down_network'), { NODE_ENV: 'test' }), { timeoutMs: 120_000 }),
      startServiceProcess('apps/job-orders/src/main.ts', jobOrdersEnv, { timeoutMs: 120_000 }),
    ]);
    gateway = await startGateway({ network: network.graphqlUrl, 'job-orders': jobOrders.graphqlUrl });
    hq = gateway.client.as(await tokenFor({ role: 'HQ_ADMIN' }));
    await seedTestNetwork(hq, { centers: [testCenter('sc-down-1')] });
  }, 240_000);

  afterAll(async () => {
    await gateway?.stop();
    await Promise.all([jobOrders?.stop(), network?.stop()]);
  });

  it('answers what it can, names the missing subgraph, shows it on /health/ready, and recovers when it returns', async () => {
    const before = await hq.request<{ regions: { id: string; jobOrderKpis: unknown }[] }>(ACROSS);
    expect(before.errors).toBeUndefined();
    expect(before.data?.regions.map((r) => r.id).sort()).toEqual(['rg-east', 'rg-south']);
    expect(before.data?.regions.every((r) => r.jobOrderKpis !== null)).toBe(true);

    const port = new URL(jobOrders!.baseUrl).port;
    await jobOrders!.stop(); // SIGTERM, as an orchestrator stops a pod
    jobOrders = undefined;

    // Partial data: the regions of network, null for the fields job-orders provides, one named error.
    const partial = await hq.request<{ regions: { id: string; name: string; jobOrderKpis: unknown }[] }>(ACROSS);
    expect(partial.status).toBe(200);
    expect(partial.data?.regions.map((r) => r.name).sort()).toEqual(['East', 'South']);
    expect(partial.data?.regions.map((r) => r.jobOrderKpis)).toEqual([null, null]);
    expect(errorCodes(partial)).toEqual(['SUBGRAPH_UNAVAILABLE']);
    expect(partial.errors?.[0].extensions?.service).toBe('job-orders');
    expect(partial.errors?.[0].message).toMatch(/job-orders service is unavailable/);
    // No address, port or transport detail of the subgraph leaks to the caller.
    expect(JSON.stringify(partial.errors)).not.toMatch(/127\.0\.0\.1|localhost|ECONNREFUSED|fetch failed|:\d{4}/);

    // A query of the missing subgraph alone: no data, the same named error, and still no HTTP 500.
    const alone = await hq.request(`{ jobOrders(first: 1) { totalCount } }`);
    expect(alone.status).toBe(200);
    expect(alone.data ?? null).toBeNull();
    expect(errorCodes(alone)).toEqual(['SUBGRAPH_UNAVAILABLE']);
    expect(alone.errors?.[0].extensions?.service).toBe('job-orders');

    // The subgraphs that are up answer as usual.
    const networkOnly = await hq.request<{ serviceCenter: { name: string } }>(`{ serviceCenter(id: "sc-down-1") { name } }`);
    expect(networkOnly.errors).toBeUndefined();
    expect(networkOnly.data?.serviceCenter.name).toBe('Center sc-down-1');

    const ready = await fetch(`${gateway.baseUrl}/health/ready`);
    expect(ready.status).toBe(503);
    const readiness = (await ready.json()) as { checks: Record<string, string> };
    expect(readiness.checks['subgraph:network']).toBe('up');
    expect(readiness.checks['subgraph:job-orders']).toMatch(/^down/);
    expect(await fetch(`${gateway.baseUrl}/health/subgraphs`).then((r) => r.json())).toEqual({ network: 'up', 'job-orders': 'down' });

    // The same service back on the same port: the running gateway uses it again.
    jobOrders = await startServiceProcess('apps/job-orders/src/main.ts', jobOrdersEnv, { port: Number(port), timeoutMs: 120_000 });
    const after = await hq.request<{ regions: { jobOrderKpis: { created: number } | null }[] }>(ACROSS);
    expect(after.errors).toBeUndefined();
    expect(after.data?.regions.every((r) => r.jobOrderKpis !== null)).toBe(true);
    expect((await hq.request(`{ jobOrders(first: 1) { totalCount } }`)).errors).toBeUndefined();
    const readyAgain = await fetch(`${gateway.baseUrl}/health/ready`);
    expect(readyAgain.status).toBe(200);
    expect(((await readyAgain.json()) as { checks: Record<string, string> }).checks).toEqual({ 'subgraph:network': 'up', 'subgraph:job-orders': 'up' });
  }, 240_000);
});
