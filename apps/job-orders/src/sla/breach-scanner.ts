import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { Logger } from 'pino';
import { Clock, LOGGER } from '@aftersales/platform-core';
import { JobOrdersConfig } from '../config';
import { JobOrdersRepository } from '../job-orders/job-orders.repository';
import { JobOrdersService } from '../job-orders/job-orders.service';

/** Due orders read per query. */
const BATCH = 200;
/** Orders evaluated at once (each is a read, a calendar lookup and a guarded write). */
const CONCURRENCY = 8;

export interface ScanResult {
  due: number;
  facts: number;
  failed: number;
}

/**
 * Raises SLA warnings and breaches. Every tick reads the clock (`Clock`, so tests move time) and
 * evaluates exactly the orders whose `nextCheckAt` is due (an indexed range, oldest first). Recording
 * a fact moves the order's `nextCheckAt` past now, so the next tick does not see it again; one that
 * failed stays due and is retried on the next tick. Several instances may scan at once: the
 * `rev`-guarded write lets one of them record each fact.
 */
@Injectable()
export class BreachScanner implements OnApplicationBootstrap, OnApplicationShutdown {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<ScanResult> | null = null;

  constructor(
    private readonly repo: JobOrdersRepository,
    private readonly orders: JobOrdersService,
    private readonly clock: Clock,
    private readonly config: JobOrdersConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  onApplicationBootstrap() {
    this.timer = setInterval(() => {
      void this.scan().catch((err: unknown) => this.logger.error({ err }, 'SLA breach scan failed'));
    }, this.config.SLA_SCAN_INTERVAL_MS);
    this.timer.unref();
  }

  async onApplicationShutdown() {
    if (this.timer) clearInterval(this.timer);
    await this.running?.catch(() => undefined);
  }

  /** One pass; concurrent callers share the pass in flight. */
  scan(): Promise<ScanResult> {
    this.running ??= this.pass().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async pass(): Promise<ScanResult> {
    const now = this.clock.now();
    const result: ScanResult = { due: 0, facts: 0, failed: 0 };
    let after: { at: Date; id: string } | undefined;
    for (;;) {
      const due = await this.repo.dueForCheck(now, BATCH, after);
      result.due += due.length;
      for (let i = 0; i < due.length; i += CONCURRENCY) {
        await Promise.all(
          due.slice(i, i + CONCURRENCY).map(async ({ _id }) => {
            try {
              result.facts += await this.orders.evaluateSla(_id);
            } catch (err) {
              result.failed += 1;
              this.logger.error({ err, jobOrderId: _id }, 'SLA evaluation failed; retried on the next scan');
            }
          }),
        );
      }
      if (due.length < BATCH) return result;
      const last = due.at(-1)!;
      after = { at: last.nextCheckAt, id: last._id };
    }
  }
}
