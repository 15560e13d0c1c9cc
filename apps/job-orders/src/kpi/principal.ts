import { Inject, Injectable } from '@nestjs/common';
import { UnauthenticatedError } from '@aftersales/platform-core';
import { bearerToken, JWT_SETTINGS, verifyToken, type JwtSettings, type Principal } from '@aftersales/platform-auth';

type RequestLike = { principal?: Principal; headers?: Record<string, string | string[] | undefined> };

/**
 * The caller of an entity field. Federation's `_entities` query is answered by Apollo, not by a Nest
 * resolver, so the global guard never ran for it: the token is verified here instead.
 */
@Injectable()
export class EntityCaller {
  constructor(@Inject(JWT_SETTINGS) private readonly settings: JwtSettings) {}

  async of(ctx: object): Promise<Principal> {
    const req = (ctx as { req?: RequestLike }).req;
    if (req?.principal) return req.principal;
    const token = bearerToken(req?.headers?.authorization);
    if (!token) throw new UnauthenticatedError('Missing bearer token');
    const principal = await verifyToken(token, this.settings);
    if (req) req.principal = principal;
    return principal;
  }
}
