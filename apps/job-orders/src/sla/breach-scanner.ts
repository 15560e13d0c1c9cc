import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { Logger } from 'pino';
import { Clock, LOGGER } from '@aftersales/platform-core';
import { JobOrdersConfig } from '../config';
import { JobOrdersService } from '../job-orders/job-orders.service';
import { DeadlineIndex, hourKey, hourStart, type DeadlineEntry } from './deadline-index';

const HOUR = 3_600_000;
/** A store down for longer than this loses nothing: the index keeps the hours; it only bounds one tick. */
const MAX_HOURS_PER_TICK = 24 * 31;

export interface ScanResult {
  hours: number;
  due: number;
  evaluated: number;
  facts: number;
}

/**
 * Raises SLA warnings and breaches. Every tick reads the clock (`Clock`, so tests move time), walks
 * the deadline index from its cursor to the current hour and evaluates the orders whose entry is due.
 * Several instances may scan at once: the optimistic write lets one of them record each fact.
 */
@Injectable()
export class BreachScanner implements OnApplicationBootstrap, OnApplicationShutdown {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<ScanResult> | null = null;
  private cursor: string | null | undefined;
  /** Entries of the current hour already evaluated by this instance (`id|at`). */
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
    const current = hourKey(now);
    if (this.cursor === undefined) this.cursor = await this.index.cursor();
    const result: ScanResult = { hours: 0, due: 0, evaluated: 0, facts: 0 };
    let hour = this.cursor ?? current;
    while (hour <= current && result.hours < MAX_HOURS_PER_TICK) {
      result.hours += 1;
      const due = (await this.index.bucket(hour)).filter((e) => e.at.getTime() <= now.getTime() && !this.done.has(entryKey(e)));
      result.due += due.length;
      for (const id of new Set(due.map((e) => e.id))) {
        result.facts += await this.orders.evaluateSla(id);
        result.evaluated += 1;
      }
      for (const e of due) this.done.add(entryKey(e));
      const next = hourKey(hourStart(hour) + HOUR);
      if (hourStart(next) > now.getTime()) break;
      // The whole hour is behind us: it cannot gain due entries any more (new deadlines are in the future).
      await this.index.dropBucket(hour);
      this.done = new Set([...this.done].filter((k) => k.split('|')[1] >= next));
      hour = next;
      await this.index.saveCursor(hour);
    }
    this.cursor = hour;
    return result;
  }
}

function entryKey(e: DeadlineEntry): string {
  return `${e.id}|${e.at.toISOString()}`;
}
