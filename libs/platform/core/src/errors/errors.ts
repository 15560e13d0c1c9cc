import type { ValidationError } from 'class-validator';

export type ErrorCode =
  | 'BAD_USER_INPUT'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'INTERNAL_SERVER_ERROR';

export interface FieldIssue {
  field: string;
  rule: string;
  message: string;
}

/** Base of every typed error; the exception filter maps `code` to GraphQL `extensions.code`. */
export abstract class DomainError extends Error {
  abstract readonly code: ErrorCode;
  constructor(
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class ValidationFailedError extends DomainError {
  readonly code = 'BAD_USER_INPUT' as const;
  constructor(readonly issues: FieldIssue[]) {
    super(`Invalid input: ${issues.map((i) => `${i.field} ${i.message}`).join('; ')}`, { issues });
  }
}

export class UnauthenticatedError extends DomainError {
  readonly code = 'UNAUTHENTICATED' as const;
}

export class ForbiddenError extends DomainError {
  readonly code = 'FORBIDDEN' as const;
}

export class NotFoundError extends DomainError {
  readonly code = 'NOT_FOUND' as const;
  /** `field`: the input field that named the id, when a mutation's reference was refused. */
  constructor(entity: string, id: string, field?: string) {
    super(field ? `${field}: ${entity} ${id} not found` : `${entity} ${id} not found`, field ? { entity, id, field } : { entity, id });
  }
}

export class ConflictError extends DomainError {
  readonly code = 'CONFLICT' as const;
}

/** Flattens class-validator errors into `field rule message` triples with dotted paths (`location.lat`). */
export function toFieldIssues(errors: ValidationError[], prefix = ''): FieldIssue[] {
  const issues: FieldIssue[] = [];
  for (const error of errors) {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    for (const [rule, message] of Object.entries(error.constraints ?? {})) {
      issues.push({ field, rule, message });
    }
    if (error.children?.length) issues.push(...toFieldIssues(error.children, field));
  }
  return issues;
}
