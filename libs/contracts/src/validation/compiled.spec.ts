import fc from 'fast-check';
import {
  compiledValidate,
  createEvent,
  JobOrderCreatedV1,
  JobOrderRequestedV1,
  parseEvent,
  referenceValidate,
  sampleJobOrderCreated,
  sampleJobOrderRequested,
  sampleServiceCenter,
} from '../index';
import type { EventKey, ParseEventResult, Validate } from '../index';

function envelope(key: EventKey, payload: object): Record<string, unknown> {
  return JSON.parse(JSON.stringify(createEvent(key, payload as never, { source: 'test', serviceCenterId: 'sc-0001' })));
}

const requested = () => envelope('JobOrderRequested.v1', sampleJobOrderRequested());
const created = () => envelope('JobOrderCreated.v1', sampleJobOrderCreated());

/** Either way's answer, or what it threw: the two must agree on both. */
function outcome(raw: unknown, validate: Validate): { result?: ParseEventResult; threw?: string } {
  try {
    return { result: parseEvent(raw, validate) };
  } catch (e) {
    return { threw: String(e) };
  }
}

function expectSameAsClassValidator(make: () => unknown): ParseEventResult {
  const event = make();
  // Each way gets its own copy: class-transformer and the whitelist must not see the other's work.
  const compiled = outcome(structuredClone(event), compiledValidate);
  const reference = outcome(structuredClone(event), referenceValidate);
  expect(compiled).toStrictEqual(reference);
  if (!compiled.result) throw new Error(`both threw: ${compiled.threw}`);
  return compiled.result;
}

function refusals(raw: () => Record<string, unknown>) {
  const result = expectSameAsClassValidator(raw);
  if (result.ok) throw new Error('expected a refusal');
  return result.errors.map(({ field, rule }) => ({ field, rule }));
}

function withPayload(base: () => Record<string, unknown>, change: (payload: Record<string, unknown>) => void) {
  return () => {
    const event = base();
    change(event.payload as Record<string, unknown>);
    return event;
  };
}

