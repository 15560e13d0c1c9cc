import fc from 'fast-check';
import type { WorkingCalendar } from '@aftersales/calendar';
import { afterWorkingMinutes, isOpen, minutesLeftInPeriod, nextStepAt, openCenters, pickOpenCenter, type HoursCenter } from './hours';
import { Rng } from './rng';

const week = (days: number[], slots = [{ start: '08:30', end: '12:00' }, { start: '13:30', end: '17:30' }]) => days.map((weekday) => ({ weekday, slots })) as WorkingCalendar['weekly'];

function center(id: string, calendar: Partial<WorkingCalendar> & Pick<WorkingCalendar, 'country' | 'timeZone'>, extra: Partial<HoursCenter> = {}): HoursCenter {
  return {
    id,
    kind: 'SERVICE_CENTER',
    status: 'ACTIVE',
    calendar: { weekly: week([1, 2, 3, 4, 5]), closures: [], extraWorkingDays: [], observePublicHolidays: true, ...calendar },
    ...extra,
  };
}

const shanghai = center('sc-sh', { country: 'CN', timeZone: 'Asia/Shanghai' });
const saoPaulo = center('sc-sp', { country: 'BR', timeZone: 'America/Sao_Paulo' });
const dubai = center('sc-dxb', { country: 'AE', timeZone: 'Asia/Dubai', weekly: week([1, 2, 3, 4, 5], [{ start: '09:00', end: '18:00' }]) });

describe('working hours of a center', () => {
  it('is open inside its own slots, in its own zone', () => {
    expect(isOpen(shanghai, new Date('2026-11-23T02:00:00Z'))).toBe(true); // Mon 10:00 in Shanghai
    expect(isOpen(shanghai, new Date('2026-11-23T04:30:00Z'))).toBe(false); // 12:30, lunch break
    expect(isOpen(shanghai, new Date('2026-11-23T10:00:00Z'))).toBe(false); // 18:00, closed
    expect(isOpen(shanghai, new Date('2026-11-28T02:00:00Z'))).toBe(false); // Saturday
  });

  it('is closed on the public holidays of its country, unless it works them', () => {
    const nationalDay = new Date('2026-10-01T02:00:00Z'); // Thursday 10:00, National Day in China
    expect(isOpen(shanghai, nationalDay)).toBe(false);
    expect(isOpen({ ...shanghai, calendar: { ...shanghai.calendar, observePublicHolidays: false } }, nationalDay)).toBe(true);
  });

  it('gives a suspended center nothing', () => {
    expect(isOpen({ ...shanghai, status: 'SUSPENDED' }, new Date('2026-11-23T02:00:00Z'))).toBe(false);
  });

  it('sees the same instant as working time in one zone and night in another', () => {
    const at = new Date('2026-11-23T02:00:00Z'); // 10:00 Shanghai, 23:00 (Sunday) São Paulo, 06:00 Dubai
    expect(openCenters([shanghai, saoPaulo, dubai], at).map((c) => c.id)).toEqual(['sc-sh']);
    const evening = new Date('2026-11-23T13:00:00Z'); // 21:00 Shanghai, 10:00 São Paulo, 17:00 Dubai
    expect(openCenters([shanghai, saoPaulo, dubai], evening).map((c) => c.id)).toEqual(['sc-sp', 'sc-dxb']);
  });
});

describe('picking the center of a new journey', () => {
  const all = [shanghai, saoPaulo, dubai, center('sc-closed', { country: 'CN', timeZone: 'Asia/Shanghai', weekly: [] as never })];

  it('never picks a center outside its working hours (any instant of 2026)', () => {
    const rng = new Rng(7);
    fc.assert(
      fc.property(fc.integer({ min: Date.parse('2026-01-01T00:00:00Z'), max: Date.parse('2026-12-31T23:59:00Z') }), (t) => {
        const at = new Date(t);
        const picked = pickOpenCenter(all, at, rng);
        if (picked) expect(isOpen(picked, at)).toBe(true);
        else expect(openCenters(all, at)).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('sends more traffic to star service centers than to fast repair shops', () => {
    const rng = new Rng(42);
    const star = center('sc-star', { country: 'CN', timeZone: 'Asia/Shanghai' }, { star: true });
    const shop = center('sc-frs', { country: 'CN', timeZone: 'Asia/Shanghai' }, { kind: 'FAST_REPAIR_SHOP' });
    const at = new Date('2026-11-23T02:00:00Z');
    const counts = { star: 0, shop: 0 };
    for (let i = 0; i < 4000; i++) counts[pickOpenCenter([star, shop], at, rng)!.id === 'sc-star' ? 'star' : 'shop']++;
    // weights 1.5 : 0.6
    expect(counts.star / 4000).toBeGreaterThan(0.66);
    expect(counts.star / 4000).toBeLessThan(0.76);
  });

  it('honours a filter (e.g. only workshops with a setup)', () => {
    expect(pickOpenCenter([shanghai], new Date('2026-11-23T02:00:00Z'), new Rng(1), () => false)).toBeUndefined();
  });
});

describe('when a later step happens', () => {
  it('keeps a step that falls in working time', () => {
    const from = new Date('2026-11-23T02:00:00Z');
    expect(nextStepAt(shanghai, from, 30 * 60_000).toISOString()).toBe('2026-11-23T02:30:00.000Z');
  });

  it('moves a step that falls in the lunch break or the night to shortly after the center opens', () => {
    const lunch = nextStepAt(shanghai, new Date('2026-11-23T03:50:00Z'), 20 * 60_000, new Rng(3)); // 12:10 local
    expect(lunch.getTime()).toBeGreaterThanOrEqual(Date.parse('2026-11-23T05:30:00Z')); // 13:30 local
    expect(lunch.getTime()).toBeLessThanOrEqual(Date.parse('2026-11-23T05:55:00Z'));
    const friday = nextStepAt(shanghai, new Date('2026-11-27T09:00:00Z'), 60 * 60_000); // Fri 17:00 + 1 h
    expect(isOpen(shanghai, friday)).toBe(true);
    expect(friday.getTime()).toBeGreaterThan(Date.parse('2026-11-30T00:30:00Z')); // Monday 08:30 local
  });

  it('spans a promise over the night in working minutes', () => {
    const promise = afterWorkingMinutes(shanghai, new Date('2026-11-23T09:00:00Z'), 60); // Mon 17:00 local + 1 h
    expect(promise.toISOString()).toBe('2026-11-24T01:00:00.000Z'); // Tue 09:00 local
    expect(minutesLeftInPeriod(shanghai, new Date('2026-11-23T03:30:00Z'))).toBe(30); // 11:30 local, lunch at 12:00
    expect(minutesLeftInPeriod(shanghai, new Date('2026-11-23T04:30:00Z'))).toBe(0);
  });
});
