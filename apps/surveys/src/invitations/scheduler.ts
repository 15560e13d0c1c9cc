import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { Logger } from 'pino';
import { Clock, LOGGER } from '@aftersales/platform-core';
import { SurveysConfig } from '../config';
import { InvitationsRepository } from './invitations.repository';

/** Due invitations read per query. */
const BATCH = 200;

/** Applies whatever of the invitation is due at `now`. */
export type ScheduledHandler = (invitationId: string, now: Date) => Promise<void>;

/**
 * Every SURVEYS_SCAN_INTERVAL_MS, hands the invitations whose `nextActionAt` is due at `Clock.now()`
 * (an indexed range, oldest first) to the invitations service, which opens, reminds or expires them
 * and moves `nextActionAt` on in the same conditional write. One that failed stays due and is retried
 * on the next pass; two instances scanning at once write each change once (the writes are conditional).
 */
@Injectable()
export class Scheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private handler: ScheduledHandler | null = null;

  constructor(
    private readonly invitations: InvitationsRepository,
    @Inject(Clock) private readonly clock: Clock,
    private readonly config: SurveysConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  onHandle(handler: ScheduledHandler): void {
    this.handler = handler;
  }

  onApplicationBootstrap(): void {
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
    let after: { at: Date; id: string } | undefined;
    for (;;) {
      const due = await this.invitations.due(now, BATCH, after);
      for (const { _id } of due) {
        try {
          await handler(_id, now);
        } catch (err) {
          this.logger.error({ err, invitationId: _id }, 'scheduled survey action failed; retried on the next pass');
        }
      }
      if (due.length < BATCH) return;
      const last = due.at(-1)!;
      after = { at: last.nextActionAt, id: last._id };
    }
  }
}
