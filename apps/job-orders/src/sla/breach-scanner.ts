import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { Logger } from 'pino';
import { Clock, LOGGER } from '@aftersales/platform-core';
import { JobOrdersConfig } from '../config';
import { JobOrdersService } from '../job-orders/job-orders.service';
import { BUCKET_MS, bucketKey, bucketStart, DeadlineIndex, type DeadlineEntry } from './deadline-index';

/** A store down for longer than this loses nothing: the index keeps the buckets; it only bounds one tick. */
const MAX_BUCKETS_PER_TICK = 6 * 24 * 31;

export interface ScanResult {
  buckets: number;
  due: number;
  evaluated: number;
  facts: number;
}

/**
 * Raises SLA warnings and breaches. Every tick reads the clock (`Clock`, so tests move time), walks
 * the deadline index from its cursor to the current bucket and evaluates the orders whose entry is due.
 * Several instances may scan at once: the optimistic write lets one of them record each fact.
 */
@Injectable()
export class BreachScanner implements OnApplicationBootstrap, OnApplicationShutdown {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<ScanResult> | null = null;
  private cursor: string | null | undefined;
  /** Entries of the current bucket already evaluated by this instance (`id|at`). */
  private done = new Set<string>();

  constructor(
    private readonly index: DeadlineIndex,
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
    const current = bucketKey(now);
    if (this.cursor === undefined) this.cursor = await this.index.cursor();
    const result: ScanResult = { buckets: 0, due: 0, evaluated: 0, facts: 0 };
    let bucket = this.cursor ?? current;
    while (bucket <= current && result.buckets < MAX_BUCKETS_PER_TICK) {
      result.buckets += 1;
      const due = (await this.index.bucket(bucket)).filter((e) => e.at.getTime() <= now.getTime() && !this.done.has(entryKey(e)));
      result.due += due.length;
      for (const id of new Set(due.map((e) => e.id))) {
        result.facts += await this.orders.evaluateSla(id);
        result.evaluated += 1;
      }
      for (const e of due) this.done.add(entryKey(e));
      const next = bucketKey(bucketStart(bucket) + BUCKET_MS);
      if (bucketStart(next) > now.getTime()) break;
      // The whole bucket is behind us: it cannot gain due entries any more (new deadlines are in the future).
      await this.index.dropBucket(bucket);
      this.done = new Set([...this.done].filter((k) => k.split('|')[1] >= next));
      bucket = next;
      await this.index.saveCursor(bucket);
    }
    this.cursor = bucket;
    return result;
  }
}

function entryKey(e: DeadlineEntry): string {
  return `${e.id}|${e.at.toISOString()}`;
}
