import { canApproveASolution, keyPeopleOf, routeComplaint } from './routing';
import type { KeyPerson } from './model';

const sm: KeyPerson = { role: 'SERVICE_MANAGER', staffId: 'sm', name: 'SM', email: 'sm@x.example' };
const sd: KeyPerson = { role: 'SERVICE_DIRECTOR', staffId: 'sd', name: 'SD', email: 'sd@x.example' };
const gm: KeyPerson = { role: 'GENERAL_MANAGER', staffId: 'gm', name: 'GM', email: 'gm@x.example' };

describe('routing', () => {
  it('B and C go to the service manager with the GM in copy; the director stands in for a missing manager', () => {
    expect(routeComplaint('C', [sm, sd, gm])).toEqual({ to: [sm], cc: [gm], missing: [] });
    expect(routeComplaint('B', [sd, gm])).toEqual({ to: [sd], cc: [gm], missing: [] });
    expect(routeComplaint('C', [])).toEqual({ to: [], cc: [], missing: ['SERVICE_MANAGER', 'GENERAL_MANAGER'] });
  });

  it('A goes to manager, director and GM, naming whoever is missing', () => {
    expect(routeComplaint('A', [gm, sm, sd])).toEqual({ to: [sm, sd, gm], cc: [], missing: [] });
    expect(routeComplaint('A', [gm]).missing).toEqual(['SERVICE_MANAGER', 'SERVICE_DIRECTOR']);
  });

  it('only the GM or the service director approves an A solution', () => {
    expect([sm, sd, gm, undefined].map(canApproveASolution)).toEqual([false, true, true, false]);
  });

  it('key people: the center’s contacts corrected by later staff records', () => {
    const newGm = { role: 'GENERAL_MANAGER', staffId: 'gm2', name: 'GM2', email: 'gm2@x.example', active: true };
    const people = keyPeopleOf([gm, sd, sm], [{ ...sm, active: false }, newGm, { ...sd, email: 'sd@new.example', active: true }]);
    expect(people).toEqual([{ ...sd, email: 'sd@new.example' }, gm, { role: 'GENERAL_MANAGER', staffId: 'gm2', name: 'GM2', email: 'gm2@x.example' }]);
    expect(keyPeopleOf([sm], [])).toEqual([sm]);
    expect(keyPeopleOf([], [{ ...sm, role: 'TECHNICIAN', active: true }])).toEqual([]);
  });
});
