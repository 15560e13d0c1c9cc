/** @jest-environment jsdom */
import { act, fireEvent, render, screen } from '@testing-library/react';
import i18next from 'i18next';
import { initI18n } from '../../i18n';
import { fakeGraph, type FakeAnswer } from '../../testing/fake-graph';
import { MeetingPacksPage } from './meeting-packs';
import { byOperation, nameOf } from './testing';

const row = (bucket: string, inbound: number, closeRate: number | null) => ({
  __typename: 'CallCenterReportRow',
  bucket,
  inboundTotal: inbound,
  outboundTotal: 40,
  jobOrdersRequested: 12,
  jobOrdersCreated: 10,
  jobOrdersClosed: 7,
  jobOrdersReopened: 1,
  closeRate,
  leads: 3,
  rescues: 1,
  escalations: 0,
  qcScored: 5,
  qcAverageScore: 87.25,
  qcIssues: 2,
});
const PACK = (kind: string): FakeAnswer => ({
  data: {
    meetingPack: {
      kind,
      granularity: 'WEEK',
      bucket: '2026-W49',
      summary: row('2026-W49', 12345, 0.7),
      breakdown: [row('2026-11-30', 2000, 0.5), row('2026-12-01', 10345, null)],
      qcByAgent: [{ agentId: 'st-cc-01', scored: 5, averageScore: 87.25, issues: 2, failed: 0 }],
    },
  },
});
const FILE: FakeAnswer = { data: { reportExport: { filename: 'meeting-weekly-2026-W49.xlsx', contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', base64: btoa('PK\u0003\u0004xlsx') } } };

describe('the meeting packs page', () => {
  beforeAll(() => initI18n('en'));
  afterEach(() => act(() => void i18next.changeLanguage('en')));

  it('shows a refusal for a role the graph refuses', async () => {
    const graph = fakeGraph(() => ({ errors: [{ message: 'Requires one of the roles', code: 'FORBIDDEN' }] }));
    render(<MeetingPacksPage />, { wrapper: graph.wrap });
    expect(await screen.findByTestId('forbidden')).toBeTruthy();
  });

  it('asks for the meeting and date chosen, and downloads that meeting’s XLSX as a file from the graph’s base64', async () => {
    const blobs: Blob[] = [];
    URL.createObjectURL = (b: Blob) => (blobs.push(b), 'blob:meeting');
    URL.revokeObjectURL = () => undefined;
    const clicked: string[] = [];
    HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
      clicked.push(this.download);
    };
    const graph = fakeGraph(byOperation({ HqMeetingPack: (op) => PACK((op.variables as any).kind), HqMeetingPackExport: () => FILE }));
    render(<MeetingPacksPage />, { wrapper: graph.wrap });
    await screen.findByTestId('meeting-table');
    const form = screen.getByRole('form');
    fireEvent.change(form.querySelector('[name=kind]')!, { target: { value: 'WEEKLY' } });
    fireEvent.change(form.querySelector('[name=at]')!, { target: { value: '2026-12-03' } });
    fireEvent.submit(form);
    await screen.findByText(/Weekly meeting \(this week\): 2026-W49/);
    expect(graph.asked.filter((o) => nameOf(o) === 'HqMeetingPack').at(-1)!.variables).toEqual({ kind: 'WEEKLY', at: '2026-12-03T12:00:00Z' });
    fireEvent.click(screen.getByTestId('download-xlsx'));
    expect((await screen.findByTestId('download-saved')).textContent).toContain('meeting-weekly-2026-W49.xlsx');
    expect(graph.asked.filter((o) => nameOf(o) === 'HqMeetingPackExport').at(-1)!.variables).toEqual({ input: { format: 'XLSX', meeting: 'WEEKLY', from: '2026-12-03T12:00:00Z' } });
    expect(clicked).toEqual(['meeting-weekly-2026-W49.xlsx']);
    expect(blobs[0]!.type).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const bytes = await new Promise<ArrayBuffer>((resolve) => {
      const reader = new FileReader();
      reader.onload = () => resolve(reader.result as ArrayBuffer);
      reader.readAsArrayBuffer(blobs[0]!);
    });
    expect(new Uint8Array(bytes).slice(0, 4)).toEqual(new Uint8Array([0x50, 0x4b, 3, 4]));
  });

  it('shows a refused export field by field', async () => {
    const graph = fakeGraph(
      byOperation({
        HqMeetingPack: () => PACK('MORNING'),
        HqMeetingPackExport: () => ({ errors: [{ message: 'bad', code: 'BAD_USER_INPUT', extensions: { issues: [{ field: 'granularity', rule: 'required', message: 'is required without a meeting' }] } }] }),
      }),
    );
    render(<MeetingPacksPage />, { wrapper: graph.wrap });
    fireEvent.click(await screen.findByTestId('download-csv'));
    expect((await screen.findByTestId('issues')).querySelector('[data-field=granularity]')?.textContent).toMatch(/required without a meeting/);
  });

  it('writes the figures the Portuguese and the Chinese way, the total last', async () => {
    const graph = fakeGraph(byOperation({ HqMeetingPack: () => PACK('MORNING') }));
    render(<MeetingPacksPage />, { wrapper: graph.wrap });
    await screen.findByTestId('meeting-table');
    await act(() => i18next.changeLanguage('pt'));
    const total = screen.getByTestId('meeting-table').querySelector('[data-total]')!;
    expect(total.textContent).toMatch(/^Total 2026-W4912\.345/);
    expect(total.textContent).toContain('70,0%');
    expect(total.textContent).toContain('87,3');
    await act(() => i18next.changeLanguage('zh'));
    expect(screen.getByTestId('meeting-table').querySelector('[data-total]')!.textContent).toMatch(/^合计 2026-W4912,345/);
  });
});
