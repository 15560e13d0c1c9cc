import type { IsoWeekday, WorkingCalendar } from '@aftersales/calendar';
import {
  applySignals,
  dueSignals,
  forwardClock,
  handlingClocks,
  meetClock,
  metOnTime,
  nextWakeUp,
  postponeClock,
  postponementIssues,
  reclassifyClocks,
} from './deadlines';

const FULL = [
  { start: '08:30', end: '12:00' },
  { start: '13:30', end: '17:30' },
];
const monFri = (country: string, timeZone: string): WorkingCalendar => ({
  timeZone,
  country,
  weekly: ([1, 2, 3, 4, 5] as IsoWeekday[]).map((weekday) => ({ weekday, slots: FULL })),
  closures: [],
  extraWorkingDays: [],
  observePublicHolidays: true,
});
const CN = monFri('CN', 'Asia/Shanghai');
const BR = monFri('BR', 'America/Sao_Paulo');
const iso = (d: Date | undefined) => d?.toISOString();

describe('complaint deadlines in the distributor calendar', () => {
  it('China: a C complaint on a Friday afternoon before National Day and Mid-Autumn', () => {
    const [reply, solution] = handlingClocks('C', new Date('2025-09-26T16:00:00+08:00'), CN);
    // 1.5 h on Friday, 2.5 h on Monday morning.
    expect(iso(reply.dueAt)).toBe(new Date('2025-09-29T11:00:00+08:00').toISOString());
    // Mon 29, Tue 30, then 1-3 Oct holidays, the weekend, 6 Oct Mid-Autumn: days 3 and 4 are 7 and 8 Oct.
    expect(iso(solution.dueAt)).toBe(new Date('2025-10-08T16:00:00+08:00').toISOString());
  });

  it('Brazil: a C complaint before Good Friday and Tiradentes', () => {
    const [reply, solution] = handlingClocks('C', new Date('2025-04-17T10:00:00-03:00'), BR);
    expect(iso(reply.dueAt)).toBe(new Date('2025-04-17T15:30:00-03:00').toISOString());
    expect(iso(solution.dueAt)).toBe(new Date('2025-04-25T10:00:00-03:00').toISOString());
  });

  it('B and A get their own times; a suggestion is forwarded by HQ within one working day', () => {
    const start = new Date('2025-06-02T09:00:00+08:00'); // Monday
    const [bReply, bSolution] = handlingClocks('B', start, CN);
    expect(iso(bReply.dueAt)).toBe(new Date('2025-06-03T09:30:00+08:00').toISOString());
    expect(iso(bSolution.dueAt)).toBe(new Date('2025-06-10T09:00:00+08:00').toISOString());
    const [aReply, aSolution] = handlingClocks('A', start, CN);
    expect(iso(aReply.dueAt)).toBe(new Date('2025-06-02T10:00:00+08:00').toISOString());
    expect(iso(aSolution.dueAt)).toBe(new Date('2025-06-13T09:00:00+08:00').toISOString());
    expect(iso(forwardClock('SUGGESTION', new Date('2025-06-06T15:00:00+08:00'), CN)?.dueAt)).toBe(new Date('2025-06-09T15:00:00+08:00').toISOString());
    expect(forwardClock('C', start, CN)).toBeNull();
  });

  it('warns once at three quarters of the working time, breaches once, and stays quiet once met', () => {
    let clocks = handlingClocks('C', new Date('2025-06-02T08:30:00+08:00'), CN);
    expect(iso(clocks[0].warnAt)).toBe(new Date('2025-06-02T11:30:00+08:00').toISOString());
    const warnTime = new Date('2025-06-02T11:31:00+08:00');
    const warn = dueSignals(clocks, warnTime);
    expect(warn).toEqual([{ kind: 'FIRST_REPLY', signal: 'WARNING', dueAt: clocks[0].dueAt }]);
    clocks = applySignals(clocks, warn, warnTime);
    expect(dueSignals(clocks, warnTime)).toEqual([]);
    const late = new Date('2025-06-02T14:01:00+08:00'); // due 14:00 (3.5 h + 0.5 h)
    const breach = dueSignals(clocks, late);
    expect(breach.map((s) => s.signal)).toEqual(['BREACH']);
    clocks = applySignals(clocks, breach, late);
    expect(dueSignals(clocks, late)).toEqual([]);
    clocks = meetClock(clocks, 'FIRST_REPLY', late);
    expect(metOnTime(clocks[0])).toBe(false);
    expect(iso(nextWakeUp(clocks) ?? undefined)).toBe(iso(clocks[1].warnAt));
    clocks = meetClock(clocks, 'SOLUTION', late);
    expect(metOnTime(clocks[1])).toBe(true);
    expect(dueSignals(clocks, new Date('2026-01-01T00:00:00Z'))).toEqual([]);
  });

  it('a postponement needs a later date and a reason, and moves the solution deadline', () => {
    const clocks = handlingClocks('C', new Date('2025-06-02T08:30:00+08:00'), CN);
    const now = new Date('2025-06-03T08:30:00+08:00');
    expect(postponementIssues(clocks[1], new Date('2025-06-04T08:30:00+08:00'), ' ', now).map((i) => `${i.field}:${i.rule}`)).toEqual([
      'reason:required',
      'until:afterDeadline',
    ]);
    const until = new Date('2025-06-20T17:00:00+08:00');
    expect(postponementIssues(clocks[1], until, 'parts from HQ', now)).toEqual([]);
    const moved = postponeClock(clocks, until, CN);
    expect(moved[1]).toMatchObject({ dueAt: until, originalDueAt: clocks[1].dueAt });
    expect(moved[1].warnAt > clocks[1].warnAt).toBe(true);
  });

  it('reclassification C -> A restarts running clocks with the new times; a met reply stays met', () => {
    const start = new Date('2025-06-02T09:00:00+08:00');
    const replied = meetClock(handlingClocks('C', start, CN), 'FIRST_REPLY', new Date('2025-06-02T10:00:00+08:00'));
    const a = reclassifyClocks(replied, 'A', CN);
    expect(a[0]).toEqual(replied[0]);
    expect(iso(a[1].dueAt)).toBe(new Date('2025-06-13T09:00:00+08:00').toISOString());
  });
});
