import type { OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import type { Logger } from 'pino';

/**
 * A sweep run every `intervalMs` (by the injected Clock inside `run`, so tests move time with the
 * test clock). Ticks never overlap; shutdown waits for the running one.
 */
export abstract class IntervalJob implements OnApplicationBootstrap, OnApplicationShutdown {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> | null = null;

  protected constructor(
    private readonly name: string,
    private readonly intervalMs: number,
    private readonly log: Logger,
  ) {}

  /** One sweep; returns how many objects it moved. */
  protected abstract run(): Promise<number>;

  onApplicationBootstrap() {
    this.timer = setInterval(() => {
      if (this.running) return;
      this.running = this.run()
        .then((n) => n && this.log.info({ moved: n }, `${this.name}: escalated`))
        .catch((err: unknown) => this.log.error({ err }, `${this.name} failed`))
        .finally(() => (this.running = null));
    }, this.intervalMs);
    this.timer.unref();
  }

  async onApplicationShutdown() {
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }
}
