import express, { type NextFunction, type Request, type RequestHandler, type Response } from 'express';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { bearerToken, verifyToken, type JwtSettings, type Principal } from '@aftersales/platform-auth';

export interface AbuseLimits {
  /** Sustained requests per minute per caller; 0 turns the rate limit off. */
  ratePerMinute: number;
  /** Requests a caller may send at once (the bucket the sustained rate refills). */
  burst: number;
  /** Largest request body the gateway reads, in bytes. */
  maxBodyBytes: number;
  /** Most operations in one batched request (a JSON array). */
  maxBatch: number;
}

/**
 * One verification per request: the rate limit keys on the token's subject, and the GraphQL context
 * (authenticate in gateway.module.ts) reuses the same result instead of verifying twice.
 */
const verified = new WeakMap<Request, Promise<Principal>>();

export function verifiedPrincipal(req: Request, token: string, jwt: JwtSettings): Promise<Principal> {
  let principal = verified.get(req);
  if (!principal) {
    principal = verifyToken(token, jwt);
    // The rate limiter only peeks; the caller that awaits later gets the rejection.
    principal.catch(() => undefined);
    verified.set(req, principal);
  }
  return principal;
}

/** A GraphQL-shaped refusal with its HTTP status: what a client library can read without special cases. */
function refuse(res: Response, status: number, message: string, extensions: Record<string, unknown>, headers: Record<string, string> = {}): void {
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
  res.status(status).json({ errors: [{ message, extensions }] });
}

/**
 * Windows of `burst` requests, as long as the sustained rate needs to refill them: 3,000/min with a burst
 * of 500 is 500 requests per 10 s. A window is at least a second.
 */
export function rateWindow(limits: Pick<AbuseLimits, 'ratePerMinute' | 'burst'>): { points: number; durationSeconds: number } {
  const durationSeconds = Math.max(1, Math.round((limits.burst * 60) / limits.ratePerMinute));
  return { points: Math.max(1, Math.round((limits.ratePerMinute * durationSeconds) / 60)), durationSeconds };
}

/**
 * The gateway's abuse limits, in the order they apply to `path`: the body size (read here, so the shared
 * 16 MB parser never sees a larger one), the batch size, then the caller's request rate, where each
 * operation of a batch counts. Keyed by the verified token's subject; a request without a valid token by
 * the client's address. The counters live in this gateway process: N replicas allow N times the rate.
 */
export function abuseLimitMiddleware(path: string, limits: AbuseLimits, jwt: JwtSettings): RequestHandler[] {
  const parseJson = express.json({ limit: limits.maxBodyBytes });
  const bodyLimit: RequestHandler = (req, res, next) => {
    if (req.path !== path) return next();
    parseJson(req, res, (err?: unknown) => {
      const e = err as { type?: string } | undefined;
      if (e?.type === 'entity.too.large') {
        return refuse(res, 413, `The request body is larger than the ${limits.maxBodyBytes} bytes the gateway accepts`, {
          code: 'PAYLOAD_TOO_LARGE',
          maxBodyBytes: limits.maxBodyBytes,
        });
      }
      next(err);
    });
  };

  const batchLimit: RequestHandler = (req, res, next) => {
    if (req.path !== path || !Array.isArray(req.body) || req.body.length <= limits.maxBatch) return next();
    refuse(res, 400, `A batch may hold at most ${limits.maxBatch} operations; this one has ${req.body.length}`, {
      code: 'BATCH_TOO_LARGE',
      maxBatch: limits.maxBatch,
      operations: req.body.length,
    });
  };

  if (limits.ratePerMinute <= 0) return [bodyLimit, batchLimit];
  const window = rateWindow(limits);
  const limiter = new RateLimiterMemory({ points: window.points, duration: window.durationSeconds });
  const rateLimit: RequestHandler = (req: Request, res: Response, next: NextFunction) => {
    if (req.path !== path) return next();
    const operations = Array.isArray(req.body) ? Math.max(1, req.body.length) : 1;
    void callerKey(req, jwt)
      .then((key) => limiter.consume(key, operations))
      .then(
        () => next(),
        (rejection: unknown) => {
          if (!(rejection instanceof RateLimiterRes)) return next(rejection);
          const retryAfter = Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
          refuse(
            res,
            429,
            `Too many requests: at most ${limits.ratePerMinute} per minute (bursts of ${limits.burst}); retry after ${retryAfter} s`,
            { code: 'RATE_LIMITED', retryAfter, limitPerMinute: limits.ratePerMinute, burst: limits.burst },
            { 'Retry-After': String(retryAfter) },
          );
        },
      );
  };
  return [bodyLimit, batchLimit, rateLimit];
}

/**
 * Only a verified subject is a key: an unverified `sub` would let anyone spend another caller's budget,
 * or dodge their own by changing it. Forged, expired and missing tokens count against the address.
 */
async function callerKey(req: Request, jwt: JwtSettings): Promise<string> {
  const token = bearerToken(req.headers.authorization);
  if (token) {
    try {
      return `sub:${(await verifiedPrincipal(req, token, jwt)).subject}`;
    } catch {
      // falls through to the address
    }
  }
  return `ip:${req.ip ?? req.socket.remoteAddress ?? 'unknown'}`;
}
