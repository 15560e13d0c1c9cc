export * from './envelope';
export * from './catalog';
export * from './events';
export * from './events/network';
export type { FieldError } from './validation/errors';
export { EventValidationError, flattenValidationErrors } from './validation/errors';
export { isUtcTimestamp, isCalendarDate, isTimeOfDay } from './validation/decorators';
export { sampleServiceCenter, sampleStaff } from './testing/fixtures';
