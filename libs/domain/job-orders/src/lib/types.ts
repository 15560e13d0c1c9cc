/** Who holds a job order: the dealer (service center) or the HQ service department. */
export const TIERS = ['DEALER', 'HQ'] as const;
export type Tier = (typeof TIERS)[number];

/**
 * SLA clocks of the seed (002 ch. IV s. III): contact the customer, first progress reply, a progress
 * report every interval until replied, and closure.
 */
export const SLA_CLOCK_KINDS = ['CUSTOMER_CONTACT', 'FIRST_PROGRESS', 'PROGRESS', 'CLOSE'] as const;
export type SlaClockKind = (typeof SLA_CLOCK_KINDS)[number];

/**
 * DISTRIBUTED: waiting for the holder to contact the customer; IN_PROGRESS: contacted or replied
 * without a complete reply; REPLIED: a complete reply awaits the call center's follow-up;
 * CLOSURE_REQUESTED: a mandatory closure awaits HQ approval; CLOSED.
 */
export const JOB_ORDER_STATUSES = ['DISTRIBUTED', 'IN_PROGRESS', 'REPLIED', 'CLOSURE_REQUESTED', 'CLOSED'] as const;
export type JobOrderStatus = (typeof JOB_ORDER_STATUSES)[number];

export const CLOSURE_KINDS = ['NORMAL', 'FOLLOW_UP_FAILED', 'MANDATORY'] as const;
export type ClosureKind = (typeof CLOSURE_KINDS)[number];

/** The three grounds on which the seed allows applying for a mandatory closure. */
export const MANDATORY_REASONS = ['CUSTOMER_FAULT', 'FIXED_BUT_UNSATISFIED', 'LEGAL_OR_RISK_CONTROL'] as const;
export type MandatoryReason = (typeof MANDATORY_REASONS)[number];

export const SOURCE_KINDS = ['CALL', 'COMPLAINT'] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

export interface Interval {
  start: Date;
  end: Date;
}
