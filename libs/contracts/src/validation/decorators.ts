import { registerDecorator } from 'class-validator';
import type { ValidationArguments, ValidationOptions } from 'class-validator';

const UTC_TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})T([01]\d|2[0-3]):([0-5]\d):([0-5]\d)(\.\d{1,9})?Z$/;
const CALENDAR_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME_OF_DAY = /^(?:([01]\d|2[0-3]):([0-5]\d)|24:00)$/;

function isRealDate(y: string, m: string, d: string): boolean {
  const year = Number(y);
  const month = Number(m);
  const day = Number(d);
  if (month < 1 || month > 12 || day < 1) return false;
  const dt = new Date(Date.UTC(year, month - 1, day));
  return dt.getUTCFullYear() === year && dt.getUTCMonth() === month - 1 && dt.getUTCDate() === day;
}

/** True for an ISO-8601 UTC timestamp such as `2025-01-31T08:00:00.000Z` (what `Date#toISOString()` produces). */
export function isUtcTimestamp(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  const m = UTC_TIMESTAMP.exec(value);
  return m !== null && isRealDate(m[1], m[2], m[3]);
}

/** True for a calendar date `YYYY-MM-DD` that exists. */
export function isCalendarDate(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  const m = CALENDAR_DATE.exec(value);
  return m !== null && isRealDate(m[1], m[2], m[3]);
}

/** True for a local time of day `HH:mm` (00:00 .. 23:59, and 24:00 as an end of day). */
export function isTimeOfDay(value: unknown): boolean {
  return typeof value === 'string' && TIME_OF_DAY.test(value);
}

function simple(name: string, test: (value: unknown) => boolean, message: string) {
  return (options?: ValidationOptions): PropertyDecorator =>
    (target: object, propertyName: string | symbol) => {
      registerDecorator({
        name,
        target: target.constructor,
        propertyName: propertyName as string,
        options: { message, ...options },
        validator: { validate: (value: unknown) => test(value) },
      });
    };
}

export const IsUtcTimestamp = simple(
  'isUtcTimestamp',
  isUtcTimestamp,
  '$property must be an ISO-8601 UTC timestamp (YYYY-MM-DDTHH:mm:ss[.sss]Z)',
);
export const IsCalendarDate = simple('isCalendarDate', isCalendarDate, '$property must be a date YYYY-MM-DD');
export const IsTimeOfDay = simple('isTimeOfDay', isTimeOfDay, '$property must be a time of day HH:mm');

/** The decorated `HH:mm` value must be later than the sibling property `startProperty`. */
export function IsAfterTime(startProperty: string, options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) => {
    registerDecorator({
      name: 'isAfterTime',
      target: target.constructor,
      propertyName: propertyName as string,
      constraints: [startProperty],
      options: { message: `$property must be later than ${startProperty}`, ...options },
      validator: {
        validate(value: unknown, args: ValidationArguments) {
          const start = (args.object as Record<string, unknown>)[startProperty];
          // Only compare well-formed values; malformed ones are reported by isTimeOfDay.
          if (!isTimeOfDay(value) || !isTimeOfDay(start)) return true;
          return (value as string) > (start as string);
        },
      },
    });
  };
}
