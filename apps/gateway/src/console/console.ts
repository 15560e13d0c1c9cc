import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import express, { type RequestHandler, type Response } from 'express';

export const CONSOLE_PATH = '/console';

/** What the console reads at start from /console/config.js (`window.AFTERSALES_CONSOLE`). */
export interface ConsoleRuntimeConfig {
  /** The graph's URL when the console is served from somewhere else than the gateway. */
  graphqlUrl?: string;
  /** The organisation's identity provider (authorization code + PKCE); absent: no such button. */
  oidc?: { issuer: string; clientId: string; scopes: string };
  /** Whether the demo sign-in (`POST /dev/token`) is on. */
  devTokens: boolean;
}

/** The script the console loads before itself; `<` escaped so no value can close the script element. */
export function configScript(config: ConsoleRuntimeConfig): string {
  return `window.AFTERSALES_CONSOLE = ${JSON.stringify(config).replace(/</g, '\\u003c')};\n`;
}

const NOT_BUILT = (dir: string) => `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Console not built</title></head>
<body style="font-family: system-ui, sans-serif; max-width: 40em; margin: 3em auto">
<h1>The web console has not been built</h1>
<p>The gateway serves it from <code>${dir.replace(/[<&]/g, '')}</code> (<code>GATEWAY_CONSOLE_DIR</code>), which has no <code>index.html</code>.</p>
<p>Build it with <code>npx nx run console:build</code> (<code>npm start</code> does it for you), then reload.</p>
</body></html>`;

/**
 * The built console under /console/: files by name; hashed `assets/*` cached for a year (a new build
 * has new names), everything else, index.html first, revalidated each time so a deploy is seen at
 * once; any other path is a page of the app (a deep link such as /console/centers/x) and gets
 * index.html. Without a build, a page that says how to make one.
 */
export function consoleStatic(dir: string, config: ConsoleRuntimeConfig): RequestHandler {
  const root = resolve(dir);
  const files = express.static(root, {
    index: false,
    fallthrough: true,
    setHeaders: (res, path) => {
      res.setHeader('cache-control', path.startsWith(join(root, 'assets')) ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
  const script = configScript(config);
  const index = join(root, 'index.html');
  return (req, res, next) => {
    if (req.path !== CONSOLE_PATH && !req.path.startsWith(`${CONSOLE_PATH}/`)) return next();
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    if (req.path === CONSOLE_PATH) return res.redirect(301, `${CONSOLE_PATH}/`);
    const path = req.path.slice(CONSOLE_PATH.length);
    if (path === '/config.js') {
      res.setHeader('cache-control', 'no-cache');
      return void res.type('application/javascript').send(script);
    }
    const rewritten = Object.assign(Object.create(req) as typeof req, { url: req.url.slice(CONSOLE_PATH.length) });
    files(rewritten, res, () => {
      if (!existsSync(index)) return notBuilt(res, root);
      // A missing hashed file is a stale page asking for an old build: a 404, not the app.
      if (path.startsWith('/assets/')) return void res.status(404).type('text/plain').send('Not found');
      res.setHeader('cache-control', 'no-cache');
      res.sendFile(index);
    });
  };
}

function notBuilt(res: Response, dir: string) {
  res.status(404).setHeader('cache-control', 'no-cache');
  res.type('html').send(NOT_BUILT(dir));
}

/**
 * Pages of other origins (a console on static hosting) may call the gateway when their origin is
 * listed; any other origin gets no CORS headers, so its browser refuses to read the answer, and its
 * preflight is refused outright.
 */
export function corsMiddleware(origins: readonly string[]): RequestHandler {
  const allowed = new Set(origins);
  return (req, res, next) => {
    const origin = req.headers.origin;
    if (!origin || !allowed.size) return next();
    const preflight = req.method === 'OPTIONS' && req.headers['access-control-request-method'] !== undefined;
    if (!allowed.has(origin)) return preflight ? void res.status(403).end() : next();
    res.setHeader('access-control-allow-origin', origin);
    res.append('vary', 'Origin');
    if (!preflight) return next();
    res.setHeader('access-control-allow-methods', 'GET, POST, OPTIONS');
    res.setHeader('access-control-allow-headers', 'authorization, content-type, apollo-require-preflight, x-correlation-id');
    res.setHeader('access-control-max-age', '600');
    res.status(204).end();
  };
}
