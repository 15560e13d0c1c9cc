import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Kafka, logLevel } from 'kafkajs';
import { createEvent, Topics } from '@aftersales/contracts';
import { createLogger, subgraphSdl } from '@aftersales/platform-core';
import { EventConsumer } from '@aftersales/platform-kafka';
import { eventually as waitFor,
  errorCodes,
  EventProbe,
  GraphQLClient,
  serviceEnv,
  startApp,
  startGateway,
  startServiceProcess,
  testInfra,
  tokenFor,
  uniqueName,
  type RunningApp,
  type ServiceProcess,
  seedTestNetwork,
} from '@aftersales/testing';
import { AppModule } from '../src/app.module';
import { partsConfig } from '../src/config';
import { ABC_FIXTURE, monthsUntil, networkFixture, part } from './fixtures';

const SCHEMA_FILE = fileURLToPath(new URL('../schema.graphql', import.meta.url));
const NET = networkFixture();
const { d1, d2, rc, hq: hqId } = NET.ids;

const MOVE = `mutation($input: StockMovementInput!) { recordStockMovement(input: $input) { onHand reserved available onOrder avgCost } }`;
const STOCK = `query($loc: ID!, $parts: [String!]) { stock(locationId: $loc, partNumbers: $parts) { partNumber onHand reserved available onOrder avgCost abc } }`;
const ORDER_FIELDS = `id status allowedActions supplierId lines { lineId partNumber requested firstDelivery shipped backordered filledAtFirstDelivery }
  shipments { no lines { lineId quantity } } lineFillRate { filled total rate } orderFilled supplyCycleHours`;
const RESERVE = `mutation($input: ReservePartsInput!) { reserveParts(input: $input) { quantity availableAfter ledgerSeq } }`;

const until = <T>(what: string, fn: () => Promise<T | undefined>, timeoutMs = 90_000) =>
  waitFor(what, fn, (v) => v !== undefined, timeoutMs) as Promise<T>;

