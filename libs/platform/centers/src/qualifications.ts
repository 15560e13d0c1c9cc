import { unqualified, unqualifiedMessage, type Unqualified } from '@aftersales/domain-staff';
import { ConflictError } from '@aftersales/platform-core';
import type { NetworkStaff } from './center.schema';

/** A person a mutation names (or the caller), and the field that named them. */
export interface Person {
  field: string;
  staffId: string;
}

/**
 * The people not qualified for the post at `at`. Several posts mean any of them will do (a
 * job-order follow-up by an inbound or an outbound agent); a refusal then names the first.
 */
export function refusedPeople(post: string | readonly string[], people: readonly Person[], staff: ReadonlyMap<string, NetworkStaff>, at: Date): Unqualified[] {
  const posts = typeof post === 'string' ? [post] : post;
  return people.flatMap(({ field, staffId }) => {
    const s = staff.get(staffId);
    const record = s && { id: s._id, name: s.name, active: s.active, qualifications: s.qualifications };
    const refusals = posts.map((p) => unqualified(field, staffId, record, p, at));
    return refusals.every((u) => u !== null) ? [refusals[0]!] : [];
  });
}

/**
 * CONFLICT rather than BAD_USER_INPUT: the input is well formed, the person exists, but the
 * network's record of them forbids the work now (renewing the certification lifts it). The first
 * refused person's details are at the top of `extensions`, every refused person in `unqualified`.
 */
export function qualificationConflict(refused: readonly Unqualified[]): ConflictError {
  const [first] = refused;
  return new ConflictError(refused.map((u) => `${u.field}: ${unqualifiedMessage(u)}`).join('; '), {
    rule: 'qualified',
    field: first.field,
    staffId: first.staffId,
    staffName: first.staffName,
    qualification: first.qualification,
    reason: first.reason,
    certifiedAt: first.certifiedAt,
    expiresAt: first.expiresAt,
    unqualified: refused,
  });
}
