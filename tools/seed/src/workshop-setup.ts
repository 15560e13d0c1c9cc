/**
 * A workshop setup (bays, slot length, slot periods) that fits a center as the network describes it:
 * the periods span its opening hours (the workshop cuts slots only inside the working calendar, so
 * lunch breaks and half days take care of themselves), the bays follow the number of technicians.
 */
export interface SetupCenter {
  id: string;
  kind: string;
  star?: boolean;
  calendar: { weekly: { weekday: number; slots: { start: string; end: string }[] }[] };
  staff: { role: string; active?: boolean }[];
}

export interface WorkshopSetupInput {
  serviceCenterId: string;
  bays: { id: string; appointmentBay: boolean }[];
  slotMinutes: number;
  lateAfterMinutes: number;
  periods: { start: string; end: string; kind: 'FIXED' | 'FLEXIBLE' | 'NON_APPOINTMENT' }[];
}

const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;

/** Outlets with a workshop: the HQ is an office. */
export function hasWorkshop(center: { kind: string }): boolean {
  return center.kind !== 'HQ';
}

export function workshopSetupFor(center: SetupCenter): WorkshopSetupInput {
  const slots = center.calendar.weekly.flatMap((d) => d.slots);
  const open = slots.length ? Math.min(...slots.map((s) => minutes(s.start))) : 8 * 60;
  const close = slots.length ? Math.max(...slots.map((s) => minutes(s.end))) : 17 * 60;
  const fast = center.kind === 'FAST_REPAIR_SHOP';
  const slotMinutes = fast ? 45 : 60;

  const hands = center.staff.filter((s) => s.active !== false && (s.role === 'TECHNICIAN' || s.role === 'TEAM_LEADER')).length;
  const bayCount = Math.min(fast ? 5 : 10, Math.max(3, hands + 1));
  const appointmentBays = center.star ? 3 : 2;
  const bays = Array.from({ length: bayCount }, (_, i) => ({ id: `bay-${String(i + 1).padStart(2, '0')}`, appointmentBay: i < appointmentBays }));

  // Mornings are for booked customers (fixed), the day for anyone (flexible), the last hour for walk-ins.
  const fixedEnd = Math.min(open + 2 * slotMinutes, close);
  const walkInStart = Math.max(fixedEnd, close - 60);
  const periods: WorkshopSetupInput['periods'] = [{ start: hhmm(open), end: hhmm(fixedEnd), kind: 'FIXED' }];
  if (walkInStart > fixedEnd) periods.push({ start: hhmm(fixedEnd), end: hhmm(walkInStart), kind: 'FLEXIBLE' });
  if (close > walkInStart) periods.push({ start: hhmm(walkInStart), end: hhmm(close), kind: 'NON_APPOINTMENT' });
  return { serviceCenterId: center.id, bays, slotMinutes, lateAfterMinutes: 15, periods };
}
