import { Inject, Injectable, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import type { Logger } from 'pino';
import { Counter } from 'prom-client';
import { afterFailure, digestDay, renderDigest, type DeliveryRetryPolicy } from '@aftersales/domain-notifications';
import { Clock, LOGGER, Metrics } from '@aftersales/platform-core';
import { NotificationsConfig } from '../config';
import { DeliveriesRepository } from './deliveries.repository';
import type { DeliveryDoc } from './delivery.schema';
import { EmailSender } from './email.sender';
import { SmsGateway } from './sms.gateway';

/** A claim outlives any send (SMTP and SMS time out well before). */
const LEASE_MS = 120_000;
const BATCH = 50;

/**
 * Sends what the delivery outbox holds when it is due: new messages at once, failed ones again on
 * the retry schedule, and each recipient's daily digest once its local morning has come.
 */
@Injectable()
export class Sweeper implements OnApplicationBootstrap, OnModuleDestroy {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private stopped = false;
  private readonly policy: DeliveryRetryPolicy;
  private readonly attempts: Counter<'channel' | 'outcome'>;

  constructor(
    private readonly deliveries: DeliveriesRepository,
    private readonly email: EmailSender,
    private readonly sms: SmsGateway,
    private readonly config: NotificationsConfig,
    @Inject(Clock) private readonly clock: Clock,
    @Inject(LOGGER) private readonly logger: Logger,
    metrics: Metrics,
  ) {
    this.policy = { maxAttempts: config.NOTIFICATIONS_MAX_ATTEMPTS, baseMs: config.NOTIFICATIONS_RETRY_BASE_MS, capMs: config.NOTIFICATIONS_RETRY_CAP_MS };
    // A relay or provider that refuses shows on /metrics before anyone opens the FAILED list.
    this.attempts = new Counter({
      name: 'notification_delivery_attempts_total',
      help: 'Delivery attempts by channel and outcome (sent, retry: failed and tried again later, failed: gave up)',
      labelNames: ['channel', 'outcome'],
      registers: [metrics.registry],
    });
  }

  onApplicationBootstrap(): void {
    this.schedule();
  }

  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }

  /** A pass that found a full batch is followed at once: a backlog drains without waiting for the interval. */
  private schedule(delayMs = this.config.NOTIFICATIONS_SWEEP_INTERVAL_MS): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.pass()
        .then((drained) => this.schedule(drained ? undefined : 0))
        .catch((err) => {
          this.logger.error({ err }, 'notification sweep failed');
          this.schedule();
        });
    }, delayMs);
  }

  /** One pass: the due digests are queued first, so they go out in the same pass. True when nothing due is left. */
  async pass(): Promise<boolean> {
    await this.collectDigests(this.clock.now());
    for (let n = 0; n < BATCH && !this.stopped; n++) {
      const due = await this.deliveries.claimDue(this.clock.now(), LEASE_MS);
      if (!due) return true;
      await this.attempt(due);
    }
    return false;
  }

  private async attempt(d: DeliveryDoc): Promise<void> {
    const attempts = d.attempts + 1;
    try {
      if (d.channel === 'EMAIL') await this.email.send({ to: { name: d.recipientName, address: d.address }, subject: d.subject, text: d.body, language: d.language });
      else await this.sms.send({ to: d.address, body: d.body });
      await this.deliveries.markSent(d._id, attempts, this.clock.now());
      this.attempts.inc({ channel: d.channel, outcome: 'sent' });
    } catch (err) {
      const now = this.clock.now();
      const next = afterFailure(this.policy, attempts, now);
      const error = (err as Error).message || String(err);
      this.logger.warn({ deliveryId: d._id, channel: d.channel, attempts, status: next.status, error }, 'notification delivery failed');
      await this.deliveries.markFailedAttempt(d._id, attempts, now, error, next);
      this.attempts.inc({ channel: d.channel, outcome: next.status === 'FAILED' ? 'failed' : 'retry' });
    }
  }

  /**
   * Each recipient's due digest items become one e-mail, itself a delivery with retries. Its id is the
   * recipient and local day, so a pass interrupted between the two writes makes no second digest.
   */
  private async collectDigests(now: Date): Promise<void> {
    for (const recipientId of await this.deliveries.dueDigestRecipients(now, 500)) {
      const items = await this.deliveries.dueDigestItems(recipientId, now);
      const first = items[0];
      if (!first) continue;
      const id = `digest:${recipientId}:${digestDay(first.digestAt!, first.timeZone)}`;
      const digest = renderDigest(items, first.language);
      await this.deliveries.insertOnce({
        ...first,
        _id: id,
        eventId: id,
        kind: 'DIGEST',
        notificationId: null,
        subject: digest.subject,
        body: digest.body,
        status: 'PENDING',
        attempts: 0,
        nextAttemptAt: now,
        lastError: null,
        lastAttemptAt: null,
        sentAt: null,
        digestAt: null,
        digestId: null,
        createdAt: now,
      });
      await this.deliveries.markDigested(
        items.map((i) => i._id),
        id,
      );
    }
  }
}
