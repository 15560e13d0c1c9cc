import fc from 'fast-check';
import type { WorkingCalendar } from '@aftersales/calendar';
import { candidateSlots, classifyArrival, daySlots, reminderDueAt, slotAt, validateSetup, type WorkshopSetup } from './appointments';
import { appointmentMachine } from './appointments';
import { TransitionError } from './errors';

const CAL: WorkingCalendar = {
  timeZone: 'Asia/Shanghai',
  country: 'CN',
  weekly: [1, 2, 3, 4, 5].map((weekday) => ({ weekday: weekday as 1, slots: [{ start: '08:30', end: '12:00' }, { start: '13:30', end: '17:30' }] })),
  closures: [],
  extraWorkingDays: [],
  observePublicHolidays: true,
};

const SETUP: WorkshopSetup = {
  bays: [
    { id: 'b1', appointmentBay: true },
    { id: 'b2', appointmentBay: true },
    { id: 'b3', appointmentBay: false },
  ],
  slotMinutes: 60,
  lateAfterMinutes: 15,
  periods: [
    { start: '08:30', end: '10:30', kind: 'FIXED' },
    { start: '10:30', end: '16:30', kind: 'FLEXIBLE' },
    { start: '16:30', end: '17:30', kind: 'NON_APPOINTMENT' },
  ],
};

describe('workshop setup', () => {
  it('accepts a setup with two appointment bays and a 60 min hold', () => {
    expect(validateSetup(SETUP)).toEqual([]);
  });

  it('names each broken rule: fewer than 2 appointment bays, a hold under 45 min, overlapping periods', () => {
    const issues = validateSetup({
      ...SETUP,
      bays: [{ id: 'b1', appointmentBay: true }, { id: 'b1', appointmentBay: false }],
      slotMinutes: 30,
      lateAfterMinutes: 10,
      periods: [{ start: '08:00', end: '10:00', kind: 'FIXED' }, { start: '09:00', end: '11:00', kind: 'FLEXIBLE' }],
    });
    expect(issues.map((i) => `${i.field}:${i.rule}`)).toEqual(
      expect.arrayContaining(['bays[1].id:unique', 'bays:minAppointmentBays', 'slotMinutes:minHold', 'periods[1]:overlap']),
    );
  });
});

