import { Injectable, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { Inject } from '@nestjs/common';
import type { Logger } from 'pino';
import { applySignals, dueSignals } from '@aftersales/domain-complaints';
import { LOGGER } from '@aftersales/platform-core';
import { ComplaintsConfig } from '../config';
import { deadlineEvent } from './complaint.events';
import { ComplaintsService } from './complaints.service';
import { DeadlineSchedule } from './deadline-schedule';

/**
 * Announces warnings and breaches as `Clock` time passes: reads the schedule's due hour buckets,
 * re-reads each complaint and lets its clocks decide (each warns once and breaches once).
 */
@Injectable()
export class DeadlineScanner implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;

  constructor(
    private readonly complaints: ComplaintsService,
    private readonly schedule: DeadlineSchedule,
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
    const { ids } = await this.schedule.due(now);
    for (const id of ids) {
      try {
        await this.signal(id, now);
      } catch (err) {
        // Keep it for the next pass (a concurrent change, the store briefly away).
        this.logger.warn({ err, complaintId: id }, 'deadline signal postponed to the next scan');
        await this.schedule.schedule(id, now, now);
      }
    }
    await this.schedule.advance(now);
  }

  private async signal(id: string, now: Date): Promise<void> {
    const complaint = await this.complaints.findSystem(id);
    if (!complaint) return;
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
