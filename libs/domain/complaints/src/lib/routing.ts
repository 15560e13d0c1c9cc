import type { ComplaintClass, KeyPerson, KeyRole } from './model';

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
