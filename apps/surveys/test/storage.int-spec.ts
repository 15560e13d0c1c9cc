import mongoose, { type Connection, type Model } from 'mongoose';
import { createEvent } from '@aftersales/contracts';
import type { InvitationState } from '@aftersales/domain-surveys';
import { testInfra, uniqueName } from '@aftersales/testing';
import { INVITATION_MODEL, InvitationSchema, type InvitationDoc } from '../src/invitations/invitation.schema';
import { InvitationsRepository } from '../src/invitations/invitations.repository';
import { nextActionOf } from '../src/invitations/invitations.service';
import { counterId, KPI_COUNTER_MODEL, KpiCounterSchema, KpiRepository, type CounterDoc } from '../src/kpis/kpi.repository';

const DAY = 86_400_000;
const T0 = Date.parse('2026-06-01T00:00:00Z');
const NOW = new Date(T0 + 10 * DAY);
const STATES: InvitationState[] = ['SCHEDULED', 'OPEN', 'OPEN', 'ANSWERED', 'EXPIRED', 'DECLINED'];

function invitation(i: number): InvitationDoc {
  const state = STATES[i % STATES.length]!;
  const dueAt = new Date(T0 + (i % 400) * 3_600_000);
  const base = {
    state,
    dueAt,
    remindAt: new Date(dueAt.getTime() + 3 * DAY),
    reminded: i % 4 === 0,
    expiresAt: new Date(dueAt.getTime() + 14 * DAY),
  };
  const answered = state === 'ANSWERED';
  return {
    _id: `VEHICLE_DELIVERED:ro-${String(i).padStart(5, '0')}`,
    serviceCenterId: `sc-${i % 10}`,
    regionId: 'rg-1',
    country: 'CN',
    timeZone: 'Asia/Shanghai',
    trigger: { kind: 'VEHICLE_DELIVERED', source: { kind: 'REPAIR_ORDER', id: `ro-${i}` }, occurredAt: new Date(T0) },
    customer: { name: 'C', email: 'c@example.cn', country: 'CN' },
    language: 'zh',
    channel: 'WEB_LINK',
    questionnaireId: 'after-sales-csi',
    questionnaireVersion: 1,
    ...base,
    secretHash: null,
    consent: null,
    answeredAt: answered ? new Date(T0 + i * 60_000) : null,
    ...(answered
      ? {
          response: {
            period: i % 12 < 6 ? '2026-06' : '2026-07',
            questionnaireId: 'after-sales-csi',
            questionnaireVersion: 1,
            answeredBy: 'customer',
            answers: [],
            scored: { nps: i % 11, csi: 700 } as never,
            reasons: [],
            verbatimMasked: i % 4 === 3 ? `comment ${i}` : null,
          },
        }
      : {}),
    ...nextActionOf(base),
    createdAt: new Date(T0),
    updatedAt: new Date(T0),
  };
}

const dissatisfied = (id: string) =>
  createEvent(
    'CustomerDissatisfied.v1',
    {
      responseId: id,
      invitationId: id,
      serviceCenterId: 'sc-1',
      trigger: { kind: 'REPAIR_ORDER', id: 'ro' },
      reasons: [{ kind: 'NPS_DETRACTOR', detail: 'nps=1' }],
      nps: 1,
      customer: { name: 'C', country: 'CN' },
      answeredAt: NOW.toISOString(),
    },
    { source: 'surveys', serviceCenterId: 'sc-1' },
  );

