import { isQualified, keyContactsOf } from './qualification';

const q = (role: string, from: string, to: string) => ({ role, certifiedAt: new Date(from), expiresAt: new Date(to) });

describe('isQualified', () => {
  const tech = { active: true, qualifications: [q('TECHNICIAN', '2025-01-01', '2027-01-01')] };

  it('accepts a current certification for the role', () => {
    expect(isQualified(tech, 'TECHNICIAN', new Date('2026-11-23'))).toBe(true);
  });

  it('refuses another role, an expired or a future certification, and inactive staff', () => {
    expect(isQualified(tech, 'QC_INSPECTOR', new Date('2026-11-23'))).toBe(false);
    expect(isQualified(tech, 'TECHNICIAN', new Date('2027-01-01'))).toBe(false);
    expect(isQualified(tech, 'TECHNICIAN', new Date('2024-12-31'))).toBe(false);
    expect(isQualified({ ...tech, active: false }, 'TECHNICIAN', new Date('2026-11-23'))).toBe(false);
  });
});

describe('keyContactsOf', () => {
  it('lists active managers, directors and general managers in escalation order', () => {
    const staff = [
      { _id: 's3', name: 'GM', email: 'gm@x.io', role: 'GENERAL_MANAGER', active: true },
      { _id: 's1', name: 'Tech', email: 't@x.io', role: 'TECHNICIAN', active: true },
      { _id: 's2', name: 'SM', email: 'sm@x.io', role: 'SERVICE_MANAGER', active: true },
      { _id: 's4', name: 'Old SD', email: 'sd@x.io', role: 'SERVICE_DIRECTOR', active: false },
    ];
    expect(keyContactsOf(staff).map((c) => c.role)).toEqual(['SERVICE_MANAGER', 'GENERAL_MANAGER']);
  });
});
