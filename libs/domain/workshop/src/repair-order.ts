import { DEFAULT_WORKSHOP_POLICY } from './policy';
import { StateMachine, type RuleIssue } from './errors';

export const ITEM_KINDS = ['LABOR', 'PART'] as const;
export type ItemKind = (typeof ITEM_KINDS)[number];

export interface RepairItem {
  kind: ItemKind;
  /** Labor operation code or part number. */
  code: string;
  description: string;
  /** Labor hours (LABOR) or quantity (PART). */
  quantity: number;
  /** Hourly rate (LABOR) or unit price (PART). */
  unitPrice: number;
  /** Marked "S" on the repair order: the claim goes to the manufacturer, not the customer. */
  warrantyClaim: boolean;
}

export interface Estimate {
  /** Everything on the order, warranty items included. */
  total: number;
  /** What the customer pays (non-warranty items). */
  customer: number;
  laborHours: number;
}

const cents = (v: number) => Math.round(v * 100) / 100;

export function itemAmount(item: RepairItem): number {
  return cents(item.quantity * item.unitPrice);
}

export function estimateOf(items: readonly RepairItem[]): Estimate {
  let total = 0;
  let customer = 0;
  let laborHours = 0;
  for (const item of items) {
    const amount = itemAmount(item);
    total += amount;
    if (!item.warrantyClaim) customer += amount;
    if (item.kind === 'LABOR') laborHours += item.quantity;
  }
  return { total: cents(total), customer: cents(customer), laborHours: Math.round(laborHours * 100) / 100 };
}

export function itemIssues(item: RepairItem, field: string): RuleIssue[] {
  const issues: RuleIssue[] = [];
  if (!(item.quantity > 0)) issues.push({ field: `${field}.quantity`, rule: 'positive', message: 'must be greater than 0' });
  if (!(item.unitPrice >= 0)) issues.push({ field: `${field}.unitPrice`, rule: 'min', message: 'must not be negative' });
  if (item.kind === 'PART' && !Number.isInteger(item.quantity)) {
    issues.push({ field: `${field}.quantity`, rule: 'integer', message: 'parts are counted in whole units' });
  }
  return issues;
}

/**
 * |final - estimate| < tolerance × the estimate (the manual's 10 %, a policy value of the repair
 * order's version); an estimate of zero is accurate only for a zero bill.
 */
export function estimateAccurate(estimate: number, finalAmount: number, tolerance = DEFAULT_WORKSHOP_POLICY.estimateTolerance): boolean {
  if (estimate === 0) return finalAmount === 0;
  return Math.abs(finalAmount - estimate) < tolerance * estimate;
}

/** The manual wants work finished 10 minutes before the promised time, so the car can be handed over on time. */
export const COMPLETION_MARGIN_MINUTES = 10;

export function completedOnTime(completedAt: Date, promisedAt: Date, marginMinutes = COMPLETION_MARGIN_MINUTES): boolean {
  return completedAt.getTime() <= promisedAt.getTime() - marginMinutes * 60_000;
}

export function deliveredOnTime(deliveredAt: Date, promisedAt: Date): boolean {
  return deliveredAt.getTime() <= promisedAt.getTime();
}

export const RO_STATUSES = ['OPEN', 'IN_REPAIR', 'WAITING_FOR_PARTS', 'QUALITY_CHECK', 'READY_FOR_DELIVERY', 'DELIVERED'] as const;
export type RoStatus = (typeof RO_STATUSES)[number];
export type RoAction =
  | 'addItem'
  | 'dispatch'
  | 'partsShortage'
  | 'partsReserved'
  | 'completeWork'
  | 'qualityCheck'
  | 'skipQualityCheck'
  | 'deliver';

export const repairOrderMachine = new StateMachine<RoStatus, RoAction>('RepairOrder', {
  addItem: ['OPEN', 'IN_REPAIR', 'WAITING_FOR_PARTS'],
  dispatch: ['OPEN'],
  partsShortage: ['OPEN', 'IN_REPAIR', 'WAITING_FOR_PARTS'],
  partsReserved: ['OPEN', 'IN_REPAIR', 'WAITING_FOR_PARTS'],
  completeWork: ['IN_REPAIR'],
  qualityCheck: ['QUALITY_CHECK'],
  skipQualityCheck: ['QUALITY_CHECK'],
  deliver: ['READY_FOR_DELIVERY'],
});

/** Where an order waiting for parts goes back to once they are reserved. */
export function afterPartsReserved(dispatched: boolean): RoStatus {
  return dispatched ? 'IN_REPAIR' : 'OPEN';
}

export const AUTHORIZATION_CHANNELS = ['SIGNATURE', 'PHONE'] as const;
export type AuthorizationChannel = (typeof AUTHORIZATION_CHANNELS)[number];

export interface Authorization {
  by: string;
  channel: AuthorizationChannel;
  at: Date;
  /** For phone authorizations the manual asks to note the call (number, time, who). */
  note?: string;
}

/** An added item needs the customer's recorded consent; a phone consent must say how it was given. */
export function authorizationIssues(auth: Authorization, now: Date, field = 'authorization'): RuleIssue[] {
  const issues: RuleIssue[] = [];
  if (!auth.by.trim()) issues.push({ field: `${field}.by`, rule: 'required', message: 'who authorized the added item is required' });
  if (auth.at.getTime() > now.getTime()) issues.push({ field: `${field}.at`, rule: 'notFuture', message: 'cannot be in the future' });
  if (auth.channel === 'PHONE' && !auth.note?.trim()) {
    issues.push({ field: `${field}.note`, rule: 'phoneNote', message: 'a phone authorization must record the call details' });
  }
  return issues;
}

export interface Settlement {
  finalAmount: number;
  paidAmount: number;
}

export function settlementIssues(s: Settlement): RuleIssue[] {
  const issues: RuleIssue[] = [];
  if (!(s.finalAmount >= 0)) issues.push({ field: 'finalAmount', rule: 'min', message: 'must not be negative' });
  if (cents(s.paidAmount) !== cents(s.finalAmount)) {
    issues.push({ field: 'payment.amount', rule: 'equalsFinalBill', message: `must equal the final bill ${cents(s.finalAmount)}` });
  }
  return issues;
}
