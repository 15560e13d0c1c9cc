import { Inject, Injectable } from '@nestjs/common';
import { bearerToken, JWT_SETTINGS, verifyToken, type JwtSettings, type Principal } from '@aftersales/platform-auth';
import type { Logger } from 'pino';
import { LOGGER, toGraphQLError, UnauthenticatedError } from '@aftersales/platform-core';

type EntityContext = { req?: { principal?: Principal; headers?: Record<string, string | string[] | undefined> } };

/**
 * The caller of a federated entity fetch. The gateway resolves `ServiceCenter.satisfaction` through
 * `_entities`, which no Nest resolver handles, so the auth guard never ran for it: the forwarded token
 * is verified here, once per request, exactly as the guard would.
 */
@Injectable()
export class EntityPrincipal {
  constructor(
    @Inject(JWT_SETTINGS) private readonly settings: JwtSettings,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  /**
   * Runs an entity field with the caller's principal. Exception filters do not run for field
   * resolvers, so typed errors are mapped to their GraphQL code here, as the filter would.
   */
  async run<T>(ctx: object, fn: (principal: Principal) => Promise<T>): Promise<T> {
    try {
      return await fn(await this.of(ctx));
    } catch (err) {
      throw toGraphQLError(err, this.logger);
    }
  }

  async of(ctx: object): Promise<Principal> {
    const req = (ctx as EntityContext).req;
    if (!req) throw new UnauthenticatedError('Authentication required');
    if (req.principal) return req.principal;
    const token = bearerToken(req.headers?.authorization);
    if (!token) throw new UnauthenticatedError('Missing bearer token');
    req.principal = await verifyToken(token, this.settings);
    return req.principal;
  }
}
