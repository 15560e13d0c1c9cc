import type { IncomingMessage, ServerResponse } from 'node:http';
import express, { type NextFunction, type Request, type RequestHandler, type Response } from 'express';
import { answer, type DirectServing } from '@aftersales/platform-core';
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
const verified = new WeakMap<IncomingMessage, Promise<Principal>>();

export function verifiedPrincipal(req: IncomingMessage, token: string, jwt: JwtSettings): Promise<Principal> {
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
interface Refusal {
  status: number;
  message: string;
  extensions: Record<string, unknown>;
  headers?: Record<string, string>;
}

function refuse(res: ServerResponse, { status, message, extensions, headers = {} }: Refusal): void {
  answer(res, status, { errors: [{ message, extensions }] }, headers);
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
 *
 * `middleware` applies them on Express; `direct` on the direct GraphQL route (platform-core
 * direct-route.ts), with the same counters. That route leaves to Express a body over the limit (to refuse)
 * and a browser's request (for CORS).
 */
export function abuseLimits(path: string, limits: AbuseLimits, jwt: JwtSettings): { middleware: RequestHandler[]; direct: Pick<DirectServing, 'admit' | 'declines'> } {
  const parseJson = express.json({ limit: limits.maxBodyBytes });
  const bodyLimit: RequestHandler = (req, res, next) => {
    if (req.path !== path) return next();
    parseJson(req, res, (err?: unknown) => {
      const e = err as { type?: string } | undefined;
      if (e?.type === 'entity.too.large') {
        return refuse(res, {
          status: 413,
          message: `The request body is larger than the ${limits.maxBodyBytes} bytes the gateway accepts`,
          extensions: { code: 'PAYLOAD_TOO_LARGE', maxBodyBytes: limits.maxBodyBytes },
        });
      }
      next(err);
    });
  };

  const batchRefusal = (body: unknown): Refusal | null =>
    !Array.isArray(body) || body.length <= limits.maxBatch
      ? null
      : {
          status: 400,
          message: `A batch may hold at most ${limits.maxBatch} operations; this one has ${body.length}`,
          extensions: { code: 'BATCH_TOO_LARGE', maxBatch: limits.maxBatch, operations: body.length },
        };
  const batchLimit: RequestHandler = (req, res, next) => {
    const refusal = req.path === path ? batchRefusal(req.body) : null;
    return refusal ? refuse(res, refusal) : next();
  };

  const window = limits.ratePerMinute > 0 ? rateWindow(limits) : null;
  const limiter = window && new RateLimiterMemory({ points: window.points, duration: window.durationSeconds });
  /** Spends the request's operations from its caller's budget: a refusal when it is spent. */
  const rateRefusal = async (req: IncomingMessage, body: unknown): Promise<Refusal | null> => {
    if (!limiter) return null;
    const operations = Array.isArray(body) ? Math.max(1, body.length) : 1;
    try {
      await limiter.consume(await callerKey(req, jwt), operations);
      return null;
    } catch (rejection) {
      if (!(rejection instanceof RateLimiterRes)) throw rejection;
      const retryAfter = Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
      return {
        status: 429,
        message: `Too many requests: at most ${limits.ratePerMinute} per minute (bursts of ${limits.burst}); retry after ${retryAfter} s`,
        extensions: { code: 'RATE_LIMITED', retryAfter, limitPerMinute: limits.ratePerMinute, burst: limits.burst },
        headers: { 'Retry-After': String(retryAfter) },
      };
    }
  };
  const rateLimit: RequestHandler = (req: Request, res: Response, next: NextFunction) => {
    if (req.path !== path) return next();
    rateRefusal(req, req.body).then((refusal) => (refusal ? refuse(res, refusal) : next()), next);
  };

  return {
    middleware: limiter ? [bodyLimit, batchLimit, rateLimit] : [bodyLimit, batchLimit],
    direct: {
      declines: (req) => req.headers.origin !== undefined || Number(req.headers['content-length']) > limits.maxBodyBytes,
      admit: async (req, res, body) => {
        const refusal = batchRefusal(body) ?? (await rateRefusal(req, body));
        if (refusal) refuse(res, refusal);
        return refusal !== null;
      },
    },
  };
}

/**
 * Only a verified subject is a key: an unverified `sub` would let anyone spend another caller's budget,
 * or dodge their own by changing it. Forged, expired and missing tokens count against the address.
 */
async function callerKey(req: IncomingMessage & { ip?: string }, jwt: JwtSettings): Promise<string> {
  const token = bearerToken(req.headers.authorization);
  if (token) {
    try {
      return `sub:${(await verifiedPrincipal(req, token, jwt)).subject}`;
    } catch {
      // falls through to the address
    }
  }
  // Express's `req.ip` is the socket's address too, as long as no proxy is trusted.
  return `ip:${req.ip ?? req.socket.remoteAddress ?? 'unknown'}`;
}
