import {
  createEvent,
  dlqTopicOf,
  EventValidationError,
  isEventKey,
  parseEvent,
  sampleServiceCenter,
  sampleStaff,
  ServiceCenterUpsertedV1,
  topicOf,
  topicOfEvent,
  Topics,
} from './index';

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

function validEnvelope(): Record<string, unknown> {
  return JSON.parse(
    JSON.stringify(createEvent('ServiceCenterUpserted.v1', sampleServiceCenter(), { source: 'network', serviceCenterId: 'sc-0001' })),
  );
}

function errorsOf(raw: unknown) {
  const result = parseEvent(raw);
  if (result.ok) throw new Error('expected a failure');
  return result.errors;
}

describe('createEvent', () => {
  it('builds an envelope with literal type/version and defaults', () => {
    const event = createEvent('StaffUpserted.v1', sampleStaff(), { source: 'network' });
    expect(event.type).toBe('StaffUpserted');
    expect(event.version).toBe(1);
    expect(event.id).toMatch(UUID_V4);
    expect(event.correlationId).toBe(event.id);
    expect(event.serviceCenterId).toBeNull();
    expect(event.source).toBe('network');
    expect(new Date(event.occurredAt).toISOString()).toBe(event.occurredAt);
  });

  it('keeps the given correlation id and service center', () => {
    const event = createEvent('StaffUpserted.v1', sampleStaff(), { source: 'network', serviceCenterId: 'sc-1', correlationId: 'corr-1' });
    expect(event.correlationId).toBe('corr-1');
    expect(event.serviceCenterId).toBe('sc-1');
  });

  it('rejects an invalid payload', () => {
    expect(() => createEvent('StaffUpserted.v1', sampleStaff({ email: 'nope' }), { source: 'network' })).toThrow(EventValidationError);
    try {
      createEvent('StaffUpserted.v1', sampleStaff({ email: 'nope' }), { source: 'network' });
    } catch (e) {
      expect((e as EventValidationError).errors).toEqual([expect.objectContaining({ field: 'email', rule: 'isEmail' })]);
    }
  });
});

describe('catalog', () => {
  it('maps events to topics', () => {
    expect(topicOf('ServiceCenterUpserted.v1')).toBe(Topics.network);
    expect(topicOf('StaffUpserted.v1')).toBe('aftersales.network.events');
    expect(topicOfEvent({ type: 'StaffUpserted', version: 1 })).toBe(Topics.network);
    expect(() => topicOfEvent({ type: 'StaffUpserted', version: 9 })).toThrow(/unknown event/);
    expect(isEventKey('StaffUpserted.v1')).toBe(true);
    expect(isEventKey('toString')).toBe(false);
    expect(dlqTopicOf(Topics.network)).toBe('aftersales.network.events.dlq');
  });
});