describe('parts subgraph through the gateway', () => {
  let parts: RunningApp;
  let partsB: RunningApp;
  let network: ServiceProcess;
  let gateway: ServiceProcess;
  let probe: EventProbe;
  let hq: GraphQLClient;
  let dealer1: GraphQLClient;
  let dealer2: GraphQLClient;
  let regional: GraphQLClient;
  let planner: GraphQLClient;
  const partsDb = uniqueName('parts');

  beforeAll(async () => {
    const logger = createLogger('parts', 'silent');
    // Two instances on one database. Each has its own consumer group so that neither waits on a group
    // rebalance (a new group starts at the latest offset); both then see every event, which the
    // handlers tolerate: center snapshots apply by updatedAt, a parts request is claimed once.
    const env = (group: string) => serviceEnv(partsDb, { PARTS_KAFKA_GROUP: uniqueName(group) });
    parts = await startApp(AppModule.forRoot(partsConfig(env('parts-a')), logger), 'parts');
    partsB = await startApp(AppModule.forRoot(partsConfig(env('parts-b')), logger), 'parts');
    await Promise.all([parts.app.get(EventConsumer).waitForJoin(), partsB.app.get(EventConsumer).waitForJoin()]);
    probe = await EventProbe.start(testInfra().kafkaBrokers, Topics.parts);
    network = await startServiceProcess('apps/network/src/main.ts', serviceEnv(uniqueName('network')));
    gateway = await startGateway({ network: network.graphqlUrl, parts: parts.graphqlUrl });
    hq = gateway.client.as(await tokenFor({ role: 'HQ_ADMIN' }));
    planner = gateway.client.as(await tokenFor({ role: 'PARTS_PLANNER' }));
    dealer1 = gateway.client.as(await tokenFor({ role: 'DEALER', centers: [d1], regions: [NET.region.id] }));
    dealer2 = gateway.client.as(await tokenFor({ role: 'DEALER', centers: [d2], regions: [NET.region.id] }));
    regional = gateway.client.as(await tokenFor({ role: 'DEALER', centers: [rc], regions: [NET.region.id] }));

    await seedTestNetwork(hq, { regions: [NET.region], centers: NET.centers });
    for (const client of [parts.client, partsB.client].map((c) => c.as(undefined))) {
      const token = await tokenFor({ role: 'HQ_ADMIN' });
      // One event per center, on different partitions: wait for every one of them.
      await until('both instances to learn the centers', async () => {
        const res = await Promise.all([hqId, rc, d1, d2].map((loc) => client.as(token).request(STOCK, { loc })));
        return res.some((r) => r.errors) ? undefined : true;
      });
    }
    const catalog = [part('PT-FILTER', 4), part('PT-PAD', 20), part('PT-BELT', 12), part('PT-OIL', 8), ...ABC_FIXTURE.map((f) => part(f.partNumber, f.listPrice))];
    for (const input of catalog) await planner.data(`mutation($input: PartInput!) { upsertPart(input: $input) { partNumber } }`, { input });
  }, 300_000);

  afterAll(async () => {
    await probe?.stop();
    await gateway?.stop();
    await network?.stop();
    await partsB?.close();
    await parts?.close();
  });

  it('an order partly filled at first delivery, its backorder, and the fill rate that results', async () => {
    await hq.data(MOVE, { input: { locationId: rc, partNumber: 'PT-FILTER', type: 'RECEIPT', quantity: 10, unitCost: 3.5 } });
    await hq.data(MOVE, { input: { locationId: rc, partNumber: 'PT-PAD', type: 'RECEIPT', quantity: 2, unitCost: 18 } });

    const submitted = (
      await dealer1.data(`mutation($input: SubmitPartsOrderInput!) { submitPartsOrder(input: $input) { ${ORDER_FIELDS} } }`, {
        input: { locationId: d1, lines: [{ partNumber: 'PT-FILTER', quantity: 6 }, { partNumber: 'PT-PAD', quantity: 5 }] },
      })
    ).submitPartsOrder;
    expect(submitted).toMatchObject({ status: 'SUBMITTED', supplierId: rc, allowedActions: ['DISPATCH', 'CANCEL'] });
    const id = submitted.id;

    expect(errorCodes(await dealer1.request(`mutation { dispatchPartsOrder(id: "${id}") { id } }`))).toEqual(['FORBIDDEN']);

    const first = (await regional.data(`mutation { dispatchPartsOrder(id: "${id}") { ${ORDER_FIELDS} } }`)).dispatchPartsOrder;
    expect(first.status).toBe('PARTLY_SHIPPED');
    expect(first.lines).toEqual([
      expect.objectContaining({ partNumber: 'PT-FILTER', firstDelivery: 6, backordered: 0, filledAtFirstDelivery: true }),
      expect.objectContaining({ partNumber: 'PT-PAD', firstDelivery: 2, backordered: 3, filledAtFirstDelivery: false }),
    ]);
    expect(first.lineFillRate).toEqual({ filled: 1, total: 2, rate: 0.5 });
    expect(first.orderFilled).toBe(false);

    await dealer1.data(`mutation { receivePartsShipment(id: "${id}", shipmentNo: 1) { status } }`);
    const afterFirst = (await dealer1.data(STOCK, { loc: d1, parts: ['PT-FILTER', 'PT-PAD'] })).stock;
    expect(afterFirst).toEqual([
      expect.objectContaining({ partNumber: 'PT-FILTER', onHand: 6, onOrder: 0, avgCost: 4 }),
      expect.objectContaining({ partNumber: 'PT-PAD', onHand: 2, onOrder: 3 }),
    ]);

    // The backorder ships once the regional center has the pads again.
    expect(errorCodes(await regional.request(`mutation { dispatchPartsOrder(id: "${id}") { id } }`))).toEqual(['CONFLICT']);
    await hq.data(MOVE, { input: { locationId: rc, partNumber: 'PT-PAD', type: 'RECEIPT', quantity: 5, unitCost: 18 } });
    const second = (await regional.data(`mutation { dispatchPartsOrder(id: "${id}") { ${ORDER_FIELDS} } }`)).dispatchPartsOrder;
    expect(second.status).toBe('SHIPPED');
    expect(second.shipments.map((s: any) => s.lines)).toEqual([
      [{ lineId: '1', quantity: 6 }, { lineId: '2', quantity: 2 }],
      [{ lineId: '2', quantity: 3 }],
    ]);
    expect(second.lineFillRate.rate).toBe(0.5);
    const done = (await dealer1.data(`mutation { receivePartsShipment(id: "${id}", shipmentNo: 2) { ${ORDER_FIELDS} } }`)).receivePartsShipment;
    expect(done).toMatchObject({ status: 'COMPLETED', allowedActions: [], supplyCycleHours: expect.any(Number) });

    const late = await regional.request(`mutation { dispatchPartsOrder(id: "${id}") { id } }`);
    expect(errorCodes(late)).toEqual(['CONFLICT']);
    expect(late.errors![0].message).toContain('cannot DISPATCH an order in state COMPLETED; allowed: none (final state)');

    const byDealer = (await hq.data(`{ partsFillRate(input: { groupBy: DEALER }) { key lines { filled total rate } orders { filled total rate } } }`)).partsFillRate;
    expect(byDealer.find((r: any) => r.key === d1)).toEqual({ key: d1, lines: { filled: 1, total: 2, rate: 0.5 }, orders: { filled: 0, total: 1, rate: 0 } });
    const byPart = (await hq.data(`{ partsFillRate(input: { groupBy: PART }) { key lines { rate } } }`)).partsFillRate;
    expect(byPart.filter((r: any) => r.key.startsWith('PT-'))).toEqual([
      { key: 'PT-FILTER', lines: { rate: 1 } },
      { key: 'PT-PAD', lines: { rate: 0 } },
    ]);

    // The same figures on the network's ServiceCenter and Region entities, through federation.
    const kpis = await hq.data(`{ serviceCenter(id: "${d1}") { code partsKpis { lineFillRate { rate } orderFillRate { rate } avgSupplyCycleHours } }
      region(id: "${NET.region.id}") { name partsKpis { lineFillRate { filled total } } } }`);
    expect(kpis.serviceCenter.partsKpis).toMatchObject({ lineFillRate: { rate: 0.5 }, orderFillRate: { rate: 0 }, avgSupplyCycleHours: expect.any(Number) });
    expect(kpis.region.partsKpis.lineFillRate).toEqual({ filled: 1, total: 2 });
    const foreign = await dealer2.data(`{ serviceCenter(id: "${d2}") { partsKpis { lineFillRate { total } } } }`);
    expect(foreign.serviceCenter.partsKpis.lineFillRate.total).toBe(0);
  });

  it('an ABC/XYZ run on a fixture gives the known classes, and a reclassification publishes the class changes', async () => {
    const months = monthsUntil('2026-10', 24);
    const lines = ABC_FIXTURE.flatMap((f) => f.monthly.map((quantity, i) => ({ partNumber: f.partNumber, month: months[i], quantity })));
    expect((await planner.data(`mutation($input: ImportDemandInput!) { importDemandHistory(input: $input) }`, { input: { locationId: d2, lines } })).importDemandHistory).toBe(144);

    const runAndWait = async (policy?: object) => {
      const run = (await planner.data(`mutation($input: ClassificationRunInput) { runClassification(input: $input) { id status locationsTotal } }`, {
        input: { locationIds: [d2], lastMonth: '2026-10', ...(policy ? { policy } : {}) },
      })).runClassification;
      expect(run).toMatchObject({ status: 'RUNNING', locationsTotal: 1 });
      return until('the run to finish', async () => {
        const r = (await planner.data(`{ classificationRun(id: "${run.id}") { id status locationsDone partsPlanned classChanges error } }`)).classificationRun;
        return r.status === 'RUNNING' ? undefined : r;
      });
    };
    const first = await runAndWait();
    expect(first).toMatchObject({ status: 'DONE', locationsDone: 1, partsPlanned: 6, classChanges: 0, error: null });
    const plans = (await dealer2.data(`{ partPlans(locationId: "${d2}") { partNumber abc xyz safetyStock reorderPoint serviceLevel } }`)).partPlans;
    expect(Object.fromEntries(plans.map((p: any) => [p.partNumber, `${p.abc}${p.xyz}`]))).toEqual(Object.fromEntries(ABC_FIXTURE.map((f) => [f.partNumber, f.expected])));
    expect(plans.find((p: any) => p.partNumber === 'FX-LUMPY')).toMatchObject({ serviceLevel: 0.98, safetyStock: expect.any(Number) });
    expect(plans.find((p: any) => p.partNumber === 'FX-LUMPY').safetyStock).toBeGreaterThan(0);

    const second = await runAndWait({ abc: { a: 0.5, b: 0.3, c: 0.2 } });
    expect(second).toMatchObject({ status: 'DONE', classChanges: 3 });
    const changed = await Promise.all(
      ['FX-LUMPY', 'FX-WAVY', 'FX-SMALL'].map((pn) =>
        probe.waitFor((m) => m.value?.type === 'PartClassChanged' && m.value.payload.locationId === d2 && m.value.payload.partNumber === pn),
      ),
    );
    expect(changed.map((m) => `${m.value.payload.partNumber}:${m.value.payload.fromAbc}->${m.value.payload.toAbc}`)).toEqual([
      'FX-LUMPY:A->B',
      'FX-WAVY:B->C',
      'FX-SMALL:B->C',
    ]);

    const bad = await planner.request(`mutation { runClassification(input: { locationIds: ["${d2}"], policy: { abc: { a: 0.8, b: 0.3, c: 0.05 } } }) { id } }`);
    expect(errorCodes(bad)).toEqual(['BAD_USER_INPUT']);
    expect(bad.errors![0].extensions!.issues).toEqual([expect.objectContaining({ field: 'policy.abc', rule: 'sumToOne' })]);
  });

  it('regional sharing: a dealer short of a part sees who can spare it (never their costs) and takes it by transfer', async () => {
    await hq.data(MOVE, { input: { locationId: d2, partNumber: 'PT-BELT', type: 'RECEIPT', quantity: 5, unitCost: 9.75 } });
    await hq.data(MOVE, { input: { locationId: hqId, partNumber: 'PT-BELT', type: 'RECEIPT', quantity: 20, unitCost: 7 } });

    const ranked = (
      await dealer1.data(`query($input: AvailabilityInput!) { partAvailability(input: $input) { locationId level distanceKm shareable coversAll } }`, {
        input: { partNumber: 'PT-BELT', quantity: 3, forLocationId: d1 },
      })
    ).partAvailability;
    expect(ranked.map((r: any) => [r.locationId, r.level, r.shareable, r.coversAll])).toEqual([
      [d2, 'DEALER', 5, true],
      [hqId, 'HQ', 20, true],
    ]);
    expect(ranked[0].distanceKm).toBeLessThan(ranked[1].distanceKm);
    const costs = await dealer1.request(`{ partAvailability(input: { partNumber: "PT-BELT", quantity: 3, forLocationId: "${d1}" }) { avgCost } }`);
    expect(errorCodes(costs)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect(errorCodes(await dealer1.request(STOCK, { loc: d2 }))).toEqual(['NOT_FOUND']);

    const transfer = (
      await dealer1.data(`mutation($input: CreateTransferInput!) { createPartsTransfer(input: $input) { id fromLocationId toLocationId status quantity } }`, {
        input: { partNumber: 'PT-BELT', quantity: 3, toLocationId: d1, reason: 'RO waiting for a belt' },
      })
    ).createPartsTransfer;
    expect(transfer).toMatchObject({ fromLocationId: d2, toLocationId: d1, status: 'IN_TRANSIT', quantity: 3 });
    expect((await dealer2.data(STOCK, { loc: d2, parts: ['PT-BELT'] })).stock[0]).toMatchObject({ onHand: 2, avgCost: 9.75 });
    expect((await dealer1.data(STOCK, { loc: d1, parts: ['PT-BELT'] })).stock[0]).toMatchObject({ onHand: 0, onOrder: 3 });
    await dealer1.data(`mutation { receivePartsTransfer(id: "${transfer.id}") { status } }`);
    expect((await dealer1.data(STOCK, { loc: d1, parts: ['PT-BELT'] })).stock[0]).toMatchObject({ onHand: 3, onOrder: 0, avgCost: 12 });
    expect(errorCodes(await dealer1.request(`mutation { receivePartsTransfer(id: "${transfer.id}") { status } }`))).toEqual(['CONFLICT']);
  });

  it('a workshop parts request reserves what is there and reports the shortage', async () => {
    const kafka = new Kafka({ clientId: 'parts-test', brokers: testInfra().kafkaBrokers.split(','), logLevel: logLevel.NOTHING });
    const producer = kafka.producer();
    await producer.connect();
    const requestId = uniqueName('req');
    const event = createEvent(
      'PartsRequested.v1',
      {
        requestId,
        repairOrderId: `ro-${requestId}`,
        serviceCenterId: d1,
        lines: [
          { lineId: 'a', partNumber: 'PT-FILTER', quantity: 2 },
          { lineId: 'b', partNumber: 'PT-BELT', quantity: 5 },
        ],
        requestedAt: new Date().toISOString(),
      },
      { source: 'workshop', serviceCenterId: d1 },
    );
    await producer.send({ topic: Topics.workshop, messages: [{ key: requestId, value: JSON.stringify(event) }] });
    await producer.disconnect();
    const answer = await probe.waitFor((m) => m.value?.payload?.requestId === requestId, 30_000);
    expect(answer.value).toMatchObject({
      type: 'PartsShortage',
      correlationId: event.correlationId,
      payload: {
        lines: [{ lineId: 'b', partNumber: 'PT-BELT', requested: 5, reserved: 3, short: 2 }],
        reservedLines: [{ lineId: 'a', partNumber: 'PT-FILTER', quantity: 2 }],
      },
    });
    const stock = (await dealer1.data(STOCK, { loc: d1, parts: ['PT-BELT', 'PT-FILTER'] })).stock;
    expect(stock.map((s: any) => [s.partNumber, s.reserved, s.available])).toEqual([
      ['PT-BELT', 3, 0],
      ['PT-FILTER', 2, 4],
    ]);
  });

  it('stock that arrives later serves the repair order waiting for it: the shortage is answered with a reservation', async () => {
    await planner.data(`mutation($input: PartInput!) { upsertPart(input: $input) { partNumber } }`, { input: part('PT-PUMP', 480) });
    await hq.data(MOVE, { input: { locationId: hqId, partNumber: 'PT-PUMP', type: 'RECEIPT', quantity: 5, unitCost: 400 } });
    const producer = new Kafka({ clientId: 'parts-test-waiting', brokers: testInfra().kafkaBrokers.split(','), logLevel: logLevel.NOTHING }).producer();
    await producer.connect();
    const requestId = uniqueName('req');
    const event = createEvent(
      'PartsRequested.v1',
      { requestId, repairOrderId: `ro-${requestId}`, serviceCenterId: d1, lines: [{ lineId: 'p', partNumber: 'PT-PUMP', quantity: 2 }], requestedAt: new Date().toISOString() },
      { source: 'workshop', serviceCenterId: d1 },
    );
    await producer.send({ topic: Topics.workshop, messages: [{ key: requestId, value: JSON.stringify(event) }] });
    await producer.disconnect();
    const short = await probe.waitFor((m) => m.value?.payload?.requestId === requestId, 30_000, 'the shortage');
    expect(short.value).toMatchObject({ type: 'PartsShortage', payload: { lines: [{ lineId: 'p', requested: 2, reserved: 0, short: 2 }] } });

    const transfer = (
      await dealer1.data(`mutation($input: CreateTransferInput!) { createPartsTransfer(input: $input) { id fromLocationId } }`, {
        input: { partNumber: 'PT-PUMP', quantity: 2, toLocationId: d1, fromLocationId: hqId, reason: `ro-${requestId}` },
      })
    ).createPartsTransfer;
    expect(probe.matching((m) => m.value?.type === 'PartsReserved' && m.value.payload.requestId === requestId)).toEqual([]);
    await dealer1.data(`mutation { receivePartsTransfer(id: "${transfer.id}") { status } }`);
    const reserved = await probe.waitFor((m) => m.value?.type === 'PartsReserved' && m.value.payload.requestId === requestId, 30_000, 'the reservation');
    expect(reserved.value.payload).toMatchObject({ repairOrderId: `ro-${requestId}`, serviceCenterId: d1, lines: [{ lineId: 'p', partNumber: 'PT-PUMP', quantity: 2 }] });
    expect((await dealer1.data(STOCK, { loc: d1, parts: ['PT-PUMP'] })).stock[0]).toMatchObject({ onHand: 2, reserved: 2, available: 0, onOrder: 0 });
    // Nothing is left waiting: a later arrival reserves nothing more for it.
    await hq.data(MOVE, { input: { locationId: hqId, partNumber: 'PT-PUMP', type: 'RECEIPT', quantity: 1, unitCost: 400 } });
    const again = (await dealer1.data(`mutation($input: CreateTransferInput!) { createPartsTransfer(input: $input) { id } }`, {
      input: { partNumber: 'PT-PUMP', quantity: 1, toLocationId: d1, fromLocationId: hqId },
    })).createPartsTransfer;
    await dealer1.data(`mutation { receivePartsTransfer(id: "${again.id}") { status } }`);
    expect((await dealer1.data(STOCK, { loc: d1, parts: ['PT-PUMP'] })).stock[0]).toMatchObject({ onHand: 3, reserved: 2, available: 1 });
    expect(probe.matching((m) => m.value?.payload?.requestId === requestId).map((m) => m.value.type)).toEqual(['PartsShortage', 'PartsReserved']);
  });

  it('concurrent reservations from two instances never oversell: the surplus fails cleanly with CONFLICT', async () => {
    await hq.data(MOVE, { input: { locationId: d1, partNumber: 'PT-OIL', type: 'RECEIPT', quantity: 10, unitCost: 8 } });
    const token = await tokenFor({ role: 'DEALER', centers: [d1], regions: [NET.region.id] });
    const viaB = partsB.client.as(token);
    const attempts = Array.from({ length: 40 }, (_, i) =>
      (i % 2 ? viaB : dealer1).request(RESERVE, { input: { locationId: d1, partNumber: 'PT-OIL', quantity: 1, reference: `counter-${i}` } }),
    );
    const results = await Promise.all(attempts);
    const ok = results.filter((r) => !r.errors);
    const refused = results.filter((r) => r.errors);
    expect(ok).toHaveLength(10);
    expect(refused).toHaveLength(30);
    expect(new Set(refused.flatMap((r) => errorCodes(r)))).toEqual(new Set(['CONFLICT']));
    expect(refused[0].errors![0].message).toMatch(/only 0 available/);
    expect(new Set(ok.map((r: any) => r.data.reserveParts.ledgerSeq)).size).toBe(10);
    const [oil] = (await dealer1.data(STOCK, { loc: d1, parts: ['PT-OIL'] })).stock;
    expect(oil).toMatchObject({ onHand: 10, reserved: 10, available: 0 });
    const ledger = (await dealer1.data(`{ stockMovements(locationId: "${d1}", partNumber: "PT-OIL", first: 50) { seq type reservedAfter } }`)).stockMovements;
    expect(ledger).toHaveLength(11);
    expect(ledger.map((m: any) => m.seq)).toEqual(Array.from({ length: 11 }, (_, i) => i + 1));
    expect(ledger.at(-1)).toMatchObject({ type: 'RESERVE', reservedAfter: 10 });
  });

  it('two clerks dispatching one order at once through two instances ship it once; the other gets CONFLICT', async () => {
    await planner.data(`mutation($input: PartInput!) { upsertPart(input: $input) { partNumber } }`, { input: part('PT-CLAMP', 3) });
    await hq.data(MOVE, { input: { locationId: rc, partNumber: 'PT-CLAMP', type: 'RECEIPT', quantity: 4, unitCost: 2.5 } });
    const { id } = (await dealer1.data(`mutation { submitPartsOrder(input: { locationId: "${d1}", lines: [{ partNumber: "PT-CLAMP", quantity: 3 }] }) { id } }`)).submitPartsOrder;
    const regionalB = partsB.client.as(await tokenFor({ role: 'DEALER', centers: [rc], regions: [NET.region.id] }));
    const results = await Promise.all([regional, regionalB].map((c) => c.request(`mutation { dispatchPartsOrder(id: "${id}") { status shipments { no lines { quantity } } } }`)));
    expect(results.filter((r) => !r.errors)).toHaveLength(1);
    expect(results.flatMap((r) => errorCodes(r))).toEqual(['CONFLICT']);
    const order = (await dealer1.data(`{ partsOrder(id: "${id}") { status shipments { no lines { quantity } } } }`)).partsOrder;
    expect(order).toEqual({ status: 'SHIPPED', shipments: [{ no: 1, lines: [{ quantity: 3 }] }] });
    expect((await regional.data(STOCK, { loc: rc, parts: ['PT-CLAMP'] })).stock[0]).toMatchObject({ onHand: 1, reserved: 0, available: 1 });
  });

  it('two arrivals at once serve a waiting repair order once: one PartsReserved, never more reserved than asked', async () => {
    await planner.data(`mutation($input: PartInput!) { upsertPart(input: $input) { partNumber } }`, { input: part('PT-HOSE', 15) });
    await hq.data(MOVE, { input: { locationId: hqId, partNumber: 'PT-HOSE', type: 'RECEIPT', quantity: 10, unitCost: 12 } });
    const producer = new Kafka({ clientId: 'parts-test-arrivals', brokers: testInfra().kafkaBrokers.split(','), logLevel: logLevel.NOTHING }).producer();
    await producer.connect();
    const requestId = uniqueName('req');
    const event = createEvent(
      'PartsRequested.v1',
      { requestId, repairOrderId: `ro-${requestId}`, serviceCenterId: d1, lines: [{ lineId: 'h', partNumber: 'PT-HOSE', quantity: 4 }], requestedAt: new Date().toISOString() },
      { source: 'workshop', serviceCenterId: d1 },
    );
    await producer.send({ topic: Topics.workshop, messages: [{ key: requestId, value: JSON.stringify(event) }] });
    await producer.disconnect();
    await probe.waitFor((m) => m.value?.type === 'PartsShortage' && m.value.payload.requestId === requestId, 30_000, 'the shortage');

    const transfer = async () =>
      (
        await dealer1.data(`mutation($input: CreateTransferInput!) { createPartsTransfer(input: $input) { id } }`, {
          input: { partNumber: 'PT-HOSE', quantity: 3, toLocationId: d1, fromLocationId: hqId },
        })
      ).createPartsTransfer.id as string;
    const [t1, t2] = [await transfer(), await transfer()];
    const dealer1B = partsB.client.as(await tokenFor({ role: 'DEALER', centers: [d1], regions: [NET.region.id] }));
    const received = await Promise.all([dealer1.request(`mutation { receivePartsTransfer(id: "${t1}") { status } }`), dealer1B.request(`mutation { receivePartsTransfer(id: "${t2}") { status } }`)]);
    expect(received.map((r) => r.errors)).toEqual([undefined, undefined]);
    await probe.waitFor((m) => m.value?.type === 'PartsReserved' && m.value.payload.requestId === requestId, 30_000, 'the reservation');
    await new Promise((r) => setTimeout(r, 1500));
    // Both instances' relays may publish one outbox entry (at least once); consumers dedupe by event id.
    const distinct = new Map(probe.matching((m) => m.value?.payload?.requestId === requestId).map((m) => [m.value.id, m.value.type]));
    expect([...distinct.values()]).toEqual(['PartsShortage', 'PartsReserved']);
    expect((await dealer1.data(STOCK, { loc: d1, parts: ['PT-HOSE'] })).stock[0]).toMatchObject({ onHand: 6, reserved: 4, available: 2, onOrder: 0 });
  });

  it('stock figures on the network’s ServiceCenter and Region: ABC mix and stock-outs from the last run, stock turns', async () => {
    const plans = (await planner.data(`{ partPlans(locationId: "${d2}") { partNumber abc reorderPoint } }`)).partPlans as { abc: 'A' | 'B' | 'C'; reorderPoint: number }[];
    const mix = { A: 0, B: 0, C: 0 };
    for (const p of plans) mix[p.abc]++;
    const planned = plans.filter((p) => p.reorderPoint > 0).length;
    const res = await hq.data(`{ serviceCenter(id: "${d2}") { partsKpis { stockTurns stockOuts abcMix { A B C } lineFillRate { total } } }
      region(id: "${NET.region.id}") { partsKpis { stockOuts abcMix { A B C } } } }`);
    // d2 holds none of its planned parts; its only stock (2 belts) has had no demand there.
    expect(res.serviceCenter.partsKpis).toEqual({ stockTurns: 0, stockOuts: planned, abcMix: mix, lineFillRate: { total: 0 } });
    expect(res.region.partsKpis).toEqual({ stockOuts: planned, abcMix: mix });
    expect(mix).toEqual({ A: 1, B: 1, C: 4 });
  });

  it('refuses bad input naming each field and rule, and writes nothing', async () => {
    const before = (await dealer1.data(`{ partsOrders(locationId: "${d1}") { id } }`)).partsOrders.length;
    const res = await dealer1.request(`mutation($input: SubmitPartsOrderInput!) { submitPartsOrder(input: $input) { id } }`, {
      input: { locationId: d1, lines: [{ partNumber: 'PT-FILTER', quantity: 0 }, { partNumber: 'bad part', quantity: 2 }] },
    });
    expect(errorCodes(res)).toEqual(['BAD_USER_INPUT']);
    const fields = (res.errors![0].extensions!.issues as { field: string; rule: string }[]).map((i) => `${i.field}:${i.rule}`);
    expect(fields).toEqual(expect.arrayContaining(['lines.0.quantity:min', 'lines.1.partNumber:matches']));
    const unknown = await dealer1.request(`mutation { submitPartsOrder(input: { locationId: "${d1}", lines: [{ partNumber: "NO-SUCH-PART", quantity: 1 }] }) { id } }`);
    expect(unknown.errors![0].extensions!.issues).toEqual([expect.objectContaining({ field: 'lines.0.partNumber', rule: 'exists' })]);
    const noReason = await dealer1.request(MOVE, { input: { locationId: d1, partNumber: 'PT-OIL', type: 'ADJUSTMENT', quantity: -1 } });
    expect(noReason.errors![0].extensions!.issues).toEqual([expect.objectContaining({ field: 'reason', rule: 'reasonRequired' })]);
    // A cost beyond any price overflowed the average cost to Infinity (INTERNAL_SERVER_ERROR, found by the fuzz suite).
    const oilAtD1 = async () => (await dealer1.data(STOCK, { loc: d1, parts: ['PT-OIL'] })).stock;
    const oilBefore = await oilAtD1();
    const huge = await hq.request(MOVE, { input: { locationId: d1, partNumber: 'PT-OIL', type: 'RECEIPT', quantity: 7, unitCost: 1e308 } });
    expect(huge.errors![0].extensions!.issues).toEqual([expect.objectContaining({ field: 'unitCost', rule: 'max' })]);
    expect(await oilAtD1()).toEqual(oilBefore);
    const pricey = await planner.request(`mutation($input: PartInput!) { upsertPart(input: $input) { partNumber } }`, {
      input: { partNumber: 'PT-PRICEY', names: [{ lang: 'en', text: 'Priceless' }], listPrice: 1e12, unit: 'PIECE' },
    });
    expect(pricey.errors![0].extensions!.issues).toEqual([expect.objectContaining({ field: 'listPrice', rule: 'max' })]);
    expect(errorCodes(await hq.request(`{ part(partNumber: "PT-PRICEY") { partNumber } }`))).toEqual(['NOT_FOUND']);
    expect((await dealer1.data(`{ partsOrders(locationId: "${d1}") { id } }`)).partsOrders).toHaveLength(before);
    const foreign = await dealer2.request(MOVE, { input: { locationId: d1, partNumber: 'PT-OIL', type: 'RECEIPT', quantity: 1 } });
    expect(foreign.errors?.map((e) => [e.extensions?.code, e.extensions?.field])).toEqual([['NOT_FOUND', 'locationId']]);
  });

  it('verifies a genuine package code once', async () => {
    const [code] = (await planner.data(`mutation { issueGenuineCodes(input: { partNumber: "PT-FILTER", count: 2 }) }`)).issueGenuineCodes;
    const verify = (c: string) => dealer1.data(`mutation { verifyGenuineCode(input: { code: "${c}", partNumber: "PT-FILTER", locationId: "${d1}" }) { verdict } }`);
    expect((await verify(code)).verifyGenuineCode.verdict).toBe('GENUINE');
    expect((await verify(code)).verifyGenuineCode.verdict).toBe('ALREADY_VERIFIED');
    expect((await verify('0000000000000')).verifyGenuineCode.verdict).toMatch(/UNKNOWN_CODE|MALFORMED/);
  });

  it('the committed SDL is what the code serves', () => {
    expect(subgraphSdl(parts.app)).toBe(readFileSync(SCHEMA_FILE, 'utf8'));
  });
});
