import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startMessageCapture, type MessageCapture } from '@aftersales/testing';
import { notificationsConfig } from '../config';
import { TwilioProtocolSmsGateway } from './sms.gateway';

const env = (over: Record<string, string>) => ({ PORT: '0', JWT_SECRET: 'x'.repeat(32), MONGO_URL: 'mongodb://127.0.0.1:1/', KAFKA_BROKERS: '127.0.0.1:1', ...over });

describe("the SMS adapter (Twilio's Messages protocol)", () => {
  let capture: MessageCapture;

  beforeAll(async () => {
    capture = await startMessageCapture({ dir: mkdtempSync(join(tmpdir(), 'sms-')) });
  });

  afterAll(() => capture.stop());

  it('posts To, From and Body to the account and returns the message id', async () => {
    const sms = new TwilioProtocolSmsGateway(notificationsConfig(env({ NOTIFICATIONS_SMS_API_URL: capture.smsApiUrl, NOTIFICATIONS_SMS_ACCOUNT: 'AC123', NOTIFICATIONS_SMS_FROM: '+15005550006' })));
    expect(await sms.send({ to: '+5511987654321', body: 'Olá' })).toMatch(/^SM[0-9a-f]{32}$/);
    expect(capture.texts()).toEqual([expect.objectContaining({ account: 'AC123', to: '+5511987654321', from: '+15005550006', body: 'Olá' })]);
  });

  it("fails with the API's status, code and message when it refuses", async () => {
    const sms = new TwilioProtocolSmsGateway(notificationsConfig(env({ NOTIFICATIONS_SMS_API_URL: capture.smsApiUrl })));
    await expect(sms.send({ to: '', body: 'x' })).rejects.toThrow('SMS API answered 400 (code 21604): POST To and Body to /2010-04-01/Accounts/{sid}/Messages.json');
  });
});
