import type { ValidationError } from 'class-validator';

/** One validation failure: `field` is a dotted path (`payload.calendar.weekly.0.slots.1.end`), `rule` the constraint name. */
export interface FieldError {
  field: string;
  rule: string;
  message: string;
}

export function flattenValidationErrors(errors: ValidationError[], prefix = ''): FieldError[] {
  const out: FieldError[] = [];
  for (const error of errors) {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    for (const [rule, message] of Object.entries(error.constraints ?? {})) {
      out.push({ field, rule, message: message.startsWith(error.property) ? field + message.slice(error.property.length) : message });
    }
    if (error.children?.length) out.push(...flattenValidationErrors(error.children, field));
  }
  return out;
}

/** Thrown by `createEvent` when the payload does not satisfy its class. */
export class EventValidationError extends Error {
  constructor(
    readonly eventKey: string,
    readonly errors: FieldError[],
  ) {
    super(`invalid ${eventKey}: ${errors.map((e) => `${e.field} (${e.rule})`).join(', ')}`);
    this.name = 'EventValidationError';
  }
}
