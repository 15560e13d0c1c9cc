const KEY_ROLES = ['SERVICE_MANAGER', 'SERVICE_DIRECTOR', 'GENERAL_MANAGER'] as const;
export type KeyRole = (typeof KEY_ROLES)[number];

/** The people complaints are routed to (B/C: manager or director, GM in copy; A: all three). */
export function keyContactsOf(
  staff: { _id: string; name: string; email: string; role: string; active: boolean }[],
): { role: KeyRole; staffId: string; name: string; email: string }[] {
  return staff
    .filter((s): s is typeof s & { role: KeyRole } => s.active && (KEY_ROLES as readonly string[]).includes(s.role))
    .sort((a, b) => KEY_ROLES.indexOf(a.role) - KEY_ROLES.indexOf(b.role) || a._id.localeCompare(b._id))
    .map((s) => ({ role: s.role, staffId: s._id, name: s.name, email: s.email }));
}
