import { DEFAULT_TELEMATICS_TIMING, parseTelematicsEvent, reactionsOf, telematicsSummary, withinReplayWindow } from './telematics';

const NOW = new Date('2026-12-05T10:00:00Z');
const VIN = 'LSGJA52U27S123456';
const crash = { eventId: 'e-1', vin: VIN, kind: 'CRASH', occurredAt: '2026-12-05T09:59:30Z', location: { lat: 31.23, lng: 121.47 }, heading: 270, airbagDeployed: true };

describe('telematics event validation', () => {
  it('accepts a crash with location, heading and airbag, normalizing the VIN', () => {
    const { event, issues } = parseTelematicsEvent({ ...crash, vin: VIN.toLowerCase() }, NOW);
    expect(issues).toEqual([]);
    expect(event).toMatchObject({ vin: VIN, kind: 'CRASH', heading: 270, airbagDeployed: true, location: { lat: 31.23, lng: 121.47 } });
    expect(event!.occurredAt.toISOString()).toBe('2026-12-05T09:59:30.000Z');
  });

  it('names each field and rule that is broken', () => {
    const { event, issues } = parseTelematicsEvent({ ...crash, location: { lat: 91, lng: -181 }, heading: 360, airbagDeployed: undefined, vin: 'SHORT' }, NOW);
    expect(event).toBeNull();
    expect(issues.map((i) => `${i.field}:${i.rule}`).sort()).toEqual(['airbagDeployed:required', 'heading:range', 'location.lat:range', 'location.lng:range', 'vin:vin']);
  });

  it('needs a location for a crash or breakdown, not for a fault code', () => {
    expect(parseTelematicsEvent({ ...crash, kind: 'BREAKDOWN', location: undefined }, NOW).issues).toEqual([expect.objectContaining({ field: 'location', rule: 'required' })]);
    const dtc = { eventId: 'e-2', vin: VIN, kind: 'DTC', occurredAt: '2026-12-05T09:00:00+08:00', dtc: { code: 'p0301', severity: 'MAJOR', odometerKm: 42000 } };
    const { event, issues } = parseTelematicsEvent(dtc, NOW);
    expect(issues).toEqual([]);
    expect(event!.dtc).toEqual({ code: 'P0301', severity: 'MAJOR', odometerKm: 42000 });
  });

  it('checks the fault code, the severity enum and the odometer of a DTC', () => {
    const { issues } = parseTelematicsEvent({ eventId: 'e', vin: VIN, kind: 'DTC', occurredAt: '2026-12-05T09:00:00Z', dtc: { code: 'X999', severity: 'BAD', odometerKm: -1 } }, NOW);
    expect(issues.map((i) => `${i.field}:${i.rule}`)).toEqual(['dtc.code:dtcCode', 'dtc.severity:isIn', 'dtc.odometerKm:range']);
  });

  it('refuses unknown kinds, a timestamp without zone, a future timestamp and a non-object body', () => {
    expect(parseTelematicsEvent({ ...crash, kind: 'FIRE' }, NOW).issues).toEqual([expect.objectContaining({ field: 'kind', rule: 'isIn' })]);
    expect(parseTelematicsEvent({ ...crash, occurredAt: '2026-12-05T09:00:00' }, NOW).issues).toEqual([expect.objectContaining({ field: 'occurredAt', rule: 'timestamp' })]);
    expect(parseTelematicsEvent({ ...crash, occurredAt: '2026-12-05T11:00:00Z' }, NOW).issues).toEqual([expect.objectContaining({ field: 'occurredAt', rule: 'notInFuture' })]);
    expect(parseTelematicsEvent([1], NOW).issues).toEqual([{ field: 'body', rule: 'object', message: 'must be a JSON object' }]);
  });
});

describe('replay window', () => {
  const sec = NOW.getTime() / 1000;
  it('holds timestamps within the window either side of now', () => {
    expect(withinReplayWindow(sec - 300, NOW, 300)).toBe(true);
    expect(withinReplayWindow(sec + 299, NOW, 300)).toBe(true);
    expect(withinReplayWindow(sec - 301, NOW, 300)).toBe(false);
    expect(withinReplayWindow(Number.NaN, NOW, 300)).toBe(false);
  });
});

describe('telematics reactions', () => {
  it('a crash starts a rescue and a driver call due at once', () => {
    expect(reactionsOf({ kind: 'CRASH', dtc: null })).toEqual({ rescue: true, call: { reaction: 'DRIVER_CALL', dueInMinutes: 0 }, proposeAppointment: false });
  });
  it('a breakdown starts a rescue only', () => {
    expect(reactionsOf({ kind: 'BREAKDOWN', dtc: null })).toEqual({ rescue: true, call: null, proposeAppointment: false });
  });
  it('a severe fault is called about and proposed a workshop visit; a minor one waits for the next service', () => {
    const major = reactionsOf({ kind: 'DTC', dtc: { code: 'P0301', severity: 'MAJOR', odometerKm: 1 } });
    expect(major).toEqual({ rescue: false, call: { reaction: 'FAULT_CALL', dueInMinutes: DEFAULT_TELEMATICS_TIMING.faultCallMinutes }, proposeAppointment: true });
    expect(reactionsOf({ kind: 'DTC', dtc: { code: 'P0301', severity: 'CRITICAL', odometerKm: 1 } }).proposeAppointment).toBe(true);
    expect(reactionsOf({ kind: 'DTC', dtc: { code: 'P0301', severity: 'MINOR', odometerKm: 1 } })).toEqual({ rescue: false, call: null, proposeAppointment: false });
  });
  it('maintenance due is a care call, a low battery a reminder, both on the configured delay', () => {
    const timing = { crashCallMinutes: 0, faultCallMinutes: 60, reminderCallMinutes: 90 };
    expect(reactionsOf({ kind: 'MAINTENANCE_DUE', dtc: null }, timing).call).toEqual({ reaction: 'CARE_CALL', dueInMinutes: 90 });
    expect(reactionsOf({ kind: 'LOW_BATTERY', dtc: null }, timing).call).toEqual({ reaction: 'BATTERY_REMINDER', dueInMinutes: 90 });
  });
  it('summarizes the fault for the agent and the workshop', () => {
    expect(telematicsSummary({ kind: 'DTC', dtc: { code: 'P0301', severity: 'MAJOR', odometerKm: 42000 }, airbagDeployed: null, description: 'misfire' })).toBe(
      'Telematics DTC: fault P0301 (MAJOR) at 42000 km: misfire',
    );
    expect(telematicsSummary({ kind: 'CRASH', dtc: null, airbagDeployed: true, description: null })).toBe('Telematics CRASH: airbag deployed');
  });
});
