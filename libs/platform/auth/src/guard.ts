import {
  CanActivate,
  createParamDecorator,
  DynamicModule,
  ExecutionContext,
  Global,
  Injectable,
  Module,
  SetMetadata,
} from '@nestjs/common';
import { APP_GUARD, Reflector } from '@nestjs/core';
import { GqlExecutionContext } from '@nestjs/graphql';
import { ForbiddenError, PUBLIC_ROUTE, UnauthenticatedError } from '@aftersales/platform-core';
import type { Request } from 'express';
import { hasRole, type Principal, type Role } from './principal';
import { bearerToken, verifyToken, type JwtSettings } from './tokens';

const ROLES_KEY = 'auth:roles';

/** Restricts a resolver to callers holding one of these roles. */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);

type RequestWithPrincipal = Request & { principal?: Principal };

function requestOf(context: ExecutionContext): RequestWithPrincipal {
  if (context.getType<string>() === 'graphql') {
    return GqlExecutionContext.create(context).getContext<{ req: RequestWithPrincipal }>().req;
  }
  return context.switchToHttp().getRequest<RequestWithPrincipal>();
}

export const CurrentPrincipal = createParamDecorator((_data: unknown, context: ExecutionContext): Principal => {
  const principal = requestOf(context).principal;
  if (!principal) throw new UnauthenticatedError('Authentication required');
  return principal;
});

export const JWT_SETTINGS = Symbol('JWT_SETTINGS');

/**
 * Every request is authenticated here, whether it comes from the gateway or straight to the
 * subgraph: the gateway forwards the caller's token and the subgraph verifies it again.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly settings: JwtSettings,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) return true;
    const req = requestOf(context);
    if (!req.principal) {
      const token = bearerToken(req.headers?.authorization);
      if (!token) throw new UnauthenticatedError('Missing bearer token');
      req.principal = await verifyToken(token, this.settings);
    }
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    if (roles?.length && !hasRole(req.principal, ...roles)) {
      throw new ForbiddenError(`Requires one of the roles ${roles.join(', ')}`);
    }
    return true;
  }
}

@Global()
@Module({})
export class AuthModule {
  static forRoot(settings: JwtSettings): DynamicModule {
    return {
      module: AuthModule,
      providers: [
        { provide: JWT_SETTINGS, useValue: settings },
        { provide: APP_GUARD, useFactory: (reflector: Reflector) => new AuthGuard(reflector, settings), inject: [Reflector] },
      ],
      exports: [JWT_SETTINGS],
    };
  }
}
