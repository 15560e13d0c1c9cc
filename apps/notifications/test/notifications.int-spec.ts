import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Kafka, logLevel, type Producer } from 'kafkajs';
import { createEvent, Topics, type AnyEvent } from '@aftersales/contracts';
import {
  errorCodes,
  eventually,
  EventProbe,
  serviceEnv,
  startGateway,
  startMessageCapture,
  startServiceProcess,
  testInfra,
  tokenFor,
  uniqueName,
  type GraphQLClient,
  type MessageCapture,
  type ServiceProcess,
} from '@aftersales/testing';
import { CENTERS, emailOf, REGIONS, staffId } from './fixtures';

const REGISTER = `mutation($input: RegisterComplaintInput!) { registerComplaint(input: $input) { id number } }`;
const CONFIRM = `mutation($id: ID!) { confirmComplaintClass(id: $id, input: { class: C, reason: "Handled as C in this test" }) { id } }`;
const TRANSFER = `mutation($id: ID!) { transferComplaint(id: $id, input: { receivingDepartment: "HQ Service" }) { id routing { to { name } cc { name } } } }`;
const INBOX = `query($unread: Boolean) { myNotifications(unreadOnly: $unread, first: 20) { nodes { id kind subject body link language deadlineText serviceCenterId read
  deliveries { channel address status attempts lastError nextAttemptAt } } hasNextPage } myUnreadNotificationCount }`;
const MARK = `mutation($id: ID!) { markNotificationRead(id: $id) { id read readAt } }`;
const PREFS = `mutation($input: NotificationPreferencesInput!) { updateMyNotificationPreferences(input: $input) { channels mutedKinds dailyDigest language phone } }`;
const FAILED = `{ notificationDeliveries(status: FAILED) { nodes { id eventId channel address status attempts lastError recipientId } } }`;
const CONSOLE = 'https://console.test';

const MANAGER_CN = staffId('ntf-cn-1', 'SERVICE_MANAGER');
const MANAGER_BR = staffId('ntf-br-1', 'SERVICE_MANAGER');

const centersKnown = async (p: ServiceProcess) => {
  const text = await fetch(`${p.baseUrl}/metrics`).then((r) => r.text());
  return Number(/^network_centers_known(?:\{[^}]*\})? (\d+)/m.exec(text)?.[1] ?? 0);
};

