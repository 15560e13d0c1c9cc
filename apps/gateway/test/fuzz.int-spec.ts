import { randomBytes } from 'node:crypto';
import {
  fuzzMutations,
  fuzzTokens,
  fuzzWorld,
  mutationsOf,
  prepareFuzzWorld,
  problemsOf,
  startSystem,
  worldSnapshot,
  type GraphQLClient,
  type RunningSystem,
} from '@aftersales/testing';
import { loadSupergraph } from './scope-operations';

/**
 * Issue 18, point 7: every mutation of the supergraph, fuzzed through the gateway with inputs generated
 * from its input types (well typed, wrong types, boundary numbers, huge and unicode strings, missing
 * and extra fields), as a caller the mutation lets in. No answer may be INTERNAL_SERVER_ERROR or an
 * HTTP 5xx, and a mutation none of whose cases succeeded must leave the world as it was.
 * FUZZ_RUNS (default 50) and FUZZ_SEED (default: random, printed) repeat a run; `npm run bench -- fuzz`
 * runs 1,000 per mutation.
 */

const RUNS = Number(process.env.FUZZ_RUNS ?? 50);
const SEED = Number(process.env.FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 31));
const SFX = randomBytes(3).toString('hex');

describe('fuzzing every mutation through the gateway', () => {
  let system: RunningSystem;
  const world = fuzzWorld(SFX);
  const tokens: [string, string][] = [];
  let hq: GraphQLClient;
  /** What the services wrote: the cause of an internal error is logged under its correlation id. */
  let logs = '';

  beforeAll(async () => {
    system = await startSystem({
      topicPrefix: `fuzz-${SFX}.`,
      // Thousands of requests with a handful of tokens: the gateway's per-token rate limit is not what is fuzzed here.
      env: { gateway: { GATEWAY_RATE_LIMIT_PER_MINUTE: '0' } },
      onOutput: (_name, chunk) => (logs = (logs + chunk).slice(-5_000_000)),
    });
    tokens.push(...(await fuzzTokens(world)));
    hq = system.gateway.client.as(tokens[0][1]);
    await prepareFuzzWorld(system.gateway.client, world, tokens);
  }, 600_000);

  afterAll(async () => {
    await system?.stop();
  });

  // Inputs fuzzing found answered INTERNAL_SERVER_ERROR: class-validator's maxDecimalPlaces threw on `5e-324`,
  // validator's isEmail on an unpaired surrogate.
  it.each([
    ['deliverRepairOrder', 'hq', 'mutation($id: ID!, $input: DeliverInput!) { deliverRepairOrder(id: $id, input: $input) { id } }', { id: 'ro-none', input: { finalAmount: 5e-324, paymentMethod: 'CASH', paidAmount: 100, deliveredBy: 'fz-advisor' } }, 'finalAmount'],
    ['addRepairOrderItem', 'hq', 'mutation($id: ID!, $input: AddItemInput!) { addRepairOrderItem(id: $id, input: $input) { id } }', { id: 'ro-none', input: { item: { kind: 'LABOR', code: 'OP-X', description: 'Skim the discs', quantity: 1, unitPrice: 6e-323, warrantyClaim: false }, authorization: { by: 'Li Wei', channel: 'PHONE', at: new Date().toISOString() } } }, 'unitPrice'],
    ['upsertPart', 'planner', 'mutation($input: PartInput!) { upsertPart(input: $input) { partNumber } }', { input: { partNumber: 'FZ-TINY-PRICE', names: [{ lang: 'en', text: 'Pad' }], listPrice: 5e-324, unit: 'PIECE', leadTimeDays: 10 } }, 'listPrice'],
    ['recordStockMovement', 'hq', 'mutation($input: StockMovementInput!) { recordStockMovement(input: $input) { onHand } }', { input: { locationId: 'LOCATION', partNumber: 'PART', type: 'RECEIPT', quantity: 1, unitCost: 9e-323 } }, 'unitCost'],
    ['registerComplaint', 'hq', 'mutation($input: RegisterComplaintInput!) { registerComplaint(input: $input) { id } }', {
      input: {
        channel: 'PHONE', type: 'SERVICE_QUALITY', serviceCenterId: 'LOCATION', customer: { name: 'Li Wei', phone: '+8613912345678', email: '\ud800' },
        vehicle: { vin: 'LJ12EKR24N4000007' }, relatedProductModels: [], content: 'Noise after the service', images: [], flags: [],
      },
    }, 'email', 'wellFormed'],
    ['openRepairOrder', 'dealer', 'mutation($input: OpenRepairOrderInput!) { openRepairOrder(input: $input) { id } }', {
      input: {
        serviceCenterId: 'LOCATION', advisorId: 'ADVISOR', customer: { name: 'Li Wei', email: '\udfff\ud800', country: 'CN' }, vehicle: { vin: 'LJ12EKR24N4000007' },
        walkAround: { mileageKm: 1, fuelPercent: 50, damages: [], valuables: [], tools: [], customerSigned: true }, faultDescription: 'Noise', faultCode: 'NOISE',
        items: [], promisedAt: new Date(Date.now() + 86_400_000).toISOString(), customerSignature: { name: 'Li Wei', signedAt: new Date().toISOString() },
        nextMaintenance: { date: '2030-01-01', mileageKm: 10_000 },
      },
    }, 'email', 'wellFormed'],
  ])('%s (as %s) refuses the input with BAD_USER_INPUT naming the field and the rule', async (_name, caller, query, variables, field, rule = 'maxDecimalPlaces') => {
    const vars = JSON.parse(JSON.stringify(variables).replace('LOCATION', world.ids.dealer).replace('PART', world.ids.part).replace('ADVISOR', world.staffOf('advisor')));
    const res = await system.gateway.client.as(tokens.find(([n]) => n === caller)![1]).request<any>(query, vars);
    expect(res.errors?.map((e) => e.extensions?.code)).toEqual(['BAD_USER_INPUT']);
    expect(res.errors![0].extensions!.issues).toContainEqual(expect.objectContaining({ field: expect.stringMatching(new RegExp(`${field}$`)), rule }));
  });

  it(`answers every mutation's ${RUNS} generated inputs without an internal error, and writes nothing when it refuses (seed ${SEED})`, async () => {
    const schema = loadSupergraph();
    const reports = await fuzzMutations({
      schema,
      url: system.gateway.graphqlUrl,
      tokens,
      pool: world.pool,
      runs: RUNS,
      seed: SEED,
      snapshot: worldSnapshot(hq, world.ids.dealer, [world.ids.dealer, world.ids.rc]),
      last: ['upsertRegion', 'upsertServiceCenter', 'importServiceCenters', 'upsertStaff', 'configureWorkshop'],
    });
    expect(reports.map((r) => r.mutation).sort()).toEqual(mutationsOf(schema).map((f) => f.name).sort());
    // The inputs reach the services: not all refused by the role check or by the gateway's type check.
    const unreached = reports.filter((r) => (r.codes.FORBIDDEN ?? 0) === r.cases).map((r) => r.mutation);
    expect(unreached).toEqual([]);
    const total = reports.reduce((n, r) => n + r.cases, 0);
    process.stdout.write(`fuzz: ${reports.length} mutations, ${total} cases, seed ${SEED}, ${reports.reduce((n, r) => n + r.succeeded, 0)} succeeded\n`);
    expect(problemsOf(reports, logs)).toEqual([]);
  }, 900_000);
});
