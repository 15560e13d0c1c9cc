import { signToken, type JwtSettings, type Principal, type Role } from '@aftersales/platform-auth';
import { GraphQLRequestError, type Graph } from './graph';
import { nextStepAt } from './hours';
import type { SimCenter } from './network';
import type { Rng } from './rng';
import type { Stats } from './stats';

/** Thrown into sleeping journeys when the simulator stops. */
export class Stopped extends Error {
  constructor() {
    super('simulator stopped');
  }
}

/** Tokens per role and center, signed with the dev JWT settings and reused until half their life. */
export class Tokens {
  private readonly cache = new Map<string, { token: Promise<string>; at: number }>();

  /** The call-center posts each agent holds a qualification for: what the identity provider puts in their token. */
  readonly posts = new Map<string, Role[]>();

  constructor(private readonly jwt: JwtSettings) {}

  private get(key: string, principal: Principal): Promise<string> {
    const hit = this.cache.get(key);
    if (hit && Date.now() - hit.at < 6 * 3_600_000) return hit.token;
    const token = signToken(principal, this.jwt, '12h');
    this.cache.set(key, { token, at: Date.now() });
    return token;
  }

  private role(role: Role | Role[], subject: string, serviceCenterIds: string[] = [], regionIds: string[] = []): Promise<string> {
    const roles = Array.isArray(role) ? role : [role];
    return this.get(`${roles.join('+')}|${subject}|${serviceCenterIds.join(',')}`, { subject, roles, serviceCenterIds, regionIds });
  }

  hq(): Promise<string> {
    return this.role('HQ_ADMIN', 'simulator-hq');
  }
  /** A call-center agent (a network staff member): the token carries the telephone posts they are qualified for. */
  agent(agentId: string): Promise<string> {
    return this.role(this.posts.get(agentId) ?? ['INBOUND_AGENT'], agentId);
  }
  qc(qcId: string): Promise<string> {
    return this.role('QC_AGENT', qcId);
  }
  /** The manager of a region: decides the warranty claims of its centers. */
  regionManager(regionId: string): Promise<string> {
    return this.role('REGION_MANAGER', `region-manager-${regionId}`, [], [regionId]);
  }
  dealer(center: { id: string; regionId: string }): Promise<string> {
    return this.role('DEALER', `dealer-${center.id}`, [center.id], [center.regionId]);
  }
}

/** A counting semaphore: at most `limit` requests to the gateway in flight. */
export class Semaphore {
  private active = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(private readonly limit: number) {}

  async run<T>(fn: () => Promise<T>): Promise<T> {
    if (this.active >= this.limit) await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.active++;
    try {
      return await fn();
    } finally {
      this.active--;
      this.waiting.shift()?.();
    }
  }

  get pending(): number {
    return this.waiting.length;
  }
}

/** What journeys use: the gateway with the right token, time in the centers' hours, counters, logs. */
export class Runtime {
  stopped = false;
  private readonly sleepers = new Set<{ timer: NodeJS.Timeout; reject: (e: Error) => void }>();

  constructor(
    readonly graph: Graph,
    readonly tokens: Tokens,
    readonly rng: Rng,
    readonly stats: Stats,
    readonly semaphore: Semaphore,
    /** Business time runs this many times faster than the clock (delays between steps are divided by it). */
    readonly pace: number,
    readonly trace: (line: string) => void,
    readonly centers: Map<string, SimCenter>,
  ) {}

  /** One operation through the gateway; counted by name, failures counted by name and code and rethrown. */
  async call<T = any>(operation: string, query: string, variables: Record<string, unknown>, token: string | Promise<string>): Promise<T> {
    return (await this.tryCall<T>(operation, query, variables, token, [])) as T;
  }

  /** Like call, but a failure with one of `codes` comes back as null (e.g. "not there yet"). */
  async tryCall<T = any>(operation: string, query: string, variables: Record<string, unknown>, token: string | Promise<string>, codes: string[]): Promise<T | null> {
    if (this.stopped) throw new Stopped();
    try {
      const data = await this.send<T>(operation, query, variables, token);
      if (query.trimStart().startsWith('mutation')) this.stats.action(operation);
      return data;
    } catch (e) {
      if (e instanceof GraphQLRequestError && e.codes.some((c) => codes.includes(c))) return null;
      this.failed(operation, e);
      throw e;
    }
  }

  /** One request through the gateway, timed from send to answer (the wait for a free slot excluded); nothing counted. */
  async send<T = any>(operation: string, query: string, variables: Record<string, unknown>, token: string | Promise<string>): Promise<T> {
    const t = await token;
    return this.semaphore.run(async () => {
      const started = performance.now();
      try {
        return await this.graph.data<T>(query, variables, t);
      } finally {
        this.stats.latency(operation, performance.now() - started);
      }
    });
  }

  /** Counts and traces a failed operation (by name and code). */
  failed(operation: string, e: unknown): void {
    const code = e instanceof GraphQLRequestError ? e.code : 'ERROR';
    this.stats.error(operation, code);
    this.trace(`error ${operation} ${code}: ${(e as Error).message}`);
  }

  sleep(ms: number): Promise<void> {
    if (this.stopped) return Promise.reject(new Stopped());
    return new Promise<void>((resolve, reject) => {
      const entry = {
        timer: setTimeout(() => {
          this.sleepers.delete(entry);
          resolve();
        }, Math.max(0, Math.min(ms, 2_000_000_000))),
        reject,
      };
      this.sleepers.add(entry);
    });
  }

  /**
   * Waits `minMinutes`-`maxMinutes` of business time (divided by the pace), then until the center
   * works if it does not at that moment: every step of a journey happens in its center's hours.
   */
  async step(center: SimCenter, minMinutes: number, maxMinutes: number): Promise<void> {
    const delayMs = (this.rng.between(minMinutes, maxMinutes) * 60_000) / this.pace;
    const at = nextStepAt(center, new Date(), delayMs, this.rng);
    await this.sleep(at.getTime() - Date.now());
  }

  /**
   * Polls `probe` until it returns a value (an event still travelling to another service): every 5 s,
   * more often when business time runs faster, never more than twice a second.
   */
  async poll<T>(probe: () => Promise<T | null>, timeoutMs: number): Promise<T | null> {
    const everyMs = Math.max(500, 5000 / Math.sqrt(this.pace));
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const v = await probe();
      if (v !== null) return v;
      if (Date.now() > deadline) return null;
      await this.sleep(everyMs);
    }
  }

  center(id: string | null | undefined): SimCenter | undefined {
    return id ? this.centers.get(id) : undefined;
  }

  stop(): void {
    this.stopped = true;
    for (const s of this.sleepers) {
      clearTimeout(s.timer);
      s.reject(new Stopped());
    }
    this.sleepers.clear();
  }
}
