import { Inject, Injectable } from '@nestjs/common';
import { bearerToken, JWT_SETTINGS, verifyToken, type JwtSettings, type Principal } from '@aftersales/platform-auth';
import { UnauthenticatedError } from '@aftersales/platform-core';

type EntityContext = { req?: { principal?: Principal; headers?: Record<string, string | string[] | undefined> } };

/**
 * The caller of a federated entity fetch. The gateway resolves `ServiceCenter.satisfaction` through
 * `_entities`, which no Nest resolver handles, so the auth guard never ran for it: the forwarded token
 * is verified here, once per request, exactly as the guard would.
 */
@Injectable()
export class EntityPrincipal {
  constructor(@Inject(JWT_SETTINGS) private readonly settings: JwtSettings) {}

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
