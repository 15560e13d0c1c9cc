/**
 * Post qualification (seeds 000/001/003): staff may deliver a service only once trained and
 * certified for that post, and only while the certification runs. Every gate of every service asks
 * this one module.
 */

export interface QualificationRecord {
  role: string;
  certifiedAt: Date;
  expiresAt: Date;
}

export interface StaffRecord {
  id: string;
  name: string;
  active: boolean;
  qualifications: readonly QualificationRecord[];
}

/**
 * Posts a certification of another name also covers. The call center used to have one agent post;
 * seed 002 separates inbound, outbound, quality-control and management agents. A certification from
 * the time of the single post (`CALL_CENTER_AGENT`) trained both telephone posts, so it still
 * covers inbound and outbound work until it expires, and never QC or management work.
 */
export const COVERED_BY: Readonly<Record<string, readonly string[]>> = {
  INBOUND_AGENT: ['CALL_CENTER_AGENT'],
  OUTBOUND_AGENT: ['CALL_CENTER_AGENT'],
};

/** The certifications that qualify someone for a post: its own and the older ones that cover it. */
export function certificationsFor(post: string): string[] {
  return [post, ...(COVERED_BY[post] ?? [])];
}

export type RefusalReason =
  /** No staff member with that id is known (to this service's read model of the network). */
  | 'UNKNOWN_STAFF'
  /** The member has left or is suspended: no post is theirs. */
  | 'INACTIVE'
  /** No certification for the post on record. */
  | 'MISSING'
  /** The last certification for the post has run out. */
  | 'EXPIRED'
  /** Certified, but only from a later date. */
  | 'NOT_YET_VALID';

export type QualificationVerdict =
  | { qualified: true; qualification: string; certifiedAt: Date; expiresAt: Date }
  | { qualified: false; reason: RefusalReason; qualification: string; certifiedAt: Date | null; expiresAt: Date | null };

const runs = (q: QualificationRecord, at: Date) => q.certifiedAt.getTime() <= at.getTime() && at.getTime() < q.expiresAt.getTime();

/**
 * Whether the member may work in the post at `at`, and if not, why, with the certification that
 * came closest: the one that ran out last when all have expired, the earliest future one when none
 * has started. The expiry is exclusive: a certification valid until 2027-01-01 ends at its start.
 */
export function qualificationFor(staff: StaffRecord | null | undefined, post: string, at: Date): QualificationVerdict {
  const refused = (reason: RefusalReason, q?: QualificationRecord): QualificationVerdict => ({
    qualified: false,
    reason,
    qualification: post,
    certifiedAt: q?.certifiedAt ?? null,
    expiresAt: q?.expiresAt ?? null,
  });
  if (!staff) return refused('UNKNOWN_STAFF');
  const accepted = certificationsFor(post);
  const held = staff.qualifications.filter((q) => accepted.includes(q.role));
  const running = held.filter((q) => runs(q, at)).sort((a, b) => b.expiresAt.getTime() - a.expiresAt.getTime())[0];
  if (!staff.active) return refused('INACTIVE', running ?? latest(held));
  if (running) return { qualified: true, qualification: post, certifiedAt: running.certifiedAt, expiresAt: running.expiresAt };
  const future = held.filter((q) => q.certifiedAt.getTime() > at.getTime()).sort((a, b) => a.certifiedAt.getTime() - b.certifiedAt.getTime())[0];
  if (future) return refused('NOT_YET_VALID', future);
  const expired = latest(held);
  return expired ? refused('EXPIRED', expired) : refused('MISSING');
}

function latest(held: readonly QualificationRecord[]): QualificationRecord | undefined {
  return [...held].sort((a, b) => b.expiresAt.getTime() - a.expiresAt.getTime())[0];
}

export function isQualified(staff: Pick<StaffRecord, 'active' | 'qualifications'>, post: string, at: Date): boolean {
  return qualificationFor({ id: '', name: '', ...staff }, post, at).qualified;
}

/** One person a gate refused, as the CONFLICT error carries it (`extensions.unqualified`). */
export interface Unqualified {
  /** The input field that named the person (`advisorId`, `staffIds[1]`), or `caller` for the caller themself. */
  field: string;
  staffId: string;
  /** Null when the person is unknown. */
  staffName: string | null;
  /** The post's qualification the gate asked for. */
  qualification: string;
  reason: RefusalReason;
  certifiedAt: string | null;
  expiresAt: string | null;
}

export function unqualified(field: string, staffId: string, staff: StaffRecord | null | undefined, post: string, at: Date): Unqualified | null {
  const verdict = qualificationFor(staff, post, at);
  if (verdict.qualified) return null;
  return {
    field,
    staffId,
    staffName: staff?.name ?? null,
    qualification: post,
    reason: verdict.reason,
    certifiedAt: verdict.certifiedAt?.toISOString() ?? null,
    expiresAt: verdict.expiresAt?.toISOString() ?? null,
  };
}

/** A date that is a day boundary in UTC reads as the day, anything else as the full timestamp. */
function day(iso: string): string {
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
}

/** The sentence a refusal carries: who, which qualification, and its expiry or that there is none. */
export function unqualifiedMessage(u: Unqualified): string {
  const who = u.staffName ? `${u.staffName} (${u.staffId})` : u.staffId;
  switch (u.reason) {
    case 'UNKNOWN_STAFF':
      return `${who} is not a staff member known to the network: no ${u.qualification} qualification on record`;
    case 'INACTIVE':
      return `${who} is not an active staff member: may not work as ${u.qualification}${u.expiresAt ? ` (qualification expires ${day(u.expiresAt)})` : ''}`;
    case 'MISSING':
      return `${who} holds no ${u.qualification} qualification: none on record`;
    case 'EXPIRED':
      return `${who} holds no valid ${u.qualification} qualification: it expired on ${day(u.expiresAt!)}`;
    case 'NOT_YET_VALID':
      return `${who} holds no valid ${u.qualification} qualification yet: it is valid from ${day(u.certifiedAt!)} to ${day(u.expiresAt!)}`;
  }
}
