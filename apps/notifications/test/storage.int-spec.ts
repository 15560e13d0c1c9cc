import mongoose, { type Connection, type Model } from 'mongoose';
import { unscoped } from '@aftersales/platform-auth';
import { testInfra, uniqueName } from '@aftersales/testing';
import { DeliveriesRepository } from '../src/deliveries/deliveries.repository';
import { DELIVERY_MODEL, DeliverySchema, type DeliveryDoc } from '../src/deliveries/delivery.schema';
import { NOTIFICATION_MODEL, NotificationSchema, type NotificationDoc } from '../src/inbox/notification.schema';
import { NotificationsRepository } from '../src/inbox/notifications.repository';

const T0 = Date.parse('2026-06-01T00:00:00Z');

const item = (i: number): NotificationDoc => ({
  _id: `n-${String(i).padStart(5, '0')}`,
  eventId: `e-${i}`,
  eventType: 'LeadCreated',
  kind: 'LEAD_CREATED',
  recipientId: `st-${i % 20}`,
  recipientName: 'Staff',
  serviceCenterId: `sc-${i % 5}`,
  regionId: 'rg-1',
  inbox: i % 7 !== 0,
  language: 'zh',
  subject: 's',
  body: 'b',
  link: 'https://console.example/leads/1',
  deadlineAt: null,
  deadlineText: null,
  // Every tenth shares its creation instant with the one before: the cursor must break ties by id.
  createdAt: new Date(T0 + (i - (i % 10 === 0 ? 1 : 0)) * 60_000),
  readAt: i % 3 === 0 ? new Date(T0) : null,
});

const delivery = (id: string, nextAttemptAt: Date): DeliveryDoc => ({
  _id: id,
  eventId: `e-${id}`,
  recipientId: 'st-1',
  recipientName: 'Staff',
  channel: 'EMAIL',
  address: 'staff@example.com',
  kind: 'LEAD_CREATED',
  notificationId: null,
  serviceCenterId: 'sc-1',
  regionId: 'rg-1',
  language: 'en',
  timeZone: 'UTC',
  subject: 's',
  body: 'b',
  status: 'PENDING',
  attempts: 0,
  nextAttemptAt,
  lastError: null,
  lastAttemptAt: null,
  sentAt: null,
  digestAt: null,
  digestId: null,
  createdAt: new Date(T0),
});

describe('notifications storage (real store)', () => {
  let conn: Connection;
  let notifications: Model<NotificationDoc>;
  let deliveries: Model<DeliveryDoc>;
  let inbox: NotificationsRepository;
  let outbox: DeliveriesRepository;
  const docs = Array.from({ length: 2_000 }, (_, i) => item(i));

  beforeAll(async () => {
    conn = await mongoose.createConnection(testInfra().mongoUrl, { dbName: uniqueName('notifications_storage') }).asPromise();
    notifications = conn.model<NotificationDoc>(NOTIFICATION_MODEL, NotificationSchema);
    deliveries = conn.model<DeliveryDoc>(DELIVERY_MODEL, DeliverySchema);
    await Promise.all([notifications.init(), deliveries.init()]);
    inbox = new NotificationsRepository(notifications);
    outbox = new DeliveriesRepository(deliveries);
    await notifications.collection.insertMany(docs as never[]);
  }, 120_000);

  afterAll(async () => {
    await conn?.dropDatabase().catch(() => undefined);
    await conn?.close();
  });

  it.each([
    ['all', {}],
    ['unread', { readAt: null }],
  ])("pages through a person's inbox (%s), newest first, from an index", async (_name, extra) => {
    const filter = unscoped('one recipient, as the inbox asks', { recipientId: 'st-3', inbox: true, ...extra });
    const expected = docs
      .filter((d) => d.recipientId === 'st-3' && d.inbox && ('readAt' in extra ? d.readAt === null : true))
      .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || (a._id < b._id ? 1 : -1))
      .map((d) => d._id);
    expect(expected.length).toBeGreaterThan(30);
    const seen: string[] = [];
    let after: { createdAt: Date; id: string } | undefined;
    for (;;) {
      const page = await inbox.page(filter, 7, after);
      seen.push(...page.map((d) => d._id));
      if (page.length < 7) break;
      after = { createdAt: page.at(-1)!.createdAt, id: page.at(-1)!._id };
    }
    expect(seen).toEqual(expected);
    for (const plan of [await inbox.pageQuery(filter, 7).explain(), await inbox.pageQuery(filter, 7, after).explain()]) {
      expect(JSON.stringify(plan)).toContain('IXSCAN');
      expect(JSON.stringify(plan)).not.toContain('COLLSCAN');
    }
  });

  it('one inbox item per event and recipient, one delivery per event, recipient and channel', async () => {
    const again = await inbox.insertOnce({ ...docs[5]!, _id: 'n-other' });
    expect(again._id).toBe(docs[5]!._id);
    const d = delivery('d-unique', new Date(T0));
    expect(await outbox.insertOnce(d)).toBe(true);
    expect(await outbox.insertOnce({ ...d, _id: 'd-unique-2' })).toBe(false);
    expect(await outbox.insertOnce({ ...d, _id: 'd-unique-3', channel: 'SMS', address: '+8613912345678' })).toBe(true);
    await deliveries.deleteMany({});
  });

  it('a due delivery is claimed by one sweeper only, and again once its lease has run out', async () => {
    await outbox.insertOnce(delivery('d-due', new Date(T0)));
    await outbox.insertOnce(delivery('d-later', new Date(T0 + 3_600_000)));
    const now = new Date(T0 + 1_000);
    const claims = await Promise.all(Array.from({ length: 5 }, () => outbox.claimDue(now, 60_000)));
    expect(claims.filter(Boolean).map((c) => c!._id)).toEqual(['d-due']);
    expect(await outbox.claimDue(new Date(T0 + 59_000), 60_000)).toBeNull();
    expect((await outbox.claimDue(new Date(T0 + 61_001), 60_000))?._id).toBe('d-due');
  });
});
