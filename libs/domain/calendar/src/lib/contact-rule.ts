import { engineFor, type CalendarLike } from './functions';
import type { DeadlineOptions } from './types';

/**
 * The 0.5 h contact rule (seed 002): the shop a job order is distributed to calls the customer within
 * half an hour, and the call center checks then. A closed shop cannot call, so the half hour is working
 * time in the shop's own calendar (zone, week, public holidays, closures, make-up days): an order
 * distributed on a Friday evening falls due half an hour after the shop opens again. The job order's
 * contact clock and the call center's check both take the rule from here, so they fall due together.
 * The half hour is the seed's default: the number is a network policy (`jobOrders.customerContactWorkingHours`
 * of @aftersales/domain-policies) that the job order records and the call center reads from it.
 */
export function customerContactDue(calendar: CalendarLike, distributedAt: Date, workingHours: number, opts?: DeadlineOptions): Date {
  return engineFor(calendar).addWorkingHours(distributedAt, workingHours, opts);
}