describe('notifications through the gateway', () => {
  const dir = mkdtempSync(join(tmpdir(), 'notifications-capture-'));
  const prefix = `${uniqueName('notify')}.`;
  const complaintsTopic = `${prefix}${Topics.complaints}`;
  let capture: MessageCapture;
  let network: ServiceProcess;
  let complaints: ServiceProcess;
  let notifications: ServiceProcess;
  let gateway: ServiceProcess;
  let probe: EventProbe;
  let producer: Producer;
  let hq: GraphQLClient;
  let agent: GraphQLClient;
  let managerCn: GraphQLClient;
  let managerBr: GraphQLClient;

  const mailsTo = async (address: string) => (await capture.mails()).filter((m) => m.to && !Array.isArray(m.to) && m.to.value.some((v) => v.address === address));
  const republish = (event: AnyEvent, key: string) => producer.send({ topic: complaintsTopic, messages: [{ key, value: JSON.stringify(event) }] });

  /** A complaint registered at `center`, confirmed C and transferred: the ComplaintTransferred event. */
  async function transferComplaint(center: string) {
    const { registerComplaint: c } = await agent.data(REGISTER, {
      input: {
        channel: 'EMAIL',
        type: 'PRODUCT_QUALITY',
        serviceCenterId: center,
        customer: { name: 'Chen Jing', phone: '+8613800138000', email: 'chen.jing@example.com' },
        vehicle: { vin: 'LJ166A2X6N1234567' },
        content: 'Engine noise on cold start',
        problemCode: 'ENGINE_NOISE',
      },
    });
    await agent.data(CONFIRM, { id: c.id });
    await agent.data(TRANSFER, { id: c.id });
    const event = await probe.waitFor((m) => m.value?.type === 'ComplaintTransferred' && m.value.payload.complaintId === c.id, 30_000, `ComplaintTransferred of ${c.id}`);
    return { complaint: c as { id: string; number: string }, event: event.value as AnyEvent, key: String(event.key) };
  }

  beforeAll(async () => {
    capture = await startMessageCapture({ dir });
    const env = (name: string, extra: Record<string, string> = {}) => serviceEnv(uniqueName(name), { KAFKA_TOPIC_PREFIX: prefix, ...extra });
    [network, complaints, notifications] = await Promise.all([
      startServiceProcess('apps/network/src/main.ts', env('network')),
      startServiceProcess('apps/complaints/src/main.ts', env('complaints', { COMPLAINTS_CONSUMER_GROUP: uniqueName('complaints') })),
      startServiceProcess(
        'apps/notifications/src/main.ts',
        env('notifications', {
          NOTIFICATIONS_CONSUMER_GROUP: uniqueName('notifications'),
          NOTIFICATIONS_SMTP_PORT: String(capture.smtpPort),
          NOTIFICATIONS_SMS_API_URL: capture.smsApiUrl,
          NOTIFICATIONS_CONSOLE_URL: CONSOLE,
          NOTIFICATIONS_SWEEP_INTERVAL_MS: '200',
          NOTIFICATIONS_MAX_ATTEMPTS: '4',
          NOTIFICATIONS_RETRY_BASE_MS: '300',
          NOTIFICATIONS_RETRY_CAP_MS: '1000',
        }),
      ),
    ]);
    gateway = await startGateway({ network: network.graphqlUrl, complaints: complaints.graphqlUrl, notifications: notifications.graphqlUrl });
    probe = await EventProbe.start(testInfra().kafkaBrokers, [complaintsTopic]);
    producer = new Kafka({ clientId: 'notifications-test', brokers: testInfra().kafkaBrokers.split(','), logLevel: logLevel.NOTHING }).producer();
    await producer.connect();
    hq = gateway.client.as(await tokenFor({ role: 'HQ_ADMIN' }));
    agent = gateway.client.as(await tokenFor({ role: 'CALL_CENTER_AGENT' }));
    managerCn = gateway.client.as(await tokenFor({ role: 'DEALER', centers: ['ntf-cn-1'], regions: ['rg-ntf-east'], subject: MANAGER_CN }));
    managerBr = gateway.client.as(await tokenFor({ role: 'DEALER', centers: ['ntf-br-1'], regions: ['rg-ntf-south'], subject: MANAGER_BR }));
    for (const input of REGIONS) await hq.data(`mutation($input: RegionInput!) { upsertRegion(input: $input) { id } }`, { input });
    await hq.data(`mutation($input: ImportServiceCentersInput!) { importServiceCenters(input: $input) { centers } }`, { input: { centers: CENTERS } });
    await eventually('complaints and notifications to know the centers', () => Promise.all([centersKnown(complaints), centersKnown(notifications)]), (n) => n.every((k) => k >= CENTERS.length), 120_000);
  }, 300_000);

  afterAll(async () => {
    await producer?.disconnect();
    await probe?.stop();
    await gateway?.stop();
    await Promise.all([network?.stop(), complaints?.stop(), notifications?.stop()]);
    await capture?.stop();
  });

  const ids: Record<string, string> = {};
  let transferred: Awaited<ReturnType<typeof transferComplaint>>;

  it("a transferred complaint's manager gets the e-mail in the center's language and an inbox item; the GM in copy too", async () => {
    transferred = await transferComplaint('ntf-cn-1');
    const { complaint } = transferred;
    const [mail] = await eventually('the manager e-mail', () => mailsTo(emailOf('ntf-cn-1', 'SERVICE_MANAGER')), (m) => m.length > 0, 30_000);
    expect(mail!.subject).toBe(`投诉 ${complaint.number}（C 类）已转交给您`);
    expect(mail!.headers.get('content-language')).toBe('zh');
    expect(mail!.text).toContain(`打开: ${CONSOLE}/complaints/${complaint.id}`);
    expect(mail!.text).toMatch(/截止时间: \d{4}年\d{1,2}月\d{1,2}日星期. \d{2}:\d{2} \(中国标准时间, Asia\/Shanghai\)/);
    await eventually('the GM in copy', () => mailsTo(emailOf('ntf-cn-1', 'GENERAL_MANAGER')), (m) => m.length === 1, 30_000);

    const inbox = await eventually('the inbox item', () => managerCn.data(INBOX), (d) => d.myNotifications.nodes[0]?.deliveries[0]?.status === 'SENT');
    expect(inbox.myUnreadNotificationCount).toBe(1);
    const [item] = inbox.myNotifications.nodes;
    expect(item).toMatchObject({ kind: 'COMPLAINT_TRANSFERRED', subject: mail!.subject, language: 'zh', link: `${CONSOLE}/complaints/${complaint.id}`, serviceCenterId: 'ntf-cn-1', read: false });
    expect(item.deliveries).toEqual([expect.objectContaining({ channel: 'EMAIL', address: emailOf('ntf-cn-1', 'SERVICE_MANAGER'), status: 'SENT', attempts: 1, lastError: null })]);
    ids.item = item.id;
  }, 90_000);

  it('writes for a Brazilian center in Portuguese, its deadline in São Paulo time', async () => {
    const { complaint } = await transferComplaint('ntf-br-1');
    const [mail] = await eventually('the Brazilian manager e-mail', () => mailsTo(emailOf('ntf-br-1', 'SERVICE_MANAGER')), (m) => m.length > 0, 30_000);
    expect(mail!.subject).toBe(`Reclamação ${complaint.number} (classe C) transferida para você`);
    expect(mail!.text).toContain('(Horário Padrão de Brasília, America/Sao_Paulo)');
  }, 90_000);

  it('a redelivered event sends nothing more and adds no inbox item', async () => {
    await republish(transferred.event, transferred.key);
    // An event behind it on the same partition: once its item is there, the redelivery has been handled.
    const marker = createEvent(
      'ComplaintReclassified.v1',
      { complaintId: transferred.complaint.id, number: transferred.complaint.number, serviceCenterId: 'ntf-cn-1', from: 'C', to: 'B', reason: 'Repeat', by: 'hq', at: new Date().toISOString() },
      { source: 'complaints', serviceCenterId: 'ntf-cn-1' },
    );
    await republish(marker, transferred.key);
    await eventually('the marker item', () => managerCn.data(INBOX), (d) => d.myNotifications.nodes.some((n: any) => n.kind === 'COMPLAINT_RECLASSIFIED'), 30_000);
    await eventually('the marker e-mail', () => mailsTo(emailOf('ntf-cn-1', 'SERVICE_MANAGER')), (m) => m.length === 2, 30_000);
    const mails = await mailsTo(emailOf('ntf-cn-1', 'SERVICE_MANAGER'));
    expect(mails.map((m) => m.subject)).toEqual([`投诉 ${transferred.complaint.number}（C 类）已转交给您`, `投诉 ${transferred.complaint.number} 已由 C 类改为 B 类`]);
    expect(await mailsTo(emailOf('ntf-cn-1', 'GENERAL_MANAGER'))).toHaveLength(1);
    const { myNotifications } = await managerCn.data(INBOX);
    expect(myNotifications.nodes.map((n: any) => n.kind)).toEqual(['COMPLAINT_RECLASSIFIED', 'COMPLAINT_TRANSFERRED']);
  }, 90_000);

  it("shows nobody else the manager's items, and marks read only one's own", async () => {
    const sameCenterOtherPerson = gateway.client.as(await tokenFor({ role: 'DEALER', centers: ['ntf-cn-1'], regions: ['rg-ntf-east'], subject: staffId('ntf-cn-1', 'GENERAL_MANAGER') }));
    const otherDealerSameSubject = gateway.client.as(await tokenFor({ role: 'DEALER', centers: ['ntf-cn-2'], regions: ['rg-ntf-east'], subject: MANAGER_CN }));
    const otherDealer = gateway.client.as(await tokenFor({ role: 'DEALER', centers: ['ntf-cn-2'], regions: ['rg-ntf-east'], subject: staffId('ntf-cn-2', 'SERVICE_MANAGER') }));
    expect((await otherDealer.data(INBOX)).myNotifications.nodes).toEqual([]);
    expect((await otherDealerSameSubject.data(INBOX)).myNotifications.nodes).toEqual([]);
    expect((await sameCenterOtherPerson.data(INBOX)).myNotifications.nodes.map((n: any) => n.id)).not.toContain(ids.item);

    const refused = await otherDealer.request(MARK, { id: ids.item });
    expect(errorCodes(refused)).toEqual(['NOT_FOUND']);
    expect(refused.errors![0]!.extensions).toMatchObject({ field: 'id' });
    expect((await managerCn.data(INBOX, { unread: true })).myNotifications.nodes.map((n: any) => n.id)).toContain(ids.item);

    const { markNotificationRead } = await managerCn.data(MARK, { id: ids.item });
    expect(markNotificationRead).toMatchObject({ id: ids.item, read: true });
    const after = await managerCn.data(INBOX, { unread: true });
    expect(after.myNotifications.nodes.map((n: any) => n.id)).not.toContain(ids.item);
    expect(after.myUnreadNotificationCount).toBe(1);
    expect((await managerCn.data(`mutation { markAllNotificationsRead }`)).markAllNotificationsRead).toBe(1);
    expect((await managerCn.data(INBOX)).myUnreadNotificationCount).toBe(0);
  }, 60_000);

  it('preferences are validated, and SMS go out through the SMS API in the chosen language', async () => {
    const bad = await managerCn.request(PREFS, { input: { channels: ['IN_APP', 'SMS'], mutedKinds: [], dailyDigest: false } });
    expect(errorCodes(bad)).toEqual(['BAD_USER_INPUT']);
    expect(bad.errors![0]!.extensions!.issues).toEqual([expect.objectContaining({ field: 'phone', rule: 'requiredWith' })]);
    const badPhone = await managerCn.request(PREFS, { input: { channels: ['SMS'], mutedKinds: [], dailyDigest: false, phone: '12345' } });
    expect(errorCodes(badPhone)).toEqual(['BAD_USER_INPUT']);
    expect(badPhone.errors![0]!.extensions!.issues).toEqual([expect.objectContaining({ field: 'phone' })]);
    expect((await managerCn.data(`{ myNotificationPreferences { channels mutedKinds dailyDigest language phone } }`)).myNotificationPreferences).toEqual({
      channels: ['EMAIL', 'IN_APP'],
      mutedKinds: [],
      dailyDigest: false,
      language: null,
      phone: null,
    });

    const input = { channels: ['IN_APP', 'SMS'], mutedKinds: ['COMPLAINT_POSTPONED'], dailyDigest: false, language: 'es', phone: '+8613911112222' };
    expect((await managerCn.data(PREFS, { input })).updateMyNotificationPreferences).toEqual(input);
    const mailsBefore = (await mailsTo(emailOf('ntf-cn-1', 'SERVICE_MANAGER'))).length;
    const at = new Date().toISOString();
    const muted = createEvent(
      'ComplaintPostponed.v1',
      { complaintId: transferred.complaint.id, number: transferred.complaint.number, serviceCenterId: 'ntf-cn-1', previousDueAt: at, until: at, reason: 'Parts', at },
      { source: 'complaints', serviceCenterId: 'ntf-cn-1' },
    );
    const told = createEvent(
      'ComplaintReclassified.v1',
      { complaintId: transferred.complaint.id, number: transferred.complaint.number, serviceCenterId: 'ntf-cn-1', from: 'B', to: 'A', reason: 'Safety', by: 'hq', at },
      { source: 'complaints', serviceCenterId: 'ntf-cn-1' },
    );
    await republish(muted, transferred.key);
    await republish(told, transferred.key);
    const [text] = await eventually('the SMS', async () => capture.texts().filter((t) => t.to === '+8613911112222'), (t) => t.length > 0, 30_000);
    expect(text!.body).toBe(`Reclamación ${transferred.complaint.number} reclasificada de B a A\n${CONSOLE}/complaints/${transferred.complaint.id}`);
    const { myNotifications } = await managerCn.data(INBOX);
    expect(myNotifications.nodes.map((n: any) => n.kind)).not.toContain('COMPLAINT_POSTPONED');
    expect(myNotifications.nodes[0]).toMatchObject({ kind: 'COMPLAINT_RECLASSIFIED', language: 'es', deliveries: [expect.objectContaining({ channel: 'SMS', status: 'SENT' })] });
    expect(await mailsTo(emailOf('ntf-cn-1', 'SERVICE_MANAGER'))).toHaveLength(mailsBefore);
  }, 60_000);

  it('a failing SMTP server shows the delivery with its error while it retries, then FAILED for HQ', async () => {
    await capture.stop();
    const { event } = await transferComplaint('ntf-br-1');
    const retrying = await eventually(
      'a retried delivery',
      () => managerBr.data(INBOX),
      (d) => d.myNotifications.nodes.some((n: any) => n.deliveries[0]?.attempts >= 2 && n.deliveries[0].status === 'PENDING'),
      30_000,
    );
    const item = retrying.myNotifications.nodes.find((n: any) => n.deliveries[0]?.attempts >= 2);
    expect(item.deliveries[0]).toMatchObject({ channel: 'EMAIL', status: 'PENDING', lastError: expect.stringMatching(/ECONNREFUSED/) });
    expect(item.deliveries[0].nextAttemptAt).not.toBeNull();
    const failed = await eventually('the FAILED deliveries', () => hq.data(FAILED), (d) => d.notificationDeliveries.nodes.filter((n: any) => n.eventId === event.id).length === 2, 30_000);
    expect(failed.notificationDeliveries.nodes.filter((n: any) => n.eventId === event.id)).toEqual(
      expect.arrayContaining([expect.objectContaining({ recipientId: MANAGER_BR, channel: 'EMAIL', status: 'FAILED', attempts: 4, lastError: expect.stringMatching(/ECONNREFUSED/) })]),
    );
    expect(errorCodes(await managerBr.request(FAILED))).toEqual(['FORBIDDEN']);
  }, 90_000);
});
