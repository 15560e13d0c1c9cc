import express, { type RequestHandler } from 'express';
import { devTokenIssues, mintDevToken, type DevTokenRequest, type JwtSettings } from '@aftersales/platform-auth';
import type { FieldIssue } from '@aftersales/platform-core';

export const DEV_TOKEN_PATH = '/dev/token';
export const SIGN_IN_OPTIONS_PATH = '/dev/sign-in-options';

/** The console's demo sign-in sends `{role, center?, region?, subject?}`; anything else in a field is refused by name. */
export function devTokenRequest(body: unknown): { request: DevTokenRequest; issues: FieldIssue[] } {
  const b = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>;
  const issues: FieldIssue[] = [];
  const text = (field: string): string | undefined => {
    const v = b[field];
    if (v === undefined || v === null || v === '') return undefined;
    if (typeof v === 'string') return v.trim();
    issues.push({ field, rule: 'string', message: `${field} must be a string` });
    return undefined;
  };
  const role = text('role');
  const center = text('center');
  const region = text('region');
  const subject = text('subject');
  const request: DevTokenRequest = { roles: role ? [role] : [], centers: center ? [center] : [], regions: region ? [region] : [], subject };
  return { request, issues: [...issues, ...devTokenIssues(request)] };
}

/**
 * `POST /dev/token` (the console's local sign-in; the same tokens as `npm run token`) and
 * `GET /dev/sign-in-options` (the demo network's regions and centers to pick from, read through the
 * gateway itself as HQ). Mounted only when GATEWAY_DEV_TOKENS=true, never in production.
 */
export function devTokenMiddleware(jwt: JwtSettings, graphqlUrl: string): RequestHandler {
  const parse = express.json({ limit: '16kb' });
  return (req, res, next) => {
    if (req.path === SIGN_IN_OPTIONS_PATH && req.method === 'GET') {
      return void signInOptions(jwt, graphqlUrl).then(
        (options) => res.setHeader('cache-control', 'no-store').json(options),
        (e: Error) => res.status(502).json({ message: `Could not read the demo network: ${e.message}` }),
      );
    }
    if (req.path !== DEV_TOKEN_PATH || req.method !== 'POST') return next();
    parse(req, res, (err?: unknown) => {
      if (err) return void res.status(400).json({ message: 'The body must be JSON', issues: [{ field: 'body', rule: 'json', message: 'the body must be JSON' }] });
      const { request, issues } = devTokenRequest(req.body);
      if (issues.length) return void res.status(400).json({ message: `Invalid input: ${issues.map((i) => `${i.field} ${i.message}`).join('; ')}`, issues });
      mintDevToken(request, jwt).then(
        (token) => res.setHeader('cache-control', 'no-store').json({ token }),
        (e: Error) => next(e),
      );
    });
  };
}

export interface SignInOptions {
  regions: { id: string; name: string }[];
  centers: { id: string; code: string; name: string; regionId: string }[];
}

const OPTIONS_QUERY = `{ regions { id name } serviceCenters(first: 200, filter: { status: ACTIVE }) { edges { node { id code name regionId } } } }`;

async function signInOptions(jwt: JwtSettings, graphqlUrl: string): Promise<SignInOptions> {
  const token = await mintDevToken({ roles: ['HQ_ANALYST'], subject: 'console-sign-in-options', expiresIn: '1m' }, jwt);
  const res = await fetch(graphqlUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: OPTIONS_QUERY }),
    signal: AbortSignal.timeout(10_000),
  });
  const body = (await res.json()) as { data?: { regions: SignInOptions['regions']; serviceCenters: { edges: { node: SignInOptions['centers'][number] }[] } }; errors?: { message: string }[] };
  if (!body.data) throw new Error(body.errors?.[0]?.message ?? `HTTP ${res.status}`);
  return { regions: body.data.regions, centers: body.data.serviceCenters.edges.map((e) => e.node) };
}
