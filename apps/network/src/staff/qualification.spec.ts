import { keyContactsOf } from './qualification';

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
