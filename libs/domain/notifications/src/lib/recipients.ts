import type { NotificationKind } from './kinds';

/** A network staff member as the read model knows them. */
export interface StaffPerson {
  id: string;
  name: string;
  email: string;
  role: string;
  active: boolean;
}

/**
 * Who must act on a kind, when the event does not name them itself:
 * - `center`: people of the center the object belongs to (an event without a center goes to HQ);
 * - `hq`: the HQ service department (people of the network's HQ centers);
 * - `named`: the event lists them (a complaint's transfer: to and cc);
 * - `customer`: the event's customer (e-mail and/or SMS, the event's language).
 * `roles` are asked first; `fallback` when the center has nobody in them.
 */
export type RecipientRule =
  | { audience: 'center' | 'hq'; roles: readonly string[]; fallback?: readonly string[] }
  | { audience: 'named' }
  | { audience: 'customer' };

const COMPLAINT_OWNERS = ['SERVICE_MANAGER', 'SERVICE_DIRECTOR'] as const;
/** The HQ service department's managers: escalations, and objects that belong to no center. */
export const HQ_SERVICE_DEPARTMENT = { roles: ['SERVICE_MANAGER', 'SERVICE_DIRECTOR'] } as const;

export const RECIPIENT_RULES: Record<NotificationKind, RecipientRule> = {
  COMPLAINT_TRANSFERRED: { audience: 'named' },
  COMPLAINT_DEADLINE_WARNING: { audience: 'center', roles: COMPLAINT_OWNERS, fallback: ['GENERAL_MANAGER'] },
  // A missed deadline is the general manager's business too.
  COMPLAINT_DEADLINE_BREACHED: { audience: 'center', roles: [...COMPLAINT_OWNERS, 'GENERAL_MANAGER'] },
  COMPLAINT_POSTPONED: { audience: 'center', roles: [...COMPLAINT_OWNERS, 'GENERAL_MANAGER'] },
  COMPLAINT_RECLASSIFIED: { audience: 'center', roles: COMPLAINT_OWNERS, fallback: ['GENERAL_MANAGER'] },
  JOB_ORDER_SLA_WARNING: { audience: 'center', roles: ['SERVICE_MANAGER'], fallback: ['SERVICE_DIRECTOR', 'GENERAL_MANAGER'] },
  JOB_ORDER_ESCALATED: { audience: 'hq', roles: HQ_SERVICE_DEPARTMENT.roles },
  // The next level of the emergency plan: the managers of the center acting for it (the region's
  // regional center, HQ); the event names that center. The network has no region-manager staff post.
  RESCUE_ESCALATED: { audience: 'center', roles: HQ_SERVICE_DEPARTMENT.roles, fallback: ['GENERAL_MANAGER'] },
  // Ask-the-experts: the same people of the level's center (the network has no expert post).
  EXPERT_QUESTION: { audience: 'center', roles: HQ_SERVICE_DEPARTMENT.roles, fallback: ['GENERAL_MANAGER'] },
  // No sales post in the network: the advisors take the dealer's leads, their manager when there are none.
  LEAD_CREATED: { audience: 'center', roles: ['SERVICE_ADVISOR'], fallback: ['SERVICE_MANAGER'] },
  SURVEY_LINK: { audience: 'customer' },
  // The planners of a location are its parts managers; without one, the center's service manager decides.
  PART_CLASS_CHANGED: { audience: 'center', roles: ['PARTS_MANAGER'], fallback: ['SERVICE_MANAGER'] },
};

/** Complaint clocks HQ runs itself: their warnings go to HQ, not to the distributor. */
export const HQ_COMPLAINT_CLOCKS: readonly string[] = ['FORWARD'];

/** Active people of the rule's roles (its fallback roles when none), each once, in role order. */
export function pickStaff(rule: { roles: readonly string[]; fallback?: readonly string[] }, people: readonly StaffPerson[]): StaffPerson[] {
  const pick = (roles: readonly string[]) => {
    const seen = new Set<string>();
    return roles.flatMap((role) => people.filter((p) => p.active && p.role === role && !seen.has(p.id) && seen.add(p.id)));
  };
  const first = pick(rule.roles);
  return first.length || !rule.fallback ? first : pick(rule.fallback);
}
