import { engineFor, type CalendarLike } from './functions';
import type { DeadlineOptions } from './types';

/**
 * The 0.5 h contact rule (seed 002): the shop a job order is distributed to calls the customer within
 * half an hour, and the call center checks then. A closed shop cannot call, so the half hour is working
 * time in the shop's own calendar (zone, week, public holidays, closures, make-up days): an order
 * distributed on a Friday evening falls due half an hour after the shop opens again. The job order's
 * contact clock and the call center's check both take the rule from here, so they fall due together.
 */
export const CUSTOMER_CONTACT_WORKING_HOURS = 0.5;

/** When the customer must have been contacted for an order distributed to `calendar`'s shop at `distributedAt`. */
export function customerContactDue(calendar: CalendarLike, distributedAt: Date, opts?: DeadlineOptions): Date {
  return engineFor(calendar).addWorkingHours(distributedAt, CUSTOMER_CONTACT_WORKING_HOURS, opts);
}
