import { defaultCalendar } from '@aftersales/calendar';
import { applyAction, canTransition, chooseChannel, dueAction, effectiveState, nextScheduledAction, scheduleInvitation, surveyLanguage, transitionRefusal } from './invitation';

const shanghai = defaultCalendar('CN', 'Asia/Shanghai');

describe('invitation schedule', () => {
  it('a delivery on Thursday is surveyed 3 working days later (Saturday morning counts, Sunday not)', () => {
    // Thu 2025-06-05 15:00 local -> Fri (1), Sat (2, its only slot ends 12:00), Mon (3) at 15:00 local.
    const s = scheduleInvitation(shanghai, 'VEHICLE_DELIVERED', new Date('2025-06-05T07:00:00Z'), 'WEB_LINK');
    expect(s.dueAt.toISOString()).toBe('2025-06-09T07:00:00.000Z');
    expect(s.remindAt!.toISOString()).toBe('2025-06-12T07:00:00.000Z');
    expect(s.expiresAt.toISOString()).toBe('2025-06-23T07:00:00.000Z');
  });

  it('public holidays do not count (Dragon Boat Festival, 2 June 2025 in China)', () => {
    const s = scheduleInvitation(shanghai, 'VEHICLE_DELIVERED', new Date('2025-05-30T02:00:00Z'), 'CALL_CENTER');
    // Fri 30 May 10:00 -> Sat 31 (1), Mon 2 June is a holiday, Tue 3 (2), Wed 4 (3).
    expect(s.dueAt.toISOString()).toBe('2025-06-04T02:00:00.000Z');
    expect(s.remindAt).toBeNull();
  });

  it('a closed complaint gets its return visit the next working day', () => {
    const s = scheduleInvitation(shanghai, 'COMPLAINT_CLOSED', new Date('2025-06-06T02:00:00Z'), 'CALL_CENTER');
    expect(s.dueAt.toISOString()).toBe('2025-06-07T02:00:00.000Z');
  });
});

describe('invitation state machine', () => {
  it('allows only the documented transitions and names them when refusing', () => {
    expect(canTransition('OPEN', 'ANSWERED')).toBe(true);
    expect(canTransition('SCHEDULED', 'ANSWERED')).toBe(false);
    expect(canTransition('ANSWERED', 'ANSWERED')).toBe(false);
    expect(transitionRefusal('ANSWERED', 'ANSWERED')).toBe('invitation is ANSWERED: cannot move to ANSWERED; allowed from ANSWERED: none (final state)');
    expect(transitionRefusal('SCHEDULED', 'ANSWERED')).toContain('allowed from SCHEDULED: OPEN, EXPIRED');
  });

  it('scheduled actions are idempotent and overtaken actions do nothing', () => {
    expect(applyAction('SCHEDULED', 'OPEN', false)).toEqual({ to: 'OPEN', remind: false });
    expect(applyAction('OPEN', 'OPEN', false)).toBeNull();
    expect(applyAction('OPEN', 'REMIND', false)).toEqual({ to: 'OPEN', remind: true });
    expect(applyAction('OPEN', 'REMIND', true)).toBeNull();
    expect(applyAction('ANSWERED', 'EXPIRE', false)).toBeNull();
    expect(applyAction('OPEN', 'EXPIRE', false)).toEqual({ to: 'EXPIRED', remind: false });
  });

  it('the next scheduled action follows the state: open at the due time, remind once, expire', () => {
    const dueAt = new Date('2025-06-09T07:00:00Z');
    const remindAt = new Date('2025-06-12T07:00:00Z');
    const expiresAt = new Date('2025-06-23T07:00:00Z');
    const inv = { state: 'SCHEDULED' as const, dueAt, remindAt, reminded: false, expiresAt };
    expect(nextScheduledAction(inv)).toEqual({ action: 'OPEN', at: dueAt });
    expect(nextScheduledAction({ ...inv, state: 'OPEN' })).toEqual({ action: 'REMIND', at: remindAt });
    expect(nextScheduledAction({ ...inv, state: 'OPEN', reminded: true })).toEqual({ action: 'EXPIRE', at: expiresAt });
    expect(nextScheduledAction({ ...inv, state: 'OPEN', remindAt: null })).toEqual({ action: 'EXPIRE', at: expiresAt });
    for (const state of ['ANSWERED', 'EXPIRED', 'DECLINED'] as const) expect(nextScheduledAction({ ...inv, state })).toBeNull();
  });

  it('only what is due is done; past the expiry only the expiry', () => {
    const dueAt = new Date('2025-06-09T07:00:00Z');
    const expiresAt = new Date('2025-06-23T07:00:00Z');
    const inv = { state: 'SCHEDULED' as const, dueAt, remindAt: new Date('2025-06-12T07:00:00Z'), reminded: false, expiresAt };
    expect(dueAction(inv, new Date('2025-06-09T06:59:59Z'))).toBeNull();
    expect(dueAction(inv, dueAt)).toBe('OPEN');
    expect(dueAction({ ...inv, state: 'OPEN' }, new Date('2025-06-13T00:00:00Z'))).toBe('REMIND');
    expect(dueAction(inv, expiresAt)).toBe('EXPIRE');
    expect(dueAction({ ...inv, state: 'OPEN' }, new Date('2025-07-01T00:00:00Z'))).toBe('EXPIRE');
    expect(dueAction({ ...inv, state: 'ANSWERED' }, new Date('2025-07-01T00:00:00Z'))).toBeNull();
  });

  it('an open invitation past its expiry is expired even before the scanner runs', () => {
    const expiresAt = new Date('2025-06-23T07:00:00Z');
    expect(effectiveState('OPEN', expiresAt, new Date('2025-06-23T06:59:59Z'))).toBe('OPEN');
    expect(effectiveState('OPEN', expiresAt, expiresAt)).toBe('EXPIRED');
    expect(effectiveState('ANSWERED', expiresAt, new Date('2026-01-01T00:00:00Z'))).toBe('ANSWERED');
  });
});

describe('channel and language', () => {
  it('prefers a web link for e-mail customers, a call otherwise', () => {
    expect(chooseChannel({ email: 'a@b.example', phone: '+5511987654321' })).toBe('WEB_LINK');
    expect(chooseChannel({ email: 'a@b.example', phone: '+5511987654321' }, 'CALL_CENTER')).toBe('CALL_CENTER');
    expect(chooseChannel({ phone: '+5511987654321' })).toBe('CALL_CENTER');
    expect(chooseChannel({})).toBeNull();
  });

  it('maps BCP-47 tags to questionnaire languages', () => {
    const langs = ['en', 'zh', 'pt', 'es', 'ru', 'ar'] as const;
    expect(surveyLanguage('pt-BR', langs, 'en')).toBe('pt');
    expect(surveyLanguage('ar_SA', langs, 'en')).toBe('ar');
    expect(surveyLanguage('de', langs, 'en')).toBe('en');
    expect(surveyLanguage(undefined, langs, 'en')).toBe('en');
  });
});
