import { Controller, Get, HttpCode, Injectable, ServiceUnavailableException, SetMetadata } from '@nestjs/common';

export const PUBLIC_ROUTE = 'auth:public';

/** Endpoints that need no caller (health, metrics); the auth guard lets them through. */
export const Public = () => SetMetadata(PUBLIC_ROUTE, true);

export interface ReadinessCheck {
  name: string;
  check: () => Promise<void>;
}

/** Modules register what "ready" means for them (store ping, Kafka metadata); /health/ready runs them all. */
@Injectable()
export class HealthRegistry {
  private readonly checks: ReadinessCheck[] = [];

  register(check: ReadinessCheck): void {
    this.checks.push(check);
  }

  async run(timeoutMs = 3000): Promise<{ ok: boolean; checks: Record<string, string> }> {
    const results = await Promise.all(
      this.checks.map(async ({ name, check }) => {
        try {
          await withTimeout(check(), timeoutMs, name);
          return [name, 'up'] as const;
        } catch (e) {
          return [name, `down: ${(e as Error).message}`] as const;
        }
      }),
    );
    return { ok: results.every(([, s]) => s === 'up'), checks: Object.fromEntries(results) };
  }
}

function withTimeout<T>(p: Promise<T>, ms: number, name: string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${name} did not answer within ${ms} ms`)), ms);
    p.then(
      (v) => (clearTimeout(timer), resolve(v)),
      (e) => (clearTimeout(timer), reject(e)),
    );
  });
}

@Public()
@Controller('health')
export class HealthController {
  constructor(private readonly registry: HealthRegistry) {}

  @Get('live')
  @HttpCode(200)
  live() {
    return { status: 'live' };
  }

  @Get('ready')
  async ready() {
    const result = await this.registry.run();
    if (!result.ok) throw new ServiceUnavailableException({ status: 'not ready', checks: result.checks });
    return { status: 'ready', checks: result.checks };
  }
}
