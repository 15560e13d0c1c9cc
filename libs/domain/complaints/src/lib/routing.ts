import { KEY_ROLES, type ComplaintClass, type KeyPerson, type KeyRole } from './model';

export interface Routing {
  to: KeyPerson[];
  cc: KeyPerson[];
  /** Roles the rule asks for that the distributor has nobody in (HQ must chase them). */
  missing: KeyRole[];
}

const pick = (people: readonly KeyPerson[], role: KeyRole) => people.filter((p) => p.role === role);

/**
 * Seed V.III.2: B and C (and suggestions, others) go to the service manager or, without one, the
 * service director, with the general manager in copy; A goes to manager, director and general
 * manager at once.
 */
export function routeComplaint(cls: ComplaintClass, people: readonly KeyPerson[]): Routing {
  const managers = pick(people, 'SERVICE_MANAGER');
  const directors = pick(people, 'SERVICE_DIRECTOR');
  const gms = pick(people, 'GENERAL_MANAGER');
  if (cls === 'A') {
    const missing: KeyRole[] = [];
    if (!managers.length) missing.push('SERVICE_MANAGER');
    if (!directors.length) missing.push('SERVICE_DIRECTOR');
    if (!gms.length) missing.push('GENERAL_MANAGER');
    return { to: [...managers, ...directors, ...gms], cc: [], missing };
  }
  const to = managers.length ? managers : directors;
  const missing: KeyRole[] = [];
  if (!to.length) missing.push('SERVICE_MANAGER');
  if (!gms.length) missing.push('GENERAL_MANAGER');
  return { to, cc: gms, missing };
}

/** Seed V.IV.5: an A solution is approved by the general manager or the service director. */
export function canApproveASolution(person: KeyPerson | undefined): boolean {
  return person?.role === 'GENERAL_MANAGER' || person?.role === 'SERVICE_DIRECTOR';
}

/** A staff member in the network as the service last heard of them. */
export interface StaffRecord {
  staffId: string;
  role: string;
  name: string;
  email: string;
  active: boolean;
}

const isKeyRole = (role: string): role is KeyRole => (KEY_ROLES as readonly string[]).includes(role);

/**
 * The people complaints go to: the center's key contacts (its last snapshot), corrected by what the
 * staff records say since (a deactivated manager drops out, a newly appointed one comes in, a changed
 * role or e-mail wins). Ordered by role, then staff id.
 */
export function keyPeopleOf(keyContacts: readonly Omit<StaffRecord, 'active'>[], staff: readonly StaffRecord[]): KeyPerson[] {
  const byId = new Map<string, KeyPerson>();
  for (const k of keyContacts) if (isKeyRole(k.role)) byId.set(k.staffId, { role: k.role, staffId: k.staffId, name: k.name, email: k.email });
  for (const s of staff) {
    if (s.active && isKeyRole(s.role)) byId.set(s.staffId, { role: s.role, staffId: s.staffId, name: s.name, email: s.email });
    else byId.delete(s.staffId);
  }
  return [...byId.values()].sort((a, b) => KEY_ROLES.indexOf(a.role) - KEY_ROLES.indexOf(b.role) || a.staffId.localeCompare(b.staffId));
}
