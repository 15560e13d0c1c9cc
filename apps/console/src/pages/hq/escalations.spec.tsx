/** @jest-environment jsdom */
import { act, fireEvent, render, screen } from '@testing-library/react';
import i18next from 'i18next';
import { initI18n } from '../../i18n';
import { fakeGraph, type FakeAnswer } from '../../testing/fake-graph';
import { EscalationsPage } from './escalations';
import { byOperation, nameOf } from './testing';

const SAO_PAULO = { __typename: 'ServiceCenter', id: 'sc-br-0001', code: 'BR-0001', name: 'São Paulo Norte', timeZone: 'America/Sao_Paulo' };
const SHANGHAI = { __typename: 'ServiceCenter', id: 'sc-cn-0002', code: 'CN-0002', name: '上海浦东', timeZone: 'Asia/Shanghai' };
const page = (items: unknown[]) => ({ __typename: 'ComplaintPage', totalCount: items.length, items });
const A_COMPLAINT = {
  __typename: 'Complaint',
  id: 'cmp-1',
  number: 'CMP-2026-0007',
  receivedAt: '2026-03-02T01:30:00Z',
  status: 'TRANSFERRED',
  country: 'BR',
  flags: ['MEDIA_THREAT'],
  timeZone: 'America/Sao_Paulo',
  serviceCenterId: 'sc-br-0001',
  serviceCenter: SAO_PAULO,
  clocks: [
    { kind: 'FIRST_REPLY', dueAt: '2026-03-02T02:30:00Z', metAt: null, breachedAt: '2026-03-02T02:30:00Z', onTime: null },
    { kind: 'SOLUTION', dueAt: '2099-03-13T20:00:00Z', metAt: null, breachedAt: null, onTime: null },
  ],
};
const A_CLASS: FakeAnswer = {
  data: {
    received: page([]),
    classified: page([]),
    transferred: page([A_COMPLAINT]),
    signed: page([]),
    replied: page([]),
    pendingApproval: page([]),
    delivered: page([]),
    returnVisited: page([]),
  },
};
const order = (id: string) => ({
  id,
  number: `JO-${id}`,
  status: 'IN_PROGRESS',
  createdAt: '2026-03-01T00:00:00Z',
  holders: [{ tier: 'DEALER', releasedAt: null, serviceCenter: SHANGHAI }],
  clocks: [
    { id: `${id}-c`, kind: 'CUSTOMER_CONTACT', tier: 'DEALER', serviceCenterId: 'sc-cn-0002', dueAt: '2026-03-01T01:30:00Z', breachedAt: '2026-03-01T01:30:00Z', endedAt: null, met: false },
    { id: `${id}-p`, kind: 'FIRST_PROGRESS', tier: 'DEALER', serviceCenterId: 'sc-cn-0002', dueAt: '2099-03-02T01:00:00Z', breachedAt: null, endedAt: null, met: false },
  ],
});
const BREACHED = (after: string | null): FakeAnswer => ({
  data: { jobOrders: { totalCount: 21, pageInfo: { hasNextPage: !after, endCursor: after ? null : 'cursor-20' }, edges: [{ node: order(after ? 'jo-21' : 'jo-1') }] } },
});
const graphOf = (overrides: Record<string, () => FakeAnswer> = {}) =>
  fakeGraph(byOperation({ HqOpenAClassComplaints: () => A_CLASS, HqBreachedJobOrders: (op) => BREACHED((op.variables as any).after), ...overrides }));

describe('open A-class complaints and breached job orders', () => {
  beforeAll(() => initI18n('en'));
  afterEach(() => act(() => void i18next.changeLanguage('en')));

  it('lists the open A-class complaints with their clocks on the center’s wall clock, the zone named, linking to the center', async () => {
    const graph = graphOf();
    render(<EscalationsPage />, { wrapper: graph.wrap });
    expect((await screen.findByTestId('a-class-count')).textContent).toContain('1 open A-class');
    const row = screen.getByTestId('a-class-row');
    expect(row.textContent).toContain('media threat');
    expect(screen.getByRole('link', { name: 'BR-0001 São Paulo Norte' }).getAttribute('href')).toBe('/centers/sc-br-0001');
    const [reply, solution] = row.querySelectorAll('[data-testid=clock]');
    expect(reply!.getAttribute('data-state')).toBe('breached');
    // 02:30 UTC is 23:30 the day before in São Paulo.
    expect(reply!.textContent).toMatch(/First reply: breached.*due Mar 1, 2026, 11:30 PM \(America\/Sao_Paulo\)/);
    expect(solution!.getAttribute('data-state')).toBe('running');
    const asked = graph.asked.find((o) => nameOf(o) === 'HqOpenAClassComplaints')!;
    expect(asked.variables).toEqual({ first: 100 });
  });

  it('lists job orders with a breached clock, filtered by status and paged by cursor', async () => {
    const graph = graphOf();
    render(<EscalationsPage />, { wrapper: graph.wrap });
    const row = await screen.findByTestId('breached-row');
    expect(row.textContent).toContain('JO-jo-1');
    expect(row.textContent).toContain('Asia/Shanghai');
    // Only the breached clock, in Shanghai time (01:30 UTC = 09:30).
    expect([...row.querySelectorAll('[data-testid=clock]')].map((c) => c.textContent)).toEqual([expect.stringMatching(/Customer contact \(0.5 h\): breached.*9:30 AM \(Asia\/Shanghai\)/)]);
    const asked = () => graph.asked.filter((o) => nameOf(o) === 'HqBreachedJobOrders').at(-1)!.variables;
    expect(asked()).toEqual({ filter: { breached: true, status: undefined }, first: 20, after: null });
    fireEvent.click(screen.getByTestId('breached-next'));
    await screen.findByText('JO-jo-21');
    expect(asked()).toMatchObject({ after: 'cursor-20' });
    fireEvent.change(screen.getByTestId('breached-status'), { target: { value: 'REPLIED' } });
    await screen.findByText('JO-jo-1');
    expect(asked()).toEqual({ filter: { breached: true, status: 'REPLIED' }, first: 20, after: null });
  });

  it('shows each list’s refusal as such', async () => {
    const graph = graphOf({
      HqOpenAClassComplaints: () => ({ errors: [{ message: 'Requires one of the roles', code: 'FORBIDDEN' }] }),
      HqBreachedJobOrders: () => ({ errors: [{ message: 'Requires one of the roles', code: 'FORBIDDEN' }] }),
    });
    render(<EscalationsPage />, { wrapper: graph.wrap });
    await screen.findAllByTestId('forbidden');
    expect(screen.getAllByTestId('forbidden')).toHaveLength(2);
  });

  it('writes dates and counts the Portuguese and the Chinese way, in the center’s zone', async () => {
    const graph = graphOf();
    render(<EscalationsPage />, { wrapper: graph.wrap });
    await screen.findByTestId('a-class-row');
    await act(() => i18next.changeLanguage('pt'));
    expect(screen.getByTestId('a-class-row').textContent).toContain('ameaça mediática');
    expect(screen.getByTestId('a-class-row').textContent).toMatch(/prazo 1 de mar. de 2026, 23:30 \(America\/Sao_Paulo\)/);
    await act(() => i18next.changeLanguage('zh'));
    expect(screen.getByTestId('a-class-row').textContent).toMatch(/2026年3月1日 23:30 \(America\/Sao_Paulo\)/);
    expect(screen.getByTestId('breached-count').textContent).toBe('21 个工单');
  });
});
