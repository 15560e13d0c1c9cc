import { Injectable, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { Inject } from '@nestjs/common';
import type { Logger } from 'pino';
import { applySignals, dueSignals } from '@aftersales/domain-complaints';
import { LOGGER } from '@aftersales/platform-core';
import { ComplaintsConfig } from '../config';
import { deadlineEvent } from './complaint.events';
import { ComplaintsService } from './complaints.service';
import type { ComplaintState } from './complaint.schema';
import { ComplaintsRepository, type DueCursor } from './complaints.repository';

const BATCH = 100;

/**
 * Announces warnings and breaches as `Clock` time passes: finds the complaints whose
 * `nextDeadlineAt` has come (an index range) and lets each one's clocks decide (each warns once and
 * breaches once). Every write of a complaint moves its `nextDeadlineAt` with its clocks.
 */
@Injectable()
export class DeadlineScanner implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;

  constructor(
    private readonly complaints: ComplaintsService,
    private readonly repository: ComplaintsRepository,
    private readonly config: ComplaintsConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  onApplicationBootstrap() {
    this.timer = setInterval(() => void this.tick(), this.config.COMPLAINTS_SCAN_INTERVAL_MS);
    this.timer.unref();
  }

  async beforeApplicationShutdown() {
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }

  /** One pass; overlapping ticks are skipped. */
  tick(): Promise<void> {
    this.running ??= this.scan()
      .catch((err: unknown) => this.logger.error({ err }, 'deadline scan failed'))
      .finally(() => {
        this.running = null;
      });
    return this.running;
  }

  private async scan(): Promise<void> {
    const now = this.complaints.now();
    let after: DueCursor | null = null;
    for (;;) {
      const due = await this.repository.due(now, after, BATCH);
      for (const complaint of due) {
        try {
          await this.signal(complaint, now);
        } catch (err) {
          // Still due, so the next pass tries again (a concurrent change got there first, the store was away).
          this.logger.warn({ err, complaintId: complaint._id }, 'deadline signal postponed to the next scan');
        }
      }
      if (due.length < BATCH) return;
      const last = due[due.length - 1];
      after = { at: last.nextDeadlineAt!, id: last._id };
    }
  }

  private async signal(complaint: ComplaintState, now: Date): Promise<void> {
    const signals = dueSignals(complaint.clocks, now);
    if (!signals.length) return;
    const breach = signals.some((s) => s.signal === 'BREACH');
    await this.complaints.record(
      { system: 'deadline-scanner' },
      complaint,
      breach ? 'DEADLINE_BREACH' : 'DEADLINE_WARNING',
      async (s) => {
        s.clocks = applySignals(s.clocks, signals, now);
        return signals.map((sig) => deadlineEvent(s, sig, now));
      },
      signals.map((s) => `${s.kind} ${s.signal.toLowerCase()} (due ${s.dueAt.toISOString()})`).join('; '),
    );
  }
}
