import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { Logger } from 'pino';
import { LOGGER } from '@aftersales/platform-core';
import { CallsConfig } from '../config';
import { TasksService } from './tasks.service';

/**
 * Drives the 0.5 h rule: every CALLS_SCAN_INTERVAL_MS it escalates the contact checks that fell due
 * (by the injected Clock, so tests move time with POST /test/clock). Ticks never overlap.
 */
@Injectable()
export class ContactCheckScanner implements OnApplicationBootstrap, OnApplicationShutdown {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> | null = null;

  constructor(
    private readonly tasks: TasksService,
    @Inject(CallsConfig) private readonly config: CallsConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  onApplicationBootstrap() {
    this.timer = setInterval(() => {
      if (this.running) return;
      this.running = this.tasks
        .escalateDue()
        .then((n) => n && this.logger.info({ escalated: n }, 'contact checks escalated'))
        .catch((err: unknown) => this.logger.error({ err }, 'contact-check scan failed'))
        .finally(() => (this.running = null));
    }, this.config.CALLS_SCAN_INTERVAL_MS);
    this.timer.unref();
  }

  async onApplicationShutdown() {
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }
}
