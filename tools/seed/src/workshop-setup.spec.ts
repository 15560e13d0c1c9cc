import { DateTime } from 'luxon';
import { daySlots, validateSetup } from '@aftersales/domain-workshop';
import { generateNetwork } from './dataset';
import { hasWorkshop, workshopSetupFor } from './workshop-setup';

describe('the workshop setup seeded for every outlet', () => {
  const centers = generateNetwork().centers.filter(hasWorkshop);

  it('is given to every outlet but the HQ office', () => {
    expect(centers).toHaveLength(945);
    expect(hasWorkshop({ kind: 'HQ' })).toBe(false);
  });

  it('passes the workshop’s own rules (>= 2 appointment bays, >= 45 min slots, periods not overlapping)', () => {
    for (const c of centers) expect({ id: c.id, issues: validateSetup(workshopSetupFor({ ...c, star: !!c.star })) }).toEqual({ id: c.id, issues: [] });
  });

  it('leaves bookable slots inside the center’s opening hours on its working days', () => {
    // One check per distinct opening pattern: the periods depend on the weekly slots and the kind only.
    const distinct = [...new Map(centers.map((c) => [`${c.kind}|${JSON.stringify(c.calendar.weekly)}`, c])).values()];
    // An even sample keeps it quick: building a calendar engine is the costly part.
    const patterns = distinct.filter((_, i) => i % Math.ceil(distinct.length / 60) === 0);
    const monday = DateTime.fromISO('2026-11-23');
    const week = Array.from({ length: 7 }, (_, d) => monday.plus({ days: d }).toISODate()!);
    for (const c of patterns) {
      const setup = workshopSetupFor({ ...c, star: !!c.star });
      const calendar = { ...c.calendar, closures: [], extraWorkingDays: [], observePublicHolidays: false, country: c.country, timeZone: 'UTC' } as never;
      const slots = week.flatMap((date) => daySlots(setup, calendar, date));
      expect({ id: c.id, bookable: slots.filter((s) => s.kind !== 'NON_APPOINTMENT').length > 0 }).toEqual({ id: c.id, bookable: true });
    }
  });

  it('has more bays where more technicians work, and a third appointment bay at star centers', () => {
    const base = { id: 'x', kind: 'SERVICE_CENTER', calendar: { weekly: [{ weekday: 1, slots: [{ start: '08:00', end: '17:00' }] }] } };
    const small = workshopSetupFor({ ...base, staff: [{ role: 'TECHNICIAN' }] });
    const large = workshopSetupFor({ ...base, star: true, staff: Array.from({ length: 6 }, () => ({ role: 'TECHNICIAN' })) });
    expect(small.bays).toHaveLength(3);
    expect(large.bays).toHaveLength(7);
    expect(large.bays.filter((b) => b.appointmentBay)).toHaveLength(3);
    expect(small.periods).toEqual([
      { start: '08:00', end: '10:00', kind: 'FIXED' },
      { start: '10:00', end: '16:00', kind: 'FLEXIBLE' },
      { start: '16:00', end: '17:00', kind: 'NON_APPOINTMENT' },
    ]);
  });
});
