import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { Logger } from 'pino';
import { Clock, LOGGER } from '@aftersales/platform-core';
import { SurveysConfig } from '../config';
import { hourStart, ScheduleRepository, type ScheduleItem } from './schedule.repository';

const HOUR_MS = 3_600_000;
/** An hour is closed only this long after it ended, so an item pushed at its very end is not skipped. */
const GRACE_MS = 60_000;

export type ScheduledHandler = (item: ScheduleItem) => Promise<void>;

/**
 * Walks the hour buckets from the last closed hour up to `Clock.now()` every SURVEYS_SCAN_INTERVAL_MS
 * and hands due items to the invitations service. Handlers are idempotent (state checks and
 * deterministic event ids), so two instances scanning the same bucket do no harm.
 */
@Injectable()
export class Scheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private handler: ScheduledHandler | null = null;

  constructor(
    private readonly schedule: ScheduleRepository,
    @Inject(Clock) private readonly clock: Clock,
    private readonly config: SurveysConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  onHandle(handler: ScheduledHandler): void {
    this.handler = handler;
  }

  add(items: ScheduleItem[]): Promise<void> {
    return this.schedule.add(items, this.clock.now());
  }

  /** A fresh store starts scanning from now; an existing cursor is kept (items due while down are caught up). */
  async onApplicationBootstrap(): Promise<void> {
    await this.schedule.initCursor(hourStart(this.clock.now()));
    this.timer = setInterval(() => void this.scan(), this.config.SURVEYS_SCAN_INTERVAL_MS);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }

  /** One pass (coalesced with a pass already running). */
  scan(): Promise<void> {
    this.running ??= this.pass()
      .catch((err: unknown) => this.logger.error({ err }, 'survey scheduler pass failed'))
      .finally(() => (this.running = null));
    return this.running;
  }

  private async pass(): Promise<void> {
    const handler = this.handler;
    if (!handler) return;
    const now = this.clock.now();
    const current = hourStart(now);
    let hour = (await this.schedule.doneUntil()) ?? current;
    const start = hour;
    while (hour.getTime() <= current.getTime()) {
      const due = (await this.schedule.bucket(hour)).filter((i) => new Date(i.at).getTime() <= now.getTime());
      const handled: ScheduleItem[] = [];
      for (const item of due) {
        try {
          await handler(item);
          handled.push(item);
        } catch (err) {
          this.logger.error({ err, item }, 'scheduled survey action failed; retried on the next pass');
        }
      }
      await this.schedule.remove(hour, handled);
      const closed = handled.length === due.length && hour.getTime() + HOUR_MS + GRACE_MS <= now.getTime();
      if (!closed) break;
      hour = new Date(hour.getTime() + HOUR_MS);
    }
    if (hour.getTime() !== start.getTime()) await this.schedule.setDoneUntil(hour);
  }
}
