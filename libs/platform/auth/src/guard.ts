import {
  CanActivate,
  createParamDecorator,
  DynamicModule,
  ExecutionContext,
  Global,
  Inject,
  Injectable,
  MiddlewareConsumer,
  Module,
  NestModule,
  SetMetadata,
} from '@nestjs/common';
import { APP_GUARD, Reflector } from '@nestjs/core';
import { GqlExecutionContext } from '@nestjs/graphql';
import { ForbiddenError, GraphQLRequestHooks, PUBLIC_ROUTE, UnauthenticatedError } from '@aftersales/platform-core';
import type { IncomingMessage } from 'node:http';
import { hasRole, type Principal, type Role } from './principal';
import { bearerToken, verifyToken, type JwtSettings } from './tokens';

const ROLES_KEY = 'auth:roles';

/** Restricts a resolver to callers holding one of these roles. */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);

/** Node's request: on the direct GraphQL route it is not Express's. */
type RequestWithPrincipal = IncomingMessage & { principal?: Principal; authError?: Error };

function requestOf(context: ExecutionContext): RequestWithPrincipal {
  if (context.getType<string>() === 'graphql') {
    return GqlExecutionContext.create(context).getContext<{ req: RequestWithPrincipal }>().req;
  }
  return context.switchToHttp().getRequest<RequestWithPrincipal>();
}

export const CurrentPrincipal = createParamDecorator((_data: unknown, context: ExecutionContext): Principal => {
  const req = requestOf(context);
  if (!req.principal) throw req.authError ?? new UnauthenticatedError('Authentication required');
  return req.principal;
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
    // Events come from the service's own Kafka cluster, validated against the catalog on consume; they
    // carry no caller, and what they change is scoped by the ids inside them.
    if (context.getType<string>() === 'rpc') return true;
    const req = requestOf(context);
    if (!req.principal) {
      if (req.authError) throw req.authError;
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

/**
 * Verifies a bearer token once per HTTP request, before any resolver. Guards do not run for field
 * resolvers or for the `_entities` resolver of @apollo/subgraph, so a federated field such as
 * `ServiceCenter.jobOrderKpis` would otherwise see no principal. A bad token is kept and reported by
 * the guard or `@CurrentPrincipal`, so public routes (health) are unaffected.
 */
function authenticateRequest(settings: JwtSettings) {
  return (req: RequestWithPrincipal, _res: unknown, next: () => void) => {
    const token = bearerToken(req.headers?.authorization);
    if (!token || req.principal) return next();
    verifyToken(token, settings).then(
      (principal) => {
        req.principal = principal;
        next();
      },
      (e: Error) => {
        req.authError = e;
        next();
      },
    );
  };
}

@Global()
@Module({})
export class AuthModule implements NestModule {
  constructor(
    @Inject(JWT_SETTINGS) private readonly settings: JwtSettings,
    hooks: GraphQLRequestHooks,
  ) {
    // GraphQL served ahead of Express (direct-route.ts) needs the same verification.
    hooks.add(authenticateRequest(settings));
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(authenticateRequest(this.settings)).forRoutes('{*splat}');
  }

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
