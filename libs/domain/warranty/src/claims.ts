import { DateTime } from 'luxon';
import { isWorkingDay, type WorkingCalendar } from '@aftersales/calendar';
import { StateMachine } from '@aftersales/domain-workshop';
import type { WarrantyIssue } from './policy';

export const CLAIM_STATUSES = ['SUBMITTED', 'INFO_REQUESTED', 'APPROVED', 'REJECTED'] as const;
export type ClaimStatus = (typeof CLAIM_STATUSES)[number];
export type ClaimAction = 'approve' | 'reject' | 'requestInfo' | 'resubmit';

/** Submitted to the region; the region (or HQ) approves, rejects or asks for more; the dealer answers and resubmits. */
export const claimMachine = new StateMachine<ClaimStatus, ClaimAction>('WarrantyClaim', {
  approve: ['SUBMITTED'],
  reject: ['SUBMITTED'],
  requestInfo: ['SUBMITTED'],
  resubmit: ['INFO_REQUESTED'],
});

/** A repair-order item as a claim sees it. */
export interface ClaimableItem {
  id: string;
  amount: number;
  /** The decision in force (after any override). */
  covered: boolean;
  /** The claim the item is already on, if any. */
  claimId: string | null;
}

export interface ClaimLine {
  itemId: string;
  amount: number;
}

/**
 * A claim names items of one repair order, each covered (after any override), on no other claim,
 * once, for an amount above 0 and at most the item's amount.
 */
export function claimLineIssues(lines: readonly ClaimLine[], items: readonly ClaimableItem[]): WarrantyIssue[] {
  const issues: WarrantyIssue[] = [];
  if (lines.length === 0) issues.push({ field: 'lines', rule: 'notEmpty', message: 'a claim names at least one item' });
  const seen = new Set<string>();
  lines.forEach((line, i) => {
    const field = `lines[${i}]`;
    const item = items.find((it) => it.id === line.itemId);
    if (seen.has(line.itemId)) issues.push({ field: `${field}.itemId`, rule: 'unique', message: 'names an item twice' });
    seen.add(line.itemId);
    if (!item) {
      issues.push({ field: `${field}.itemId`, rule: 'itemOfOrder', message: `item ${line.itemId} is not on this repair order` });
      return;
    }
    if (!item.covered) issues.push({ field: `${field}.itemId`, rule: 'covered', message: `item ${line.itemId} is not covered by warranty` });
    if (item.claimId) issues.push({ field: `${field}.itemId`, rule: 'notClaimed', message: `item ${line.itemId} is already on claim ${item.claimId}` });
    if (!(line.amount > 0)) issues.push({ field: `${field}.amount`, rule: 'positive', message: 'must be greater than 0' });
    else if (line.amount > item.amount) issues.push({ field: `${field}.amount`, rule: 'atMostItemAmount', message: `must not exceed the item's amount ${item.amount}` });
  });
  return issues;
}

/**
 * Working days from a claim's first submission to its decision in the center's calendar: the
 * working days after the submission's local date up to and including the decision's local date
 * (decided the same day: 0; submitted Friday, decided Monday: 1). The dealer's time answering a
 * request for more information is included: it is time the claim waited for its decision.
 */
export function workingDaysToDecision(calendar: WorkingCalendar, submittedAt: Date, decidedAt: Date): number {
  let day = DateTime.fromJSDate(submittedAt, { zone: calendar.timeZone }).startOf('day');
  const last = DateTime.fromJSDate(decidedAt, { zone: calendar.timeZone }).toISODate()!;
  let days = 0;
  // Bounded: a decision years late still ends the loop.
  for (let i = 0; i < 3660; i++) {
    day = day.plus({ days: 1 });
    const iso = day.toISODate()!;
    if (iso > last) break;
    if (isWorkingDay(calendar, iso)) days += 1;
  }
  return days;
}

export interface WarrantyKpiCounts {
  /** Repair orders opened at the center in the period. */
  repairOrders: number;
  /** Claims first submitted in the period. */
  claimsSubmitted: number;
  /** Claims decided (approved or rejected) in the period. */
  approved: number;
  rejected: number;
  /** Working days to decision of each claim decided in the period. */
  daysToDecision: number[];
}

export interface WarrantyKpiRates {
  /** Claims submitted / repair orders opened; null without repair orders. */
  claimRate: number | null;
  /** Rejected / decided; null when none was decided. */
  rejectionRate: number | null;
  /** Mean working days from first submission to decision; null when none was decided. */
  averageDaysToDecision: number | null;
}

const ratio = (n: number, d: number) => (d > 0 ? Math.round((n / d) * 10_000) / 10_000 : null);

export function warrantyKpisOf(c: WarrantyKpiCounts): WarrantyKpiRates {
  const decided = c.approved + c.rejected;
  return {
    claimRate: ratio(c.claimsSubmitted, c.repairOrders),
    rejectionRate: ratio(c.rejected, decided),
    averageDaysToDecision: c.daysToDecision.length ? Math.round((c.daysToDecision.reduce((a, b) => a + b, 0) / c.daysToDecision.length) * 100) / 100 : null,
  };
}
