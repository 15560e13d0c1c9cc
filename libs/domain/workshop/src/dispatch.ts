import { isQualified } from '@aftersales/domain-staff';
import type { RuleIssue } from './errors';

export interface TechnicianView {
  id: string;
  serviceCenterId: string;
  active: boolean;
  qualifications: { role: string; certifiedAt: Date; expiresAt: Date }[];
}

export interface DispatchRequest {
  serviceCenterId: string;
  technician: TechnicianView | undefined;
  technicianId: string;
  bayId: string;
  bays: readonly string[];
  /** For a rework or repeat repair: who did the original work. */
  originalTechnician?: TechnicianView;
  at: Date;
}

/**
 * Only a technician of this center, on one of its bays; rework goes back to the original technician
 * while that technician can still do it. Whether the technician is qualified now is the service's
 * qualification gate (a CONFLICT, checked after these).
 */
export function dispatchIssues(r: DispatchRequest): RuleIssue[] {
  const issues: RuleIssue[] = [];
  if (!r.technician || r.technician.serviceCenterId !== r.serviceCenterId) {
    issues.push({ field: 'technicianId', rule: 'exists', message: `technician ${r.technicianId} does not work at this center` });
  }
  const original = r.originalTechnician;
  if (
    original &&
    original.id !== r.technicianId &&
    original.serviceCenterId === r.serviceCenterId &&
    isQualified(original, 'TECHNICIAN', r.at)
  ) {
    issues.push({ field: 'technicianId', rule: 'originalTechnician', message: `rework goes back to the original technician ${original.id}` });
  }
  if (!r.bays.includes(r.bayId)) issues.push({ field: 'bayId', rule: 'exists', message: `bay ${r.bayId} is not a bay of this center` });
  return issues;
}

export interface QueueEntry {
  id: string;
  repeatRepair: boolean;
  fromAppointment: boolean;
  promisedAt: Date;
  openedAt: Date;
}

/** 0 = rework / repeat repair, 1 = appointment, 2 = walk-in: the manual's dispatch priority. */
export function priorityOf(e: Pick<QueueEntry, 'repeatRepair' | 'fromAppointment'>): number {
  if (e.repeatRepair) return 0;
  if (e.fromAppointment) return 1;
  return 2;
}

export function dispatchOrder<E extends QueueEntry>(entries: readonly E[]): E[] {
  return [...entries].sort(
    (a, b) =>
      priorityOf(a) - priorityOf(b) ||
      a.promisedAt.getTime() - b.promisedAt.getTime() ||
      a.openedAt.getTime() - b.openedAt.getTime() ||
      a.id.localeCompare(b.id),
  );
}
