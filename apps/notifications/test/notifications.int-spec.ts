import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Kafka, logLevel, type Producer } from 'kafkajs';
import { createEvent, Topics, type AnyEvent } from '@aftersales/contracts';
import {
  errorCodes,
  eventually,
  EventProbe,
  seedTestNetwork,
  serviceEnv,
  startGateway,
  startMessageCapture,
  startServiceProcess,
  testCenter,
  testInfra,
  tokenFor,
  uniqueName,
  moveClock,
  type ClockMove,
  type GraphQLClient,
  type MessageCapture,
  type ServiceProcess,
} from '@aftersales/testing';
import { CENTERS, emailOf, person, REGIONS, staffId } from './fixtures';

const REGISTER = `mutation($input: RegisterComplaintInput!) { registerComplaint(input: $input) { id number } }`;
const CONFIRM = `mutation($id: ID!) { confirmComplaintClass(id: $id, input: { class: C, reason: "Handled as C in this test" }) { id } }`;
const TRANSFER = `mutation($id: ID!) { transferComplaint(id: $id, input: { receivingDepartment: "HQ Service" }) { id routing { to { name } cc { name } } } }`;
const INBOX = `query($unread: Boolean) { myNotifications(unreadOnly: $unread, first: 20) { nodes { id kind subject body link language deadlineText serviceCenterId read
  deliveries { channel address status attempts lastError nextAttemptAt digestAt } } hasNextPage } myUnreadNotificationCount }`;
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
    managerCn = gateway.client.as(await tokenFor({ role: 'DEALER', centers: ['ntf-cn-1'], regions: ['rg-east'], subject: MANAGER_CN }));
    managerBr = gateway.client.as(await tokenFor({ role: 'DEALER', centers: ['ntf-br-1'], regions: ['rg-south'], subject: MANAGER_BR }));
    await seedTestNetwork(hq, { regions: REGIONS, centers: CENTERS });
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
    const sameCenterOtherPerson = gateway.client.as(await tokenFor({ role: 'DEALER', centers: ['ntf-cn-1'], regions: ['rg-east'], subject: staffId('ntf-cn-1', 'GENERAL_MANAGER') }));
    const otherDealerSameSubject = gateway.client.as(await tokenFor({ role: 'DEALER', centers: ['ntf-cn-2'], regions: ['rg-east'], subject: MANAGER_CN }));
    const otherDealer = gateway.client.as(await tokenFor({ role: 'DEALER', centers: ['ntf-cn-2'], regions: ['rg-east'], subject: staffId('ntf-cn-2', 'SERVICE_MANAGER') }));
    expect((await otherDealer.data(INBOX)).myNotifications.nodes).toEqual([]);
    expect((await otherDealerSameSubject.data(INBOX)).myNotifications.nodes).toEqual([]);
    expect((await sameCenterOtherPerson.data(INBOX)).myNotifications.nodes.map((n: any) => n.id)).not.toContain(ids.item);

    const tooMany = await managerCn.request(`{ myNotifications(first: 1000) { hasNextPage } }`);
    expect(tooMany.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', issues: [expect.objectContaining({ field: 'first', rule: 'range' })] });
    const badCursor = await managerCn.request(`{ myNotifications(after: "bm90IGEgY3Vyc29y") { hasNextPage } }`);
    expect(badCursor.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', issues: [expect.objectContaining({ field: 'after', rule: 'cursor' })] });
    const firstPage = await managerCn.data(`{ myNotifications(first: 1) { nodes { id } endCursor hasNextPage } }`);
    expect(firstPage.myNotifications.hasNextPage).toBe(true);
    const second = await managerCn.data(`query($after: String) { myNotifications(first: 1, after: $after) { nodes { id } hasNextPage } }`, { after: firstPage.myNotifications.endCursor });
    expect(second.myNotifications.nodes[0].id).not.toBe(firstPage.myNotifications.nodes[0].id);

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
    const noChannel = await managerCn.request(PREFS, { input: { channels: [], mutedKinds: [], dailyDigest: false } });
    expect(noChannel.errors![0]!.extensions!.issues).toEqual([expect.objectContaining({ field: 'channels' })]);
    const digestWithoutMail = await managerCn.request(PREFS, { input: { channels: ['IN_APP'], mutedKinds: [], dailyDigest: true } });
    expect(digestWithoutMail.errors![0]!.extensions!.issues).toEqual([expect.objectContaining({ field: 'dailyDigest', rule: 'requiresEmail' })]);
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

  it("a daily digest collects a person's e-mails and sends them once, at their center's local morning", async () => {
    const gm = gateway.client.as(await tokenFor({ role: 'DEALER', centers: ['ntf-cn-1'], regions: ['rg-east'], subject: staffId('ntf-cn-1', 'GENERAL_MANAGER') }));
    await gm.data(PREFS, { input: { channels: ['EMAIL', 'IN_APP'], mutedKinds: [], dailyDigest: true } });
    const gmMail = emailOf('ntf-cn-1', 'GENERAL_MANAGER');
    const before = (await mailsTo(gmMail)).length;
    const setClock = (move: ClockMove) => moveClock(notifications.baseUrl, move);
    // Noon UTC, far from 08:00 in Shanghai (00:00 UTC): both items wait for the same digest whenever the suite runs.
    const noon = new Date();
    noon.setUTCHours(12, 0, 0, 0);
    await setClock({ now: noon.toISOString() });
    try {
      const at = noon.toISOString();
      const due = new Date(noon.getTime() + 3_600_000).toISOString();
      const meta = { source: 'complaints', serviceCenterId: 'ntf-cn-1' };
      const { id, number } = transferred.complaint;
      await republish(createEvent('ComplaintDeadlineBreached.v1', { complaintId: id, number, class: 'C', serviceCenterId: 'ntf-cn-1', clock: 'FIRST_REPLY', dueAt: at, breachedAt: at }, meta), transferred.key);
      await republish(createEvent('ComplaintPostponed.v1', { complaintId: id, number, serviceCenterId: 'ntf-cn-1', previousDueAt: at, until: due, reason: 'Parts on order', at }, meta), transferred.key);
      const waiting = await eventually(
        'two digest items',
        () => gm.data(INBOX),
        (d) => d.myNotifications.nodes.filter((n: any) => n.deliveries[0]?.status === 'DIGEST').length === 2,
        30_000,
      );
      // 08:00 in Shanghai is 00:00 UTC: the next one after noon UTC is the next day's, for both items.
      const nextMorning = new Date(noon.getTime() + 12 * 3_600_000).toISOString();
      const items = waiting.myNotifications.nodes.filter((n: any) => n.deliveries[0]?.status === 'DIGEST');
      expect(items.map((n: any) => n.deliveries[0].digestAt)).toEqual([nextMorning, nextMorning]);
      expect(await mailsTo(gmMail)).toHaveLength(before);

      await setClock({ now: new Date(Date.parse(nextMorning) + 60_000).toISOString() });
      const mails = await eventually('the digest', () => mailsTo(gmMail), (m) => m.length === before + 1, 30_000);
      const digest = mails.at(-1)!;
      expect(digest.subject).toBe('每日汇总：2 条通知');
      expect(digest.text).toContain(`投诉 ${number}：首次回复已超时`);
      expect(digest.text).toContain(`投诉 ${number}：解决方案截止时间已延期`);
      const { myNotifications } = await eventually('the items digested', () => gm.data(INBOX), (d) =>
        items.every((item: any) => d.myNotifications.nodes.find((n: any) => n.id === item.id)?.deliveries[0].status === 'DIGESTED'),
      );
      expect(myNotifications.nodes).toHaveLength(4);
      // Nothing more on the next passes: one digest per day.
      await new Promise((r) => setTimeout(r, 1_000));
      expect(await mailsTo(gmMail)).toHaveLength(before + 1);
    } finally {
      await setClock({ reset: true });
    }
  }, 90_000);

  it('job-order escalations go to the HQ service department, leads and part classes to the dealer, survey links to the customer', async () => {
    // The second Chinese dealer's manager reads e-mail only: his items are kept, not shown.
    const zhao = gateway.client.as(await tokenFor({ role: 'DEALER', centers: ['ntf-cn-2'], regions: ['rg-east'], subject: staffId('ntf-cn-2', 'SERVICE_MANAGER') }));
    await zhao.data(PREFS, { input: { channels: ['EMAIL'], mutedKinds: [], dailyDigest: false } });
    const publish = (topic: string, event: AnyEvent) => producer.send({ topic: `${prefix}${topic}`, messages: [{ key: event.serviceCenterId ?? event.id, value: JSON.stringify(event) }] });
    const now = new Date();
    const at = now.toISOString();
    const dueAt = new Date(now.getTime() + 2 * 3_600_000).toISOString();
    await publish(
      Topics['job-orders'],
      createEvent(
        'JobOrderSlaBreached.v1',
        { jobOrderId: 'jo-ntf-1', source: { kind: 'CALL', id: 'call-1' }, serviceCenterId: 'ntf-cn-2', clock: 'CLOSE', tier: 'DEALER', dueAt: at, breachedAt: at },
        { source: 'job-orders', serviceCenterId: 'ntf-cn-2' },
      ),
    );
    // HQ's own complaint clock, an HQ-tier job order without a dealer, and the 0.5 h escalation: all HQ's.
    const { id: complaintId, number } = transferred.complaint;
    await publish(
      Topics.complaints,
      createEvent('ComplaintDeadlineWarning.v1', { complaintId, number, class: 'C', serviceCenterId: 'ntf-cn-1', clock: 'FORWARD', dueAt, warnedAt: at }, { source: 'complaints', serviceCenterId: 'ntf-cn-1' }),
    );
    await publish(
      Topics['job-orders'],
      createEvent('JobOrderSlaWarning.v1', { jobOrderId: 'jo-ntf-2', source: { kind: 'CALL', id: 'call-3' }, clock: 'FIRST_PROGRESS', tier: 'HQ', dueAt, warnedAt: at }, { source: 'job-orders' }),
    );
    await publish(
      Topics.calls,
      createEvent('CustomerContactEscalated.v1', { taskId: 'task-1', jobOrderId: 'jo-ntf-3', serviceCenterId: 'ntf-br-1', askedAt: at, dueAt: at, escalatedAt: at }, { source: 'calls', serviceCenterId: 'ntf-br-1' }),
    );
    const customer = { name: 'Ana Souza', country: 'BR', email: 'ana@example.com', phone: '+5511987654321', language: 'pt-BR' };
    await publish(Topics.calls, createEvent('LeadCreated.v1', { leadId: 'lead-ntf-1', callId: 'call-2', serviceCenterId: 'ntf-br-1', intent: 'CLEAR_MODEL', customer, createdAt: at }, { source: 'calls', serviceCenterId: 'ntf-br-1' }));
    await publish(
      Topics.parts,
      createEvent('PartClassChanged.v1', { runId: 'run-1', locationId: 'ntf-cn-2', partNumber: 'P-100', fromAbc: 'B', toAbc: 'A', toXyz: 'X', changedAt: at }, { source: 'parts', serviceCenterId: 'ntf-cn-2' }),
    );
    await publish(
      Topics.surveys,
      createEvent(
        'SurveyLinkIssued.v1',
        { invitationId: 'inv-ntf-1', serviceCenterId: 'ntf-br-1', trigger: { kind: 'REPAIR_ORDER', id: 'ro-1' }, customer, url: 'https://survey.test/s/tok', token: 'tok', language: 'ar', reminder: false, expiresAt: dueAt },
        { source: 'surveys', serviceCenterId: 'ntf-br-1' },
      ),
    );

    // Escalation: HQ's service manager (Russia), not its technician, not the dealer.
    const atHq = await eventually('the e-mails to HQ', () => mailsTo(emailOf('ntf-hq', 'SERVICE_MANAGER')), (m) => m.length === 4, 30_000);
    const escalation = atHq.find((m) => m.subject === 'Заявка jo-ntf-1 передана в сервисный отдел')!;
    expect(escalation.text).toContain(`${CONSOLE}/job-orders/jo-ntf-1`);
    expect(escalation.text).toContain('Europe/Moscow');
    expect(atHq.map((m) => m.subject).sort()).toEqual(
      [
        'Заявка jo-ntf-1 передана в сервисный отдел',
        'Заявка jo-ntf-2: истекает срок этапа «первый отчёт о ходе работ»',
        'Заявка jo-ntf-3 передана в сервисный отдел',
        `Жалоба ${number}: истекает срок этапа «передача»`,
      ].sort(),
    );
    expect(await mailsTo(emailOf('ntf-hq', 'TECHNICIAN'))).toEqual([]);
    // No advisor at the Brazilian dealer: its service manager takes the lead.
    await eventually('the lead e-mail', () => mailsTo(emailOf('ntf-br-1', 'SERVICE_MANAGER')), (m) => m.some((x) => x.subject === 'Novo lead lead-ntf-1 para sua concessionária'), 30_000);
    // No parts manager at the second Chinese dealer: its service manager decides.
    await eventually('the part class e-mail', () => mailsTo(emailOf('ntf-cn-2', 'SERVICE_MANAGER')), (m) => m.some((x) => x.subject === '零件 P-100 在 ntf-cn-2 调整为 A 类'), 30_000);
    expect((await zhao.data(INBOX)).myNotifications.nodes).toEqual([]);
    // The customer: e-mail and SMS, in the event's language, with the survey link and its expiry.
    const [survey] = await eventually('the survey e-mail', () => mailsTo('ana@example.com'), (m) => m.length > 0, 30_000);
    expect(survey!.subject).toBe('أخبرنا عن تجربتك في الخدمة');
    expect(survey!.text).toContain('https://survey.test/s/tok');
    expect(survey!.text).toContain('America/Sao_Paulo');
    expect(survey!.html).toContain('<html lang="ar" dir="rtl">');
    expect(survey!.html).toContain('<a href="https://survey.test/s/tok">');
    const [text] = await eventually('the survey SMS', async () => capture.texts().filter((t) => t.to === '+5511987654321'), (t) => t.length > 0, 30_000);
    expect(text!.body).toBe('أخبرنا عن تجربتك في الخدمة\nhttps://survey.test/s/tok');
  }, 90_000);

  it('an event about a center the network has not announced yet waits for it, and is not lost', async () => {
    const lead = createEvent(
      'LeadCreated.v1',
      { leadId: 'lead-ntf-2', callId: 'call-4', serviceCenterId: 'ntf-cn-3', intent: 'HESITANT', customer: { name: 'Zhou Min', country: 'CN' }, createdAt: new Date().toISOString() },
      { source: 'calls', serviceCenterId: 'ntf-cn-3' },
    );
    await producer.send({ topic: `${prefix}${Topics.calls}`, messages: [{ key: 'ntf-cn-3', value: JSON.stringify(lead) }] });
    await new Promise((r) => setTimeout(r, 1_000));
    await seedTestNetwork(hq, { regions: [], centers: [testCenter('ntf-cn-3', { staff: [person('ntf-cn-3', 'SERVICE_ADVISOR', 'Zhou Jie')] })] });
    const [mail] = await eventually('the lead e-mail to the new center', () => mailsTo(emailOf('ntf-cn-3', 'SERVICE_ADVISOR')), (m) => m.length > 0, 60_000);
    expect(mail!.subject).toBe('您的经销店有新线索 lead-ntf-2');
  }, 90_000);

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
    const metrics = await fetch(`${notifications.baseUrl}/metrics`).then((r) => r.text());
    expect(metrics).toMatch(/^notification_delivery_attempts_total\{[^}]*channel="EMAIL",outcome="failed"[^}]*\} [1-9]/m);
    expect(metrics).toMatch(/^notification_delivery_attempts_total\{[^}]*channel="EMAIL",outcome="retry"[^}]*\} [1-9]/m);
    expect(metrics).toMatch(/^notification_delivery_attempts_total\{[^}]*channel="SMS",outcome="sent"[^}]*\} [1-9]/m);
  }, 90_000);
});
