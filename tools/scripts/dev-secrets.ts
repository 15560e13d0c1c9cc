import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { JwtSettings } from '@aftersales/platform-auth';

export const SECRETS_FILE = fileURLToPath(new URL('../../.data/secrets.json', import.meta.url));

/** JWT settings for the local system: JWT_SECRET if given, else a random secret kept under .data/. */
export function devJwtSettings(env: NodeJS.ProcessEnv = process.env): JwtSettings {
  const issuer = env.JWT_ISSUER ?? 'aftersales-auth';
  const audience = env.JWT_AUDIENCE ?? 'aftersales';
  if (env.JWT_SECRET) return { secret: env.JWT_SECRET, issuer, audience };
  if (!existsSync(SECRETS_FILE)) {
    mkdirSync(dirname(SECRETS_FILE), { recursive: true });
    writeFileSync(SECRETS_FILE, JSON.stringify({ jwtSecret: randomBytes(32).toString('hex') }, null, 2), { mode: 0o600 });
  }
  const { jwtSecret } = JSON.parse(readFileSync(SECRETS_FILE, 'utf8')) as { jwtSecret: string };
  return { secret: jwtSecret, issuer, audience };
}
