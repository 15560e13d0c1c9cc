import { NotificationKinds, type NotificationKind } from './kinds';
import { pickStaff, RECIPIENT_RULES, type StaffPerson } from './recipients';

const staffRule = (kind: NotificationKind) => {
  const rule = RECIPIENT_RULES[kind];
  if (!('roles' in rule)) throw new Error(`${kind} names no roles`);
  return rule;
};

const person = (id: string, role: string, active = true): StaffPerson => ({ id, name: id, email: `${id}@x.example`, role, active });
const STAFF = [
  person('gm', 'GENERAL_MANAGER'),
  person('sm', 'SERVICE_MANAGER'),
  person('sd', 'SERVICE_DIRECTOR'),
  person('adv-1', 'SERVICE_ADVISOR'),
  person('adv-2', 'SERVICE_ADVISOR', false),
  person('tech', 'TECHNICIAN'),
];

describe('recipient rules', () => {
  it('cover every kind', () => {
    expect(Object.keys(RECIPIENT_RULES).sort()).toEqual([...NotificationKinds].sort());
  });

  it('pick the active people of the roles, in the order of the roles', () => {
    const rule = staffRule('COMPLAINT_DEADLINE_BREACHED');
    expect(pickStaff(rule, STAFF).map((p) => p.id)).toEqual(['sm', 'sd', 'gm']);
    expect(pickStaff(staffRule('LEAD_CREATED'), STAFF).map((p) => p.id)).toEqual(['adv-1']);
  });

  it('fall back to the next roles when the center has nobody in the first ones', () => {
    const parts = staffRule('PART_CLASS_CHANGED');
    expect(pickStaff(parts, STAFF).map((p) => p.id)).toEqual(['sm']);
    expect(pickStaff(parts, [...STAFF, person('pm', 'PARTS_MANAGER')]).map((p) => p.id)).toEqual(['pm']);
    expect(pickStaff(staffRule('LEAD_CREATED'), [person('x', 'SERVICE_ADVISOR', false), person('m', 'SERVICE_MANAGER')]).map((p) => p.id)).toEqual(['m']);
  });

  it('send escalations to HQ, transfers to the people the event names and survey links to the customer', () => {
    expect(RECIPIENT_RULES.JOB_ORDER_ESCALATED).toEqual({ audience: 'hq', roles: ['SERVICE_MANAGER', 'SERVICE_DIRECTOR'] });
    expect(RECIPIENT_RULES.COMPLAINT_TRANSFERRED.audience).toBe('named');
    expect(RECIPIENT_RULES.SURVEY_LINK.audience).toBe('customer');
  });

  it("send a rescue escalation to the managers of the center acting for the next level, its general manager when it has none", () => {
    const rule = staffRule('RESCUE_ESCALATED');
    expect(RECIPIENT_RULES.RESCUE_ESCALATED.audience).toBe('center');
    expect(pickStaff(rule, [person('sm', 'SERVICE_MANAGER'), person('sd', 'SERVICE_DIRECTOR'), person('gm', 'GENERAL_MANAGER')]).map((p) => p.id)).toEqual(['sm', 'sd']);
    expect(pickStaff(rule, [person('gm', 'GENERAL_MANAGER'), person('t', 'TECHNICIAN')]).map((p) => p.id)).toEqual(['gm']);
  });
});