describe('parseEvent', () => {
  it('accepts valid events (object, JSON string, Buffer) and returns payload class instances', () => {
    const raw = validEnvelope();
    for (const input of [raw, JSON.stringify(raw), Buffer.from(JSON.stringify(raw))]) {
      const result = parseEvent(input);
      expect(result).toMatchObject({ ok: true });
      if (!result.ok) return;
      expect(result.event.type).toBe('ServiceCenterUpserted');
      expect(result.event.payload).toBeInstanceOf(ServiceCenterUpsertedV1);
      expect(result.event.payload).toEqual(expect.objectContaining(sampleServiceCenter()));
    }
    const staff = parseEvent(JSON.parse(JSON.stringify(createEvent('StaffUpserted.v1', sampleStaff(), { source: 'network' }))));
    expect(staff.ok).toBe(true);
  });

  it('accepts minimal optional fields (no parentId, postalCode, subdivision; star null)', () => {
    const raw = validEnvelope();
    const p = raw.payload as Record<string, any>;
    delete p.parentId;
    delete p.address.postalCode;
    delete p.calendar.subdivision;
    p.star = null;
    p.keyContacts = [];
    p.phones = [];
    raw.serviceCenterId = null;
    expect(parseEvent(raw)).toMatchObject({ ok: true });
  });

  it('strips unknown properties (adding an optional field is not breaking)', () => {
    const raw = validEnvelope();
    (raw.payload as Record<string, unknown>).newField = 'x';
    raw.extra = 1;
    const result = parseEvent(raw);
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.event.payload).not.toHaveProperty('newField');
      expect(result.event).not.toHaveProperty('extra');
    }
  });

  it.each([
    ['id', 'not-a-uuid', 'id', 'isUuid'],
    ['occurredAt', '2025-06-01T10:00:00+02:00', 'occurredAt', 'isUtcTimestamp'],
    ['occurredAt', '2025-02-30T10:00:00Z', 'occurredAt', 'isUtcTimestamp'],
    ['source', '', 'source', 'isNotEmpty'],
    ['serviceCenterId', 42, 'serviceCenterId', 'isString'],
    ['correlationId', undefined, 'correlationId', 'isString'],
    ['version', '1', 'version', 'isInt'],
    ['version', 0, 'version', 'min'],
    ['type', 'service center', 'type', 'matches'],
  ])('reports envelope field %s=%p', (key, value, field, rule) => {
    const raw = validEnvelope();
    if (value === undefined) delete raw[key];
    else raw[key] = value;
    expect(errorsOf(raw)).toEqual(expect.arrayContaining([expect.objectContaining({ field, rule })]));
  });

  const payloadCases: [string, (p: Record<string, any>) => void, string, string][] = [
    ['kind', (p) => (p.kind = 'GARAGE'), 'payload.kind', 'isIn'],
    ['country', (p) => (p.country = 'DEU'), 'payload.country', 'isISO31661Alpha2'],
    ['timeZone', (p) => (p.timeZone = 'Mars/Olympus'), 'payload.timeZone', 'isTimeZone'],
    ['lat', (p) => (p.location.lat = 91), 'payload.location.lat', 'max'],
    ['lng', (p) => (p.location.lng = '11.5'), 'payload.location.lng', 'isNumber'],
    ['location', (p) => (p.location = null), 'payload.location', 'isObject'],
    ['address.city', (p) => delete p.address.city, 'payload.address.city', 'isString'],
    ['phones', (p) => (p.phones = ['ok', 5]), 'payload.phones', 'isString'],
    ['status', (p) => (p.status = 'OPEN'), 'payload.status', 'isIn'],
    ['rescue24h', (p) => (p.rescue24h = 'yes'), 'payload.rescue24h', 'isBoolean'],
    ['star.auditDate', (p) => (p.star = { auditDate: '2025-13-01' }), 'payload.star.auditDate', 'isCalendarDate'],
    ['weekday', (p) => (p.calendar.weekly[0].weekday = 8), 'payload.calendar.weekly.0.weekday', 'max'],
    ['duplicate weekday', (p) => (p.calendar.weekly[1].weekday = 1), 'payload.calendar.weekly', 'arrayUnique'],
    ['slot start', (p) => (p.calendar.weekly[0].slots[1].start = '7:00'), 'payload.calendar.weekly.0.slots.1.start', 'isTimeOfDay'],
    ['slot order', (p) => (p.calendar.weekly[0].slots[0].end = '07:00'), 'payload.calendar.weekly.0.slots.0.end', 'isAfterTime'],
    ['closures', (p) => (p.calendar.closures = ['24.12.2025']), 'payload.calendar.closures', 'isCalendarDate'],
    ['extra day', (p) => (p.calendar.extraWorkingDays[0].date = 'tomorrow'), 'payload.calendar.extraWorkingDays.0.date', 'isCalendarDate'],
    ['holidays flag', (p) => delete p.calendar.observePublicHolidays, 'payload.calendar.observePublicHolidays', 'isBoolean'],
    ['contact role', (p) => (p.keyContacts[0].role = 'TECHNICIAN'), 'payload.keyContacts.0.role', 'isIn'],
    ['contact email', (p) => (p.keyContacts[0].email = 'x@'), 'payload.keyContacts.0.email', 'isEmail'],
    ['updatedAt', (p) => (p.updatedAt = 'yesterday'), 'payload.updatedAt', 'isUtcTimestamp'],
    ['parentId', (p) => (p.parentId = 7), 'payload.parentId', 'isString'],
  ];
  it.each(payloadCases)('reports payload field %s', (_name, mutate, field, rule) => {
    const raw = validEnvelope();
    mutate(raw.payload as Record<string, any>);
    expect(errorsOf(raw)).toEqual(expect.arrayContaining([expect.objectContaining({ field, rule })]));
  });

  it('reports every bad field at once, with messages naming the path', () => {
    const raw = validEnvelope();
    const p = raw.payload as Record<string, any>;
    p.kind = 'X';
    p.location.lat = 'north';
    const errors = errorsOf(raw);
    expect(errors.map((e) => e.field)).toEqual(expect.arrayContaining(['payload.kind', 'payload.location.lat']));
    expect(errors.find((e) => e.field === 'payload.kind')?.message).toMatch(/^payload\.kind /);
  });

  it('validates StaffUpserted qualifications', () => {
    const raw = JSON.parse(JSON.stringify(createEvent('StaffUpserted.v1', sampleStaff(), { source: 'network' })));
    raw.payload.qualifications[0].role = 'ASTRONAUT';
    raw.payload.qualifications[0].expiresAt = 'never';
    raw.payload.role = 'CEO';
    expect(errorsOf(raw)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'payload.qualifications.0.role', rule: 'isIn' }),
        expect.objectContaining({ field: 'payload.qualifications.0.expiresAt', rule: 'isIso8601' }),
        expect.objectContaining({ field: 'payload.role', rule: 'isIn' }),
      ]),
    );
  });

  it('rejects an unknown version of a known type', () => {
    const raw = validEnvelope();
    raw.version = 2;
    expect(errorsOf(raw)).toEqual([expect.objectContaining({ field: 'version', rule: 'unknownVersion' })]);
  });

  it('rejects an unknown type', () => {
    const raw = validEnvelope();
    raw.type = 'SomethingHappened';
    expect(errorsOf(raw)).toEqual([expect.objectContaining({ field: 'type', rule: 'unknownEvent' })]);
  });

  it('rejects inherited keys used as types', () => {
    const raw = validEnvelope();
    raw.type = 'Constructor';
    expect(errorsOf(raw)[0].rule).toBe('unknownEvent');
  });

  it('rejects non-objects, bad JSON and a missing or non-object payload', () => {
    expect(errorsOf('{nope')).toEqual([expect.objectContaining({ rule: 'json' })]);
    expect(errorsOf(42)).toEqual([expect.objectContaining({ rule: 'isObject' })]);
    expect(errorsOf([])).toEqual([expect.objectContaining({ rule: 'isObject' })]);
    const noPayload = validEnvelope();
    delete noPayload.payload;
    expect(errorsOf(noPayload)).toEqual([expect.objectContaining({ field: 'payload', rule: 'isDefined' })]);
    const strPayload = validEnvelope();
    strPayload.payload = 'x';
    expect(errorsOf(strPayload)).toEqual([expect.objectContaining({ field: 'payload', rule: 'isObject' })]);
  });
});