describe('compiled event validation: the same rules as class-validator', () => {
  it('accepts the events job-orders consumes and returns the payload as the contract class, nested classes included', () => {
    const result = expectSameAsClassValidator(requested);
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.event.payload).toBeInstanceOf(JobOrderRequestedV1);
    const created_ = expectSameAsClassValidator(created);
    if (!created_.ok) throw new Error(JSON.stringify(created_.errors));
    expect(created_.event.payload).toBeInstanceOf(JobOrderCreatedV1);
    expect((created_.event.payload as JobOrderCreatedV1).links?.[0].constructor.name).toBe('SourceRefV1');
  });

  it('refuses a missing required field, naming the field and each rule', () => {
    expect(refusals(withPayload(requested, (p) => delete p.callId))).toEqual([
      { field: 'payload.callId', rule: 'isNotEmpty' },
      { field: 'payload.callId', rule: 'isString' },
    ]);
    expect(refusals(withPayload(requested, (p) => delete p.toHq))).toEqual([{ field: 'payload.toHq', rule: 'isBoolean' }]);
  });

  it('refuses a value outside an enum', () => {
    expect(refusals(withPayload(requested, (p) => (p.reason = 'WHIM')))).toEqual([{ field: 'payload.reason', rule: 'isIn' }]);
  });

  it('refuses bad nested objects: a field inside, and a value that is not an object', () => {
    expect(refusals(withPayload(requested, (p) => ((p.customer as Record<string, unknown>).country = 'XX')))).toEqual([
      { field: 'payload.customer.country', rule: 'isISO31661Alpha2' },
    ]);
    expect(refusals(withPayload(requested, (p) => (p.customer = 'Ana')))).toEqual([{ field: 'payload.customer', rule: 'nestedValidation' }]);
    expect(refusals(withPayload(requested, (p) => ((p.vehicle as Record<string, unknown>).vin = 'not a vin')))).toEqual([
      { field: 'payload.vehicle.vin', rule: 'matches' },
    ]);
  });

  it('refuses bad elements of arrays of objects and of enums, by index', () => {
    expect(refusals(withPayload(created, (p) => (p.links = [{ kind: 'CALL', id: 'c-1' }, { kind: 'LETTER', id: '' }])))).toEqual([
      { field: 'payload.links.1.kind', rule: 'isIn' },
      { field: 'payload.links.1.id', rule: 'isNotEmpty' },
    ]);
    expect(refusals(withPayload(created, (p) => (p.links = [null])))).toEqual([{ field: 'payload.links.0', rule: 'nestedValidation' }]);
    expect(refusals(withPayload(created, (p) => (p.tiers = ['DEALER', 'DEALER', 'MOON'])))).toEqual([
      { field: 'payload.tiers', rule: 'isIn' },
      { field: 'payload.tiers', rule: 'arrayUnique' },
    ]);
  });

  it('refuses impossible dates and times', () => {
    expect(refusals(withPayload(requested, (p) => (p.requestedAt = '2026-02-30T10:00:00Z')))).toEqual([
      { field: 'payload.requestedAt', rule: 'isUtcTimestamp' },
    ]);
    const center = () => envelope('ServiceCenterUpserted.v1', sampleServiceCenter());
    expect(
      refusals(
        withPayload(center, (p) => {
          const calendar = p.calendar as { weekly: { slots: { start: string; end: string }[] }[]; closures: string[] };
          calendar.weekly[0].slots[1].end = '12:30';
          calendar.closures = ['2025-13-01'];
        }),
      ),
    ).toEqual([
      { field: 'payload.calendar.weekly.0.slots.1.end', rule: 'isAfterTime' },
      { field: 'payload.calendar.closures', rule: 'isCalendarDate' },
    ]);
  });

  it('refuses numbers out of range', () => {
    expect(refusals(withPayload(requested, (p) => ((p.location as Record<string, unknown>).lat = 90.5)))).toEqual([{ field: 'payload.location.lat', rule: 'max' }]);
    expect(refusals(withPayload(requested, (p) => ((p.vehicle as Record<string, unknown>).mileageKm = -1)))).toEqual([
      { field: 'payload.vehicle.mileageKm', rule: 'min' },
    ]);
  });

  it('checks the envelope too, and names the rule in the message', () => {
    const result = expectSameAsClassValidator(() => ({ ...requested(), id: 'not-a-uuid', version: 0 }));
    expect(result).toMatchObject({
      ok: false,
      errors: [
        { field: 'id', rule: 'isUuid', message: 'id must be a UUID' },
        { field: 'version', rule: 'min', message: 'version must not be less than 1' },
      ],
    });
  });

  it('strips unknown properties at every level, as before', () => {
    const result = expectSameAsClassValidator(
      withPayload(requested, (p) => {
        p.extra = 1;
        (p.customer as Record<string, unknown>).nickname = 'A';
      }),
    );
    if (!result.ok) throw new Error('expected a valid event');
    expect(result.event.payload).not.toHaveProperty('extra');
    expect((result.event.payload as JobOrderRequestedV1).customer).not.toHaveProperty('nickname');
  });

  it('gives values JSON cannot hold (a Date, a class instance) the answer class-validator gives', () => {
    expectSameAsClassValidator(withPayload(requested, (p) => (p.requestedAt = new Date('2026-12-05T10:00:00Z') as never)));
    expectSameAsClassValidator(withPayload(requested, (p) => (p.customer = new Map([['name', 'x']]) as never)));
    expectSameAsClassValidator(withPayload(requested, (p) => ((p.customer as Record<string, unknown>)['constructor'] = 'x')));
  });

  // Paths of every value of a payload, to mutate one at random.
  function paths(value: unknown, at: (string | number)[] = []): (string | number)[][] {
    if (value === null || typeof value !== 'object') return [at];
    const children = Array.isArray(value) ? value.map((v, i) => paths(v, [...at, i])) : Object.entries(value).map(([k, v]) => paths(v, [...at, k]));
    return [at, ...children.flat()];
  }

  const interesting = fc.oneof(
    fc.constantFrom<unknown>(null, '', ' ', 'x', 0, -1, 1.5, 91, -181, 1e21, true, false, [], {}, [{}], [null], ['DEALER'], ['DEALER', 'DEALER']),
    fc.constantFrom<unknown>('COMPLAINT', 'CALL', 'HQ', 'BR', 'XX', '+5511987654321', 'a@b.co', '2026-12-05T10:00:00.000Z', '2026-02-30T10:00:00Z'),
    fc.constantFrom<unknown>('1M8GDM9AXKP042788', 'x'.repeat(4001), { kind: 'CALL', id: 'c' }, { kind: 'X' }, { lat: 1, lng: 2 }, { name: 'A', country: 'BR' }),
    fc.string(),
    fc.double(),
    fc.integer(),
    fc.jsonValue(),
  );

  type Mutation = { pick: number; action: 'set' | 'delete' | 'add'; value: unknown; key: string };
  const mutation: fc.Arbitrary<Mutation> = fc.record({
    pick: fc.nat(),
    action: fc.constantFrom<'set' | 'delete' | 'add'>('set', 'set', 'delete', 'add'),
    value: interesting,
    key: fc.oneof(fc.constantFrom('extra', 'toString', 'hasOwnProperty', '__proto__', 'constructor', '0'), fc.string()),
  });

  function mutate(base: Record<string, unknown>, mutations: Mutation[]): Record<string, unknown> {
    const event = structuredClone(base);
    for (const m of mutations) {
      const all = paths(event.payload, ['payload']);
      const path = all[m.pick % all.length];
      const parent = path.slice(0, -1).reduce<unknown>((o, k) => (o as Record<string | number, unknown>)[k], event) as Record<string | number, unknown>;
      const last = path[path.length - 1];
      const target = parent[last];
      // A copy: fast-check hands out the same constant objects run after run, and an 'add' into one
      // would change (even make cyclic) the values of later runs, which a replay of the seed then lacks.
      const value = structuredClone(m.value);
      if (m.action === 'delete') delete parent[last];
      else if (m.action === 'add' && target !== null && typeof target === 'object' && !Array.isArray(target))
        Object.defineProperty(target, m.key, { value, enumerable: true, configurable: true, writable: true });
      else parent[last] = value;
    }
    return event;
  }

  it.each([
    ['JobOrderRequested.v1', requested],
    ['JobOrderCreated.v1', created],
    ['ServiceCenterUpserted.v1', () => envelope('ServiceCenterUpserted.v1', sampleServiceCenter())],
  ] as const)('agrees with class-validator on random valid and broken %s events, parsed from JSON and as objects', (_key, base) => {
    const valid = base();
    let refused = 0;
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 0, maxLength: 3 }), fc.boolean(), (mutations, asJson) => {
        const event = mutate(valid, mutations);
        const raw = () => (asJson ? JSON.stringify(event) : structuredClone(event));
        const compiled = outcome(raw(), compiledValidate);
        expect(compiled).toStrictEqual(outcome(raw(), referenceValidate));
        if (compiled.result && !compiled.result.ok) refused++;
      }),
      { numRuns: 400 },
    );
    // The generator must exercise both answers, or the agreement says little.
    expect(refused).toBeGreaterThan(50);
    expect(refused).toBeLessThan(390);
  });
});
