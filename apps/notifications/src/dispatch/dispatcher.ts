import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { nextDigestAt, recipientLanguage, renderMessage, type Language, type MessageFacts } from '@aftersales/domain-notifications';
import { Clock } from '@aftersales/platform-core';
import { NotificationsConfig } from '../config';
import { DeliveriesRepository } from '../deliveries/deliveries.repository';
import type { DeliveryChannel, DeliveryDoc } from '../deliveries/delivery.schema';
import { NotificationsRepository } from '../inbox/notifications.repository';
import { PreferencesRepository } from '../preferences/preferences.repository';
import { Recipients, type StaffRecipient } from './recipients';

/** What an event says, before it is written for anyone. */
export interface Notice {
  event: { id: string; type: string; occurredAt: string };
  /** The object's center, when it has one (the scope of the inbox item). */
  serviceCenterId?: string;
  facts: Omit<MessageFacts, 'deadline'> & { deadlineAt?: string | null };
}

export interface CustomerContact {
  name: string;
  email?: string;
  phone?: string;
}

/**
 * Turns a notice into each recipient's inbox item and outbox deliveries, in the recipient's
 * language and zone and by their preferences. Every write is keyed by the event id, recipient and
 * channel, so a redelivered event writes (and sends) nothing new. Sending is the sweeper's.
 */
@Injectable()
export class Dispatcher {
  constructor(
    private readonly notifications: NotificationsRepository,
    private readonly deliveries: DeliveriesRepository,
    private readonly preferences: PreferencesRepository,
    private readonly recipients: Recipients,
    private readonly config: NotificationsConfig,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  /** Old news (a replayed topic, a long outage) asks nobody to act any more. */
  private stale(notice: Notice): boolean {
    return this.clock.now().getTime() - Date.parse(notice.event.occurredAt) > this.config.NOTIFICATIONS_MAX_EVENT_AGE_HOURS * 3_600_000;
  }

  async toStaff(notice: Notice, recipients: readonly StaffRecipient[]): Promise<void> {
    if (!recipients.length || this.stale(notice)) return;
    const prefs = await this.preferences.ofMany(recipients.map((r) => r.id));
    const objectCenter = notice.serviceCenterId ? await this.recipients.center(notice.serviceCenterId) : null;
    const now = this.clock.now();
    for (const r of recipients) {
      const pref = prefs.get(r.id)!;
      if (pref.mutedKinds.includes(notice.facts.kind)) continue;
      const language = recipientLanguage({ preferred: pref.language, country: r.center.country });
      const message = renderMessage(this.factsFor(notice, r.center.timeZone), language);
      const scope = objectCenter ? { serviceCenterId: objectCenter._id, regionId: objectCenter.regionId } : { serviceCenterId: r.center._id, regionId: r.center.regionId };
      const item = await this.notifications.insertOnce({
        _id: randomUUID(),
        eventId: notice.event.id,
        eventType: notice.event.type,
        kind: notice.facts.kind,
        recipientId: r.id,
        recipientName: r.name,
        ...scope,
        inbox: pref.channels.includes('IN_APP'),
        language,
        subject: message.subject,
        body: message.body,
        link: notice.facts.link,
        deadlineAt: notice.facts.deadlineAt ? new Date(notice.facts.deadlineAt) : null,
        deadlineText: message.deadlineText,
        createdAt: now,
        readAt: null,
      });
      const base = { notificationId: item._id, recipientId: r.id, recipientName: r.name, ...scope, timeZone: r.center.timeZone, language, subject: message.subject, body: message.body };
      if (pref.channels.includes('EMAIL') && r.email) {
        const digestAt = pref.dailyDigest ? nextDigestAt(now, r.center.timeZone, this.config.NOTIFICATIONS_DIGEST_HOUR) : null;
        await this.queue(notice, 'EMAIL', r.email, base, digestAt);
      }
      if (pref.channels.includes('SMS') && pref.phone) await this.queue(notice, 'SMS', pref.phone, { ...base, body: smsText(message.subject, notice.facts.link) }, null);
    }
  }

  /** The customer has no inbox and no preferences: e-mail and SMS to what the event carries. */
  async toCustomer(notice: Notice & { serviceCenterId: string }, customer: CustomerContact, language: Language, recipientId: string): Promise<void> {
    if (this.stale(notice)) return;
    const center = await this.recipients.center(notice.serviceCenterId);
    const timeZone = center.timeZone;
    const message = renderMessage(this.factsFor(notice, timeZone), language);
    const base = {
      notificationId: null,
      recipientId,
      recipientName: customer.name,
      serviceCenterId: notice.serviceCenterId,
      regionId: center.regionId,
      timeZone,
      language,
      subject: message.subject,
      body: message.body,
    };
    if (customer.email) await this.queue(notice, 'EMAIL', customer.email, base, null);
    if (customer.phone) await this.queue(notice, 'SMS', customer.phone, { ...base, body: smsText(message.subject, notice.facts.link) }, null);
  }

  private factsFor(notice: Notice, timeZone: string): MessageFacts {
    const { deadlineAt, ...facts } = notice.facts;
    return { ...facts, deadline: deadlineAt ? { at: new Date(deadlineAt), timeZone } : null };
  }

  private async queue(
    notice: Notice,
    channel: DeliveryChannel,
    address: string,
    base: Pick<DeliveryDoc, 'notificationId' | 'recipientId' | 'recipientName' | 'serviceCenterId' | 'regionId' | 'timeZone' | 'language' | 'subject' | 'body'>,
    digestAt: Date | null,
  ): Promise<void> {
    const now = this.clock.now();
    await this.deliveries.insertOnce({
      _id: randomUUID(),
      eventId: notice.event.id,
      channel,
      address,
      kind: notice.facts.kind,
      ...base,
      status: digestAt ? 'DIGEST' : 'PENDING',
      attempts: 0,
      nextAttemptAt: digestAt ? null : now,
      lastError: null,
      lastAttemptAt: null,
      sentAt: null,
      digestAt,
      digestId: null,
      createdAt: now,
    });
  }
}

/** A text message carries the subject and the link; the rest is one tap away. */
const smsText = (subject: string, link: string) => `${subject}\n${link}`;