describe('slots', () => {
  // 2026-03-02 is a Monday; Shanghai is UTC+8 all year.
  const monday = '2026-03-02';

  it('cuts periods into held slots inside working time (no slot across the lunch break)', () => {
    const slots = daySlots(SETUP, CAL, monday);
    const local = slots.map((s) => `${s.start.toISOString().slice(11, 16)}Z ${s.kind} ${s.bays.join('+')}`);
    expect(local).toEqual([
      '00:30Z FIXED b1+b2',
      '01:30Z FIXED b1+b2',
      '02:30Z FLEXIBLE b1+b2+b3', // 10:30-11:30 local
      // 11:30-12:30 would cross the lunch break; 12:30-13:30 is the break itself
      '05:30Z FLEXIBLE b1+b2+b3', // 13:30-14:30
      '06:30Z FLEXIBLE b1+b2+b3',
      '07:30Z FLEXIBLE b1+b2+b3',
      '08:30Z NON_APPOINTMENT ',
    ]);
  });

  it('has no slots on a public holiday or a weekend', () => {
    expect(daySlots(SETUP, CAL, '2026-10-01')).toEqual([]);
    expect(daySlots(SETUP, CAL, '2026-03-07')).toEqual([]);
  });

  it('finds a slot by its exact start only', () => {
    expect(slotAt(SETUP, CAL, new Date('2026-03-02T00:30:00Z'))?.kind).toBe('FIXED');
    expect(slotAt(SETUP, CAL, new Date('2026-03-02T00:45:00Z'))).toBeUndefined();
  });

  it('offers bookable alternatives nearest the wished time, never in the past or in walk-in periods', () => {
    const wished = new Date('2026-03-02T02:30:00Z');
    const alternatives = candidateSlots(SETUP, CAL, wished, new Date('2026-03-02T01:00:00Z'), 2);
    expect(alternatives[0].start).toEqual(wished);
    expect(alternatives.every((s) => s.kind !== 'NON_APPOINTMENT' && s.start >= new Date('2026-03-02T01:00:00Z'))).toBe(true);
    const distances = alternatives.map((s) => Math.abs(s.start.getTime() - wished.getTime()));
    expect(distances).toEqual([...distances].sort((a, b) => a - b));
  });

  it('steps slots in absolute time across a daylight-saving change', () => {
    // 2026-03-29: Berlin skips 02:00-03:00 local (01:00Z); a 00:00-06:00 local period is five real hours.
    const berlin: WorkingCalendar = { ...CAL, timeZone: 'Europe/Berlin', country: 'DE', observePublicHolidays: false, weekly: [{ weekday: 7, slots: [{ start: '00:00', end: '24:00' }] }] };
    const night: WorkshopSetup = { ...SETUP, periods: [{ start: '00:00', end: '06:00', kind: 'FLEXIBLE' }] };
    const starts = daySlots(night, berlin, '2026-03-29').map((s) => s.start.toISOString().slice(11, 16));
    expect(starts).toEqual(['23:00', '00:00', '01:00', '02:00', '03:00']);
  });

  it('every slot lies inside working time and holds the bay for the configured minutes (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 365 }), fc.constantFrom(45, 50, 60, 90), (offset, minutes) => {
        const date = new Date(Date.UTC(2026, 0, 1) + offset * 86_400_000).toISOString().slice(0, 10);
        for (const s of daySlots({ ...SETUP, slotMinutes: minutes }, CAL, date)) {
          expect(s.end.getTime() - s.start.getTime()).toBe(minutes * 60_000);
        }
      }),
      { numRuns: 60 },
    );
  });
});

describe('arrivals and reminders', () => {
  const slot = { start: new Date('2026-03-02T00:30:00Z'), end: new Date('2026-03-02T01:30:00Z') };
  it('classifies on time, late while the bay is held, no-show after', () => {
    expect(classifyArrival(slot, new Date('2026-03-02T00:20:00Z'), 15)).toBe('ON_TIME');
    expect(classifyArrival(slot, new Date('2026-03-02T00:45:00Z'), 15)).toBe('ON_TIME');
    expect(classifyArrival(slot, new Date('2026-03-02T00:46:00Z'), 15)).toBe('LATE');
    expect(classifyArrival(slot, new Date('2026-03-02T01:30:00Z'), 15)).toBe('NO_SHOW');
  });

  it('reminds one hour before', () => {
    expect(reminderDueAt(slot.start).toISOString()).toBe('2026-03-01T23:30:00.000Z');
  });

  it('refuses out-of-order changes naming the state and what it allows', () => {
    expect(() => appointmentMachine.assert('CANCELLED', 'arrive')).toThrow(TransitionError);
    expect(() => appointmentMachine.assert('ARRIVED', 'cancel')).toThrow('Appointment is ARRIVED: cancel is not allowed now; allowed: openRepairOrder');
  });

  it('a proposed appointment is only confirmed (BOOKED) or declined; nothing else happens to it, and a booked one cannot be confirmed again', () => {
    expect(appointmentMachine.allowedActions('PROPOSED').sort()).toEqual(['confirm', 'decline']);
    expect(() => appointmentMachine.assert('PROPOSED', 'arrive')).toThrow('Appointment is PROPOSED: arrive is not allowed now; allowed: confirm, decline');
    expect(() => appointmentMachine.assert('BOOKED', 'confirm')).toThrow(TransitionError);
    expect(() => appointmentMachine.assert('DECLINED', 'confirm')).toThrow(TransitionError);
  });
});
