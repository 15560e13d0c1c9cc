import type { Principal } from '@aftersales/platform-auth';
import { bearerToken, verifyToken, type JwtSettings } from '@aftersales/platform-auth';
import type { Logger } from 'pino';
import { toGraphQLError, UnauthenticatedError } from '@aftersales/platform-core';

type RequestLike = { principal?: Principal; headers?: Record<string, string | string[] | undefined> };

/**
 * The caller of a federated field. The gateway resolves `ServiceCenter.workshopKpis` through
 * `_entities`, where no guard runs (Nest applies guards to root fields only), so the field verifies
 * the forwarded token itself, once per request.
 */
export async function principalOf(ctx: object, settings: JwtSettings): Promise<Principal> {
  const req = (ctx as { req?: RequestLike }).req;
  if (req?.principal) return req.principal;
  const token = bearerToken(req?.headers?.authorization);
  if (!req || !token) throw new UnauthenticatedError('Missing bearer token');
  req.principal = await verifyToken(token, settings);
  return req.principal;
}

/**
 * Field resolvers bypass Nest's exception filter like they bypass its guards: typed errors are turned
 * into GraphQL errors here, so a bad argument is BAD_USER_INPUT and not an internal error.
 */
export async function asGraphQLErrors<T>(logger: Logger, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    throw toGraphQLError(e, logger);
  }
}
