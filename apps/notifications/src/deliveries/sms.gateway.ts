import { Injectable } from '@nestjs/common';
import { NotificationsConfig } from '../config';

export interface OutgoingSms {
  /** E.164. */
  to: string;
  body: string;
}

/** Where text messages go: one implementation per provider protocol. */
export abstract class SmsGateway {
  /** The provider's message id; throws with the provider's reason when it refuses. */
  abstract send(sms: OutgoingSms): Promise<string>;
}

/**
 * Twilio's Programmable Messaging REST protocol (`POST /2010-04-01/Accounts/{sid}/Messages.json`,
 * form-encoded `To`, `From`, `Body`, HTTP Basic auth with the account SID and auth token): the most
 * widely offered SMS API shape (Twilio, and the providers compatible with it). Plain HTTPS, so no
 * SDK: fetch with a timeout.
 */
@Injectable()
export class TwilioProtocolSmsGateway extends SmsGateway {
  constructor(private readonly config: NotificationsConfig) {
    super();
  }

  async send(sms: OutgoingSms): Promise<string> {
    const c = this.config;
    const url = new URL(`2010-04-01/Accounts/${encodeURIComponent(c.NOTIFICATIONS_SMS_ACCOUNT)}/Messages.json`, c.NOTIFICATIONS_SMS_API_URL.replace(/\/?$/, '/'));
    const res = await fetch(url, {
      method: 'POST',
      headers: {
        authorization: `Basic ${Buffer.from(`${c.NOTIFICATIONS_SMS_ACCOUNT}:${c.NOTIFICATIONS_SMS_TOKEN}`).toString('base64')}`,
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: new URLSearchParams({ To: sms.to, From: c.NOTIFICATIONS_SMS_FROM, Body: sms.body }),
      signal: AbortSignal.timeout(15_000),
    });
    const answer = (await res.json().catch(() => ({}))) as { sid?: string; code?: number; message?: string };
    if (!res.ok || !answer.sid) throw new Error(`SMS API answered ${res.status}${answer.code ? ` (code ${answer.code})` : ''}: ${answer.message ?? 'no message id'}`);
    return answer.sid;
  }
}
