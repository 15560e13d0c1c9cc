export type IsoWeekday = 1 | 2 | 3 | 4 | 5 | 6 | 7; // 1 = Monday (ISO)

/** 'HH:mm' local wall time, start < end; '24:00' is allowed as end. */
export interface TimeSlot {
  start: string;
  end: string;
}

export interface WeeklyDay {
  weekday: IsoWeekday;
  slots: TimeSlot[];
}

export interface ExtraWorkingDay {
  /** YYYY-MM-DD local date */
  date: string;
  slots: TimeSlot[];
}

export interface WorkingCalendar {
  /** IANA zone, e.g. 'Asia/Shanghai' */
  timeZone: string;
  /** ISO 3166-1 alpha-2, used for public holidays */
  country: string;
  /** optional state/province code for regional holidays */
  subdivision?: string;
  /** days absent = closed */
  weekly: WeeklyDay[];
  /** extra closed local dates YYYY-MM-DD */
  closures: string[];
  /** extra working days, also on holidays/weekends; they replace the weekly slots of that date */
  extraWorkingDays: ExtraWorkingDay[];
  observePublicHolidays: boolean;
}

export interface Interval {
  start: Date;
  end: Date;
}

export interface DeadlineOptions {
  /** pauses (e.g. waiting on the customer) do not count as working time */
  pauses?: Interval[];
}

export interface CalendarIssue {
  /** path of the offending field, e.g. 'weekly[0].slots[1].end' */
  field: string;
  /** machine-readable rule id, e.g. 'invalidTime', 'overlap' */
  rule: string;
  message: string;
}

export interface CalendarEngine {
  readonly spec: WorkingCalendar;
  isWorkingTime(at: Date, opts?: DeadlineOptions): boolean;
  isWorkingDay(localDate: string): boolean;
  publicHoliday(localDate: string): string | undefined;
  nextWorkingTime(at: Date, opts?: DeadlineOptions): Date;
  addWorkingHours(from: Date, hours: number, opts?: DeadlineOptions): Date;
  addWorkingMinutes(from: Date, minutes: number, opts?: DeadlineOptions): Date;
  addWorkingDays(from: Date, days: number, opts?: DeadlineOptions): Date;
  workingTimeBetween(from: Date, to: Date, opts?: DeadlineOptions): number;
  workingIntervals(from: Date, to: Date, opts?: DeadlineOptions): Interval[];
}

export class CalendarValidationError extends Error {
  readonly issues: CalendarIssue[];
  constructor(issues: CalendarIssue[]) {
    super(
      `Invalid working calendar: ${issues
        .slice(0, 5)
        .map((i) => `${i.field} (${i.rule}): ${i.message}`)
        .join('; ')}${issues.length > 5 ? ` (+${issues.length - 5} more)` : ''}`,
    );
    this.name = 'CalendarValidationError';
    this.issues = issues;
  }
}

/** Thrown when a computation cannot find working time (e.g. a calendar without any slots). */
export class NoWorkingTimeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NoWorkingTimeError';
  }
}
