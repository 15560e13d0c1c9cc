import { ArgumentsHost, Catch, HttpException, HttpStatus } from '@nestjs/common';
import type { GqlExceptionFilter } from '@nestjs/graphql';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import type { Logger } from 'pino';
import type { Response } from 'express';
import { throwError } from 'rxjs';
import { currentCorrelationId } from '../logging/logger';
import { DomainError, type ErrorCode } from './errors';

const HTTP_CODES: Partial<Record<number, ErrorCode>> = {
  [HttpStatus.BAD_REQUEST]: 'BAD_USER_INPUT',
  [HttpStatus.UNAUTHORIZED]: 'UNAUTHENTICATED',
  [HttpStatus.FORBIDDEN]: 'FORBIDDEN',
  [HttpStatus.NOT_FOUND]: 'NOT_FOUND',
  [HttpStatus.CONFLICT]: 'CONFLICT',
};

/**
 * The one place where errors become GraphQL errors: typed errors keep their code and details,
 * anything else is logged with the correlation id and returned without internals.
 */
const HTTP_STATUS: Partial<Record<ErrorCode, number>> = Object.fromEntries(
  Object.entries(HTTP_CODES).map(([status, code]) => [code, Number(status)]),
);

@Catch()
export class GraphqlExceptionFilter implements GqlExceptionFilter {
  constructor(private readonly logger: Logger) {}

  catch(exception: unknown, host: ArgumentsHost) {
    // An event handler's error goes back, unchanged, to the consumer that retries and dead-letters it
    // with its message; a GraphQL rendering would hide both the message and a transient store error.
    if (host.getType<string>() === 'rpc') return throwError(() => exception);
    const error = toGraphQLError(exception, this.logger);
    if (host.getType<string>() === 'graphql') return error;
    // REST endpoints (health, metrics, downloads) answer JSON with the same codes, never a stack trace.
    const code = error.extensions.code as ErrorCode;
    const status = exception instanceof HttpException ? exception.getStatus() : (HTTP_STATUS[code] ?? 500);
    const body = exception instanceof HttpException ? exception.getResponse() : { code, message: error.message, ...error.extensions };
    host.switchToHttp().getResponse<Response>().status(status).json(body);
    return undefined;
  }
}

export function toGraphQLError(exception: unknown, logger: Logger): GraphQLError {
  if (exception instanceof GraphQLError) return exception;
  if (exception instanceof DomainError) {
    return new GraphQLError(exception.message, { extensions: { code: exception.code, ...exception.details } });
  }
  if (exception instanceof HttpException) {
    const code = HTTP_CODES[exception.getStatus()];
    if (code) return new GraphQLError(exception.message, { extensions: { code } });
  }
  const correlationId = currentCorrelationId();
  logger.error({ err: exception, correlationId }, 'unexpected error');
  return new GraphQLError('Internal server error', {
    extensions: { code: 'INTERNAL_SERVER_ERROR', correlationId },
  });
}

/** Apollo's last word: never let a stack trace or an internal message out. */
export function formatGraphQLError(formatted: GraphQLFormattedError, error?: unknown): GraphQLFormattedError {
  // Field resolvers of federated entities (reached through `_entities`) run without Nest's exception
  // filter, so a typed error arrives here still wrapped: give it its code and details as the filter would.
  const original = error instanceof GraphQLError ? error.originalError : undefined;
  if (original instanceof DomainError) {
    return { ...formatted, message: original.message, extensions: { code: original.code, ...original.details } };
  }
  const { stacktrace: _stack, ...extensions } = (formatted.extensions ?? {}) as Record<string, unknown>;
  return { ...formatted, extensions };
}
