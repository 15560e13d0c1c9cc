import type { WorkingCalendar } from '@aftersales/calendar';
import { COVERED_BY, isQualified } from '@aftersales/domain-staff';
import { allServiceCenters, type Graph } from './graph';

export type CenterKind = 'HQ' | 'REGIONAL_CENTER' | 'SERVICE_CENTER' | 'FAST_REPAIR_SHOP';

export interface SimStaff {
  id: string;
  name: string;
  role: string;
  active: boolean;
  /** Posts the person holds a valid qualification for (at load time). */
  qualifiedFor: ReadonlySet<string>;
}

/** A center as the simulator needs it, read from the network graph. */
export interface SimCenter {
  id: string;
  code: string;
  name: string;
  kind: CenterKind;
  status: 'ACTIVE' | 'SUSPENDED';
  country: string;
  regionId: string;
  parentId: string | null;
  timeZone: string;
  location: { lat: number; lng: number };
  city: string;
  phones: string[];
  star: boolean;
  rescue24h: boolean;
  calendar: WorkingCalendar;
  staff: SimStaff[];
}

/** The graph's shape of a center, before the simulator names things its own way. */
type BaseNode = Omit<SimCenter, 'city' | 'star' | 'calendar' | 'staff'> & { address: { city: string }; isStar: boolean };
interface CalendarNode {
  id: string;
  calendar: Omit<WorkingCalendar, 'country' | 'timeZone'>;
}
interface StaffNode {
  id: string;
  staff: { id: string; name: string; role: string; active: boolean; qualifications: { role: string; certifiedAt: string; expiresAt: string }[] }[];
}

const BASE = 'id code name kind status country regionId parentId timeZone location { lat lng } address { city } phones isStar rescue24h';
const CALENDAR = 'id calendar { weekly { weekday slots { start end } } closures extraWorkingDays { date slots { start end } } observePublicHolidays }';
const STAFF = 'id staff { id name role active qualifications { role certifiedAt expiresAt } }';

/** Who may deliver which post now, by the services' own rule (certified, not expired; an older certification covering a newer post). */
export function qualifiedPosts(qualifications: { role: string; certifiedAt: string; expiresAt: string }[], now: Date): Set<string> {
  const held = qualifications.map((q) => ({ role: q.role, certifiedAt: new Date(q.certifiedAt), expiresAt: new Date(q.expiresAt) }));
  const posts = new Set([...held.map((q) => q.role), ...Object.keys(COVERED_BY)]);
  return new Set([...posts].filter((post) => isQualified({ active: true, qualifications: held }, post, now)));
}

/**
 * The whole network in three passes (base data, calendars, staff): one query with everything would need
 * small pages, so each pass pages as far as the gateway's cost limit lets it.
 */
export async function loadNetwork(graph: Graph, hqToken: string, now = new Date()): Promise<SimCenter[]> {
  const [base, calendars, staff] = await Promise.all([
    allServiceCenters<BaseNode>(graph, hqToken, BASE),
    allServiceCenters<CalendarNode>(graph, hqToken, CALENDAR),
    allServiceCenters<StaffNode>(graph, hqToken, STAFF),
  ]);
  const calendarOf = new Map(calendars.map((c) => [c.id, c.calendar]));
  const staffOf = new Map(staff.map((s) => [s.id, s.staff]));
  return base.map((b) => {
    const cal = calendarOf.get(b.id);
    return {
      id: b.id,
      code: b.code,
      name: b.name,
      kind: b.kind,
      status: b.status,
      country: b.country,
      regionId: b.regionId,
      parentId: b.parentId,
      timeZone: b.timeZone,
      location: b.location,
      city: b.address.city,
      phones: b.phones,
      star: b.isStar,
      rescue24h: b.rescue24h,
      calendar: {
        country: b.country,
        timeZone: b.timeZone,
        weekly: (cal?.weekly ?? []) as WorkingCalendar['weekly'],
        closures: cal?.closures ?? [],
        extraWorkingDays: cal?.extraWorkingDays ?? [],
        observePublicHolidays: cal?.observePublicHolidays ?? true,
      },
      staff: (staffOf.get(b.id) ?? []).map((s) => ({ id: s.id, name: s.name, role: s.role, active: s.active, qualifiedFor: qualifiedPosts(s.qualifications, now) })),
    };
  });
}

/** Active staff qualified for a post (the post they are employed in or another they are certified for). */
export function qualifiedStaff(center: SimCenter, post: string): SimStaff[] {
  return center.staff.filter((s) => s.active && s.qualifiedFor.has(post));
}
