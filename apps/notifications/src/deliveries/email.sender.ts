import { Injectable, type OnModuleDestroy } from '@nestjs/common';
import { createTransport, type Transporter } from 'nodemailer';
import { messageHtml, type Language } from '@aftersales/domain-notifications';
import { NotificationsConfig } from '../config';

export interface OutgoingEmail {
  to: { name: string; address: string };
  subject: string;
  text: string;
  language: Language;
}

/** E-mail over SMTP (nodemailer, pooled connections). */
@Injectable()
export class EmailSender implements OnModuleDestroy {
  private readonly transport: Transporter;

  constructor(private readonly config: NotificationsConfig) {
    this.transport = createTransport({
      host: config.NOTIFICATIONS_SMTP_HOST,
      port: config.NOTIFICATIONS_SMTP_PORT,
      secure: config.NOTIFICATIONS_SMTP_SECURE,
      pool: true,
      // A dead server should fail the attempt quickly and leave it to the retry schedule.
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 30_000,
      ...(config.NOTIFICATIONS_SMTP_USER ? { auth: { user: config.NOTIFICATIONS_SMTP_USER, pass: config.NOTIFICATIONS_SMTP_PASSWORD ?? '' } } : {}),
    });
  }

  /** The server's message id. */
  async send(mail: OutgoingEmail): Promise<string> {
    const info = await this.transport.sendMail({
      from: this.config.NOTIFICATIONS_MAIL_FROM,
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      html: messageHtml(mail.text, mail.language),
      headers: { 'Content-Language': mail.language },
    });
    return info.messageId;
  }

  onModuleDestroy(): void {
    this.transport.close();
  }
}
