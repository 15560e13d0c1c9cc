import { randomUUID } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/**
 * Local stand-ins for the outside world the notifications service talks to, so `npm start` and the
 * tests need no mail or SMS provider: an SMTP server that keeps each message as an .eml file, and an
 * HTTP server speaking the SMS API protocol of the service's SMS adapter (Twilio's Messages resource)
 * that keeps each text as a .json file. Both answer on 127.0.0.1 only.
 */
export interface MessageCapture {
  smtpPort: number;
  /** Base URL for NOTIFICATIONS_SMS_API_URL. */
  smsApiUrl: string;
  mailDir: string;
  smsDir: string;
  /** Every captured e-mail, parsed, oldest first. */
  mails(): Promise<ParsedMail[]>;
  /** Every captured text message, oldest first. */
  texts(): CapturedText[];
  stop(): Promise<void>;
}

export interface CapturedText {
  account: string;
  to: string;
  from: string;
  body: string;
  receivedAt: string;
}

/** File names sort by arrival: a zero-padded millisecond time, then a random part for the same millisecond. */
const fileName = (ext: string) => `${String(Date.now()).padStart(15, '0')}-${randomUUID()}.${ext}`;
const sorted = (dir: string, ext: string) =>
  readdirSync(dir)
    .filter((f) => f.endsWith(ext))
    .sort()
    .map((f) => join(dir, f));

function listen(server: { listen(port: number, host: string, cb: () => void): unknown }, port: number): Promise<void> {
  return new Promise((resolve) => server.listen(port, '127.0.0.1', resolve));
}

export async function startMessageCapture(opts: { dir: string; smtpPort?: number; smsPort?: number }): Promise<MessageCapture> {
  const mailDir = join(opts.dir, 'mail');
  const smsDir = join(opts.dir, 'sms');
  mkdirSync(mailDir, { recursive: true });
  mkdirSync(smsDir, { recursive: true });

  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    // Senders keep pooled connections open: stopping should not wait for them.
    closeTimeout: 500,
    logger: false,
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        writeFileSync(join(mailDir, fileName('eml')), Buffer.concat(chunks));
        callback();
      });
    },
  });
  await listen(smtp, opts.smtpPort ?? 0);
  const smtpPort = (smtp.server.address() as AddressInfo).port;

  const sms: Server = createServer((req, res) => {
    const account = /^\/2010-04-01\/Accounts\/([^/]+)\/Messages\.json$/.exec(req.url ?? '')?.[1];
    let raw = '';
    req.on('data', (c) => (raw += c));
    req.on('end', () => {
      const form = new URLSearchParams(raw);
      if (req.method !== 'POST' || !account || !form.get('To') || !form.get('Body')) {
        res.writeHead(400, { 'content-type': 'application/json' }).end(JSON.stringify({ code: 21604, message: 'POST To and Body to /2010-04-01/Accounts/{sid}/Messages.json' }));
        return;
      }
      const text: CapturedText = { account, to: form.get('To')!, from: form.get('From') ?? '', body: form.get('Body')!, receivedAt: new Date().toISOString() };
      writeFileSync(join(smsDir, fileName('json')), JSON.stringify(text, null, 2));
      res.writeHead(201, { 'content-type': 'application/json' }).end(JSON.stringify({ sid: `SM${randomUUID().replace(/-/g, '')}`, status: 'queued', to: text.to }));
    });
  });
  await listen(sms, opts.smsPort ?? 0);
  const smsPort = (sms.address() as AddressInfo).port;

  return {
    smtpPort,
    smsApiUrl: `http://127.0.0.1:${smsPort}`,
    mailDir,
    smsDir,
    // mailparser is loaded by the suites that read mail, not by every system.
    mails: async () => {
      const { simpleParser } = await import('mailparser');
      return Promise.all(sorted(mailDir, '.eml').map((f) => simpleParser(readFileSync(f))));
    },
    texts: () => sorted(smsDir, '.json').map((f) => JSON.parse(readFileSync(f, 'utf8')) as CapturedText),
    stop: async () => {
      await new Promise<void>((resolve) => smtp.close(() => resolve()));
      await new Promise<void>((resolve) => sms.close(() => resolve()));
    },
  };
}
