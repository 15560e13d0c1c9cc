/** @jest-environment jsdom */
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { initI18n } from '../../i18n';
import { fakeGraph } from '../../testing/fake-graph';
import { FollowUpsPage } from './follow-ups';
import { SHANGHAI, centersAnswer, forbidden, operationName } from './spec-graph';

const followUp = (id: string, status: string) => ({
  id,
  repairOrderId: 'ro-1',
  kind: 'FIRST',
  scheduledFor: '2026-03-03',
  dueAt: '2026-03-05T10:00:00Z',
  status,
  customer: { name: '韩梅梅', phone: '+8613800000000', language: 'zh-CN' },
  vehicle: { vin: 'LJ166A2S5N7654321', model: 'Sunray' },
});

describe('the follow-up call list', () => {
  beforeAll(() => initI18n('en'));
  beforeEach(() => sessionStorage.clear());

  it('says a refusal by scope is a refusal', async () => {
    const graph = fakeGraph((op) => (operationName(op) === 'DealerCenters' ? centersAnswer(SHANGHAI) : forbidden));
    render(<FollowUpsPage />, { wrapper: graph.wrap });
    expect(await screen.findByTestId('forbidden')).toBeTruthy();
  });

  it("lists the calls due in the center's zone and hands one to the call center", async () => {
    const graph = fakeGraph((op) => {
      switch (operationName(op)) {
        case 'DealerCenters':
          return centersAnswer(SHANGHAI);
        case 'DealerRequestFollowUpCall':
          return { data: { requestFollowUpCall: { id: 'ro-1', followUps: [{ id: 'fu-1', status: 'CALL_REQUESTED' }] } } };
        default:
          return { data: { followUpCallList: [followUp('fu-1', 'OPEN'), followUp('fu-2', 'CALL_REQUESTED')] } };
      }
    });
    render(<FollowUpsPage />, { wrapper: graph.wrap });
    const list = await screen.findByTestId('follow-ups');
    expect(list.textContent).toMatch(/韩梅梅.*First \(after delivery\).*6:00 PM \(Asia\/Shanghai\).*To call/);
    expect(list.textContent).toMatch(/With the call center/);
    // Only an open follow-up can still be handed over.
    expect(screen.getAllByTestId('hand-to-call-center')).toHaveLength(1);
    fireEvent.click(screen.getByTestId('hand-to-call-center'));
    await waitFor(() => expect(graph.asked.find((op) => operationName(op) === 'DealerRequestFollowUpCall')?.variables).toEqual({ id: 'fu-1' }));
    expect(graph.asked.find((op) => operationName(op) === 'DealerFollowUpCallList')?.variables).toEqual({ serviceCenterId: SHANGHAI.id, date: null });

    fireEvent.change(screen.getByTestId('follow-up-date'), { target: { value: '2026-03-09' } });
    await waitFor(() => expect(graph.asked.at(-1)?.variables).toEqual({ serviceCenterId: SHANGHAI.id, date: '2026-03-09' }));
  });

  it("records the dealer's own call, and shows a refused field next to it", async () => {
    const graph = fakeGraph((op) => {
      switch (operationName(op)) {
        case 'DealerCenters':
          return centersAnswer(SHANGHAI);
        case 'DealerRecordFollowUp':
          return { errors: [{ message: 'Invalid input', code: 'BAD_USER_INPUT', extensions: { issues: [{ field: 'notes', rule: 'noControlCharacters', message: 'notes must not contain control characters' }] } }] };
        default:
          return { data: { followUpCallList: [followUp('fu-1', 'OPEN')] } };
      }
    });
    render(<FollowUpsPage />, { wrapper: graph.wrap });
    fireEvent.click(await screen.findByTestId('record-follow-up'));
    fireEvent.click(screen.getByLabelText('Satisfied'));
    fireEvent.change(screen.getByLabelText('Complaint raised in the call'), { target: { value: 'Still a noise at 80 km/h' } });
    fireEvent.change(screen.getByLabelText('Notes'), { target: { value: 'bad\u0007' } });
    fireEvent.click(screen.getByTestId('save-follow-up'));
    expect((await screen.findByTestId('input-issue-notes')).textContent).toBe('notes must not contain control characters (noControlCharacters)');
    expect(graph.asked.find((op) => operationName(op) === 'DealerRecordFollowUp')?.variables).toEqual({
      id: 'fu-1',
      input: { connected: true, satisfied: false, complaint: 'Still a noise at 80 km/h', notes: 'bad\u0007', callDurationSeconds: 180 },
    });
    // The form stays open with what was typed, to be fixed.
    expect(screen.getByTestId('follow-up-form')).toBeTruthy();
  });
});
