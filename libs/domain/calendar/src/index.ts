export type {
  CalendarEngine,
  CalendarIssue,
  DeadlineOptions,
  ExtraWorkingDay,
  Interval,
  IsoWeekday,
  TimeSlot,
  WeeklyDay,
  WorkingCalendar,
} from './lib/types';
export { CalendarValidationError, NoWorkingTimeError } from './lib/types';
export { validateCalendar } from './lib/validate';
export { createCalendar } from './lib/engine';
export { defaultCalendar } from './lib/defaults';
export {
  type CalendarLike,
  addWorkingDays,
  addWorkingHours,
  addWorkingMinutes,
  engineFor,
  isWorkingDay,
  isWorkingTime,
  nextWorkingTime,
  publicHoliday,
  workingIntervals,
  workingTimeBetween,
} from './lib/functions';
export { customerContactDue } from './lib/contact-rule';
export { isMonth, monthCount, monthOf, monthRangeIssues, monthsBetween, type MonthRangeIssue } from './lib/months';
