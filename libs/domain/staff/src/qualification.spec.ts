import { isQualified, qualificationFor, unqualified, unqualifiedMessage, type StaffRecord } from './qualification';

const d = (s: string) => new Date(s);
const member = (qualifications: { role: string; certifiedAt: string; expiresAt: string }[], active = true): StaffRecord => ({
  id: 'st-ru-0001-07',
  name: 'Анна Кузнецова',
  active,
  qualifications: qualifications.map((q) => ({ role: q.role, certifiedAt: d(q.certifiedAt), expiresAt: d(q.expiresAt) })),
});
const AT = d('2026-11-23T10:00:00Z');

describe('qualification for a post', () => {
  it('is granted from certification to expiry, the expiry itself excluded', () => {
    const m = member([{ role: 'SERVICE_ADVISOR', certifiedAt: '2025-01-01', expiresAt: '2027-01-01' }]);
    expect(qualificationFor(m, 'SERVICE_ADVISOR', AT)).toEqual({ qualified: true, qualification: 'SERVICE_ADVISOR', certifiedAt: d('2025-01-01'), expiresAt: d('2027-01-01') });
    expect(isQualified(m, 'SERVICE_ADVISOR', d('2026-12-31T23:59:59.999Z'))).toBe(true);
    expect(isQualified(m, 'SERVICE_ADVISOR', d('2027-01-01T00:00:00Z'))).toBe(false);
    expect(isQualified(m, 'SERVICE_ADVISOR', d('2024-12-31T23:59:59Z'))).toBe(false);
  });

  it('names the certification that ran out last when all have expired', () => {
    const m = member([
      { role: 'RESCUE_STAFF', certifiedAt: '2020-01-01', expiresAt: '2023-01-01' },
      { role: 'RESCUE_STAFF', certifiedAt: '2023-01-01', expiresAt: '2026-03-15' },
      { role: 'TECHNICIAN', certifiedAt: '2025-01-01', expiresAt: '2028-01-01' },
    ]);
    const u = unqualified('staffIds[1]', m.id, m, 'RESCUE_STAFF', AT)!;
    expect(u).toEqual({
      field: 'staffIds[1]', staffId: 'st-ru-0001-07', staffName: 'Анна Кузнецова', qualification: 'RESCUE_STAFF',
      reason: 'EXPIRED', certifiedAt: '2023-01-01T00:00:00.000Z', expiresAt: '2026-03-15T00:00:00.000Z',
    });
    expect(unqualifiedMessage(u)).toBe('Анна Кузнецова (st-ru-0001-07) holds no valid RESCUE_STAFF qualification: it expired on 2026-03-15');
  });

  it('says a qualification is missing when another post is all the member holds', () => {
    const m = member([{ role: 'TECHNICIAN', certifiedAt: '2025-01-01', expiresAt: '2028-01-01' }]);
    const u = unqualified('inspectorId', m.id, m, 'QC_INSPECTOR', AT)!;
    expect(u).toMatchObject({ reason: 'MISSING', qualification: 'QC_INSPECTOR', expiresAt: null, certifiedAt: null });
    expect(unqualifiedMessage(u)).toBe('Анна Кузнецова (st-ru-0001-07) holds no QC_INSPECTOR qualification: none on record');
  });

  it('refuses a certification that starts later, and tells from when', () => {
    const m = member([{ role: 'QC_AGENT', certifiedAt: '2027-02-01', expiresAt: '2030-02-01T12:00:00Z' }]);
    const u = unqualified('caller', m.id, m, 'QC_AGENT', AT)!;
    expect(u.reason).toBe('NOT_YET_VALID');
    expect(unqualifiedMessage(u)).toBe('Анна Кузнецова (st-ru-0001-07) holds no valid QC_AGENT qualification yet: it is valid from 2027-02-01 to 2030-02-01T12:00:00.000Z');
  });

  it('refuses an inactive member even with a running certification', () => {
    const m = member([{ role: 'TECHNICIAN', certifiedAt: '2025-01-01', expiresAt: '2028-01-01' }], false);
    expect(qualificationFor(m, 'TECHNICIAN', AT)).toMatchObject({ qualified: false, reason: 'INACTIVE', expiresAt: d('2028-01-01') });
  });

  it('refuses an unknown person by id', () => {
    const u = unqualified('caller', 'agent-x', null, 'INBOUND_AGENT', AT)!;
    expect(u).toMatchObject({ reason: 'UNKNOWN_STAFF', staffName: null });
    expect(unqualifiedMessage(u)).toBe('agent-x is not a staff member known to the network: no INBOUND_AGENT qualification on record');
  });

  it('lets the former single call-center agent certification cover the inbound and outbound posts only', () => {
    const m = member([{ role: 'CALL_CENTER_AGENT', certifiedAt: '2025-01-01', expiresAt: '2027-01-01' }]);
    expect(isQualified(m, 'INBOUND_AGENT', AT)).toBe(true);
    expect(isQualified(m, 'OUTBOUND_AGENT', AT)).toBe(true);
    expect(isQualified(m, 'QC_AGENT', AT)).toBe(false);
    expect(isQualified(m, 'MANAGEMENT_AGENT', AT)).toBe(false);
    const inbound = member([{ role: 'INBOUND_AGENT', certifiedAt: '2025-01-01', expiresAt: '2027-01-01' }]);
    expect(isQualified(inbound, 'OUTBOUND_AGENT', AT)).toBe(false);
  });

  it('takes a running certification over an expired one of the same post', () => {
    const m = member([
      { role: 'TEAM_LEADER', certifiedAt: '2020-01-01', expiresAt: '2023-01-01' },
      { role: 'TEAM_LEADER', certifiedAt: '2024-06-01', expiresAt: '2027-06-01' },
    ]);
    expect(qualificationFor(m, 'TEAM_LEADER', AT)).toMatchObject({ qualified: true, expiresAt: d('2027-06-01') });
  });
});