describe('survey invitations, answers and counters (real store)', () => {
  let conn: Connection;
  let model: Model<InvitationDoc>;
  let repo: InvitationsRepository;
  const docs = Array.from({ length: 3_000 }, (_, i) => invitation(i));

  beforeAll(async () => {
    conn = await mongoose.createConnection(testInfra().mongoUrl, { dbName: uniqueName('surveys_storage') }).asPromise();
    model = conn.model<InvitationDoc>(INVITATION_MODEL, InvitationSchema);
    await model.init();
    repo = new InvitationsRepository(model);
    await model.collection.insertMany(docs.map((d) => ({ ...d, outbox: [], outboxPending: false })) as never[]);
  }, 120_000);

  afterAll(async () => {
    await conn?.dropDatabase().catch(() => undefined);
    await conn?.close();
  });

  it('the scheduler reads exactly what is due, oldest first, from the nextActionAt index, and pages on', async () => {
    const expected = docs
      .filter((d) => d.nextActionAt && d.nextActionAt.getTime() <= NOW.getTime())
      .sort((a, b) => a.nextActionAt!.getTime() - b.nextActionAt!.getTime() || (a._id < b._id ? -1 : 1))
      .map((d) => d._id);
    expect(expected.length).toBeGreaterThan(100);
    const seen: string[] = [];
    let after: { at: Date; id: string } | undefined;
    for (;;) {
      const due = await repo.due(NOW, 70, after);
      seen.push(...due.map((d) => d._id));
      if (due.length < 70) break;
      after = { at: due.at(-1)!.nextActionAt, id: due.at(-1)!._id };
    }
    expect(seen).toEqual(expected);
    for (const plan of [await repo.dueQuery(NOW, 70).explain(), await repo.dueQuery(NOW, 70, after).explain()]) {
      expect(JSON.stringify(plan)).toContain('IXSCAN');
      expect(JSON.stringify(plan)).not.toContain('COLLSCAN');
    }
  });

  it('a center’s latest comments of a month come from the verbatims index, newest first', async () => {
    const expected = docs
      .filter((d) => d.serviceCenterId === 'sc-3' && d.response?.period === '2026-06' && d.response.verbatimMasked)
      .sort((a, b) => b.answeredAt!.getTime() - a.answeredAt!.getTime())
      .slice(0, 5)
      .map((d) => [d._id, d.response!.verbatimMasked]);
    expect(expected.length).toBe(5);
    expect((await repo.verbatims('sc-3', '2026-06', 5)).map((r) => [r._id, r.response.verbatimMasked])).toEqual(expected);
    const plan = JSON.stringify(await repo.verbatimsQuery('sc-3', '2026-06', 5).explain());
    expect(plan).toContain('verbatims');
    expect(plan).not.toContain('COLLSCAN');
  });

  it('one link answered by several requests at once: one answer and one event are written', async () => {
    const id = docs.find((d) => d.state === 'OPEN')!._id;
    const answer = (by: string) =>
      repo.transition(
        id,
        { state: 'OPEN', expiresAt: { $gt: NOW } },
        { state: 'ANSWERED', answeredAt: NOW, response: { answeredBy: by } as never, nextActionAt: null, nextAction: null },
        [dissatisfied(id)],
      );
    const results = await Promise.all(['a', 'b', 'c', 'd', 'e', 'f'].map(answer));
    expect(results.filter(Boolean)).toHaveLength(1);
    const stored = await model.findById(id).select('+outbox').lean<InvitationDoc>().exec();
    expect(stored).toMatchObject({ state: 'ANSWERED', response: { answeredBy: ['a', 'b', 'c', 'd', 'e', 'f'][results.indexOf(true)] }, nextActionAt: null });
    expect(stored!.outbox).toHaveLength(1);
  });

  it('an answer and the expiry racing on one invitation: exactly one of them is written', async () => {
    const open = docs.filter((d) => d.state === 'OPEN').slice(1, 21);
    for (const inv of open) {
      const [answered, expired] = await Promise.all([
        repo.transition(inv._id, { state: 'OPEN', expiresAt: { $gt: NOW } }, { state: 'ANSWERED', answeredAt: NOW }),
        repo.transition(inv._id, { state: 'OPEN', reminded: inv.reminded }, { state: 'EXPIRED', nextActionAt: null, nextAction: null }),
      ]);
      expect(Number(answered) + Number(expired)).toBe(1);
      expect((await repo.findById(inv._id))!.state).toBe(answered ? 'ANSWERED' : 'EXPIRED');
    }
  });

  it('KPI counters: concurrent flushes lose no increment; a batch of centers and months is one $in from the _id index', async () => {
    const kpiModel = conn.model<CounterDoc>(KPI_COUNTER_MODEL, KpiCounterSchema);
    const kpis = new KpiRepository(kpiModel);
    const batch = (n: number) => ['sc-1', 'sc-2'].map((key) => ({ id: counterId('center', key, '2026-06'), level: 'center' as const, key, period: '2026-06', delta: { responses: n } }));
    const refused = await Promise.all(Array.from({ length: 40 }, () => kpis.increment(batch(1))));
    expect(refused.flat()).toEqual([]);
    const counters = await kpis.counters([counterId('center', 'sc-1', '2026-06'), counterId('center', 'sc-2', '2026-06'), counterId('center', 'sc-9', '2026-06')]);
    expect([...counters.values()].map((c) => c.responses)).toEqual([40, 40]);
    const plan = JSON.stringify(await kpiModel.find({ _id: { $in: [counterId('center', 'sc-1', '2026-06'), counterId('center', 'sc-2', '2026-06')] } }).explain());
    expect(plan).not.toContain('COLLSCAN');
  });

  it('KPI counters of many centers over a period: by key and month range from the level-key-period index', async () => {
    const kpiModel = conn.model<CounterDoc>(KPI_COUNTER_MODEL, KpiCounterSchema);
    await kpiModel.init();
    const kpis = new KpiRepository(kpiModel);
    const row = (key: string, period: string, responses: number) => ({ id: counterId('center', key, period), level: 'center' as const, key, period, delta: { responses } });
    expect(await kpis.increment([row('sc-a', '2026-01', 1), row('sc-a', '2026-03', 2), row('sc-a', '2026-04', 32), row('sc-a', '2026-05', 4), row('sc-b', '2026-02', 8), row('sc-c', '2026-02', 16)])).toEqual([]);
    const found = await kpis.countersOver('center', ['sc-a', 'sc-b', 'sc-z'], '2026-02', '2026-04');
    expect(Object.fromEntries([...found].map(([key, c]) => [key, c.responses]))).toEqual({ 'sc-a': 34, 'sc-b': 8 });
    const plan = JSON.stringify(await kpis.countersOverQuery('center', ['sc-a', 'sc-b'], '2026-02', '2026-04').explain());
    expect(plan).toContain('level_1_key_1_period_1');
    expect(plan).not.toContain('COLLSCAN');
  });
});
