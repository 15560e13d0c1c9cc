/** @jest-environment jsdom */
import { fireEvent, render, screen, within } from '@testing-library/react';
import { initI18n } from '../../i18n';
import { fakeGraph, type FakeAnswer } from '../../testing/fake-graph';
import { JobOrderPage } from './job-order';
import { SHANGHAI, forbidden, inMinutes, operationName } from './spec-graph';

const jobOrder = (status: string, replies: unknown[] = []) => ({
  id: 'jo-1',
  number: 'JO-2026-000042',
  status,
  round: 1,
  reopenCount: 0,
  overdue: false,
  breached: false,
  paused: false,
  description: 'Gearbox noise after the last service',
  requirement: 'Fix it for good',
  customer: { name: '李雷' },
  vehicle: { vin: 'LJ166A2S5N1234567', model: 'T8' },
  createdAt: inMinutes(-120),
  clocks: [{ id: 'c1', kind: 'CLOSE', tier: 'DEALER', serviceCenterId: SHANGHAI.id, round: 1, dueAt: inMinutes(3000), warnedAt: null, breachedAt: null, endedAt: null, met: false }],
  holders: [
    { tier: 'DEALER', round: 1, contactedAt: inMinutes(-60), releasedAt: null, serviceCenter: SHANGHAI },
    { tier: 'HQ', round: 1, contactedAt: null, releasedAt: null, serviceCenter: null },
  ],
  replies,
});

const notFinal = {
  kind: 'NOT_FINAL',
  element: null,
  field: 'result',
  rule: 'phrase.not_final',
  message: 'not a final result: "We will replace the synchronizer when the parts arrive." ("will replace") promises or waits for something; reply when it is done',
  language: 'en',
  phrase: 'will replace',
  sentence: 'We will replace the synchronizer when the parts arrive.',
};
const missingVerifier = { kind: 'INCOMPLETE', element: 'VERIFIER_AND_TIME', field: 'verifiedBy', rule: 'required', message: 'name the manager who verified the result', language: null, phrase: null, sentence: null };

function fill(fields: Record<string, string>) {
  for (const [name, value] of Object.entries(fields)) fireEvent.change(document.querySelector(`[name="${name}"]`)!, { target: { value } });
}

describe('a job order and its reply', () => {
  beforeAll(() => initI18n('en'));

  it('says a job order outside the scope is refused, not blank', async () => {
    const graph = fakeGraph(() => forbidden);
    render(<JobOrderPage params={{ id: 'jo-other' }} />, { wrapper: graph.wrap });
    expect(await screen.findByTestId('forbidden')).toBeTruthy();
    expect(graph.asked[0].variables).toEqual({ id: 'jo-other' });
  });

  it('shows a refused reply with the reason next to the text, and the fixed one as accepted', async () => {
    const verdicts: FakeAnswer[] = [
      { data: { submitJobOrderReply: { accepted: false, complete: false, missingElements: ['VERIFIER_AND_TIME'], issues: [notFinal, missingVerifier], jobOrder: { id: 'jo-1', status: 'IN_PROGRESS' } } } },
      { data: { submitJobOrderReply: { accepted: true, complete: true, missingElements: [], issues: [], jobOrder: { id: 'jo-1', status: 'REPLIED' } } } },
    ];
    const graph = fakeGraph((op) => (operationName(op) === 'DealerSubmitReply' ? verdicts.shift()! : { data: { jobOrder: jobOrder('IN_PROGRESS') } }));
    render(<JobOrderPage params={{ id: 'jo-1' }} />, { wrapper: graph.wrap });
    await screen.findByTestId('reply-form');
    fill({
      responsiblePerson: 'Wang Wei',
      handledAt: '2026-03-02T09:30',
      procedure: 'Inspected the gearbox on the lift.',
      result: 'We will replace the synchronizer when the parts arrive.',
    });
    fireEvent.click(screen.getByTestId('customerAccepts-yes'));
    fireEvent.click(screen.getByTestId('followUpPossible-yes'));
    fireEvent.click(screen.getByTestId('send-reply'));

    expect((await screen.findByTestId('reply-refused')).textContent).toMatch(/Refused.*Missing: verifier and time/);
    // The reason stands under the result it is about, naming the sentence that is not final.
    const resultIssue = screen.getByTestId('issue-result');
    expect(within(resultIssue).getByTestId('not-final-sentence').textContent).toBe('We will replace the synchronizer when the parts arrive.');
    expect(resultIssue.textContent).toMatch(/Not a final result/);
    expect(screen.getByTestId('issue-verifiedBy').textContent).toMatch(/name the manager who verified/);
    const sent = graph.asked.find((op) => operationName(op) === 'DealerSubmitReply')!.variables as { input: Record<string, unknown> };
    expect(sent.input).toMatchObject({
      jobOrderId: 'jo-1',
      responsiblePerson: 'Wang Wei',
      // The form's wall clock is the center's: 09:30 in Shanghai.
      handledAt: '2026-03-02T01:30:00.000Z',
      result: 'We will replace the synchronizer when the parts arrive.',
      verifiedBy: null,
      customerAccepts: true,
      followUpPossible: true,
    });

    fill({ result: 'Replaced the synchronizer; the gearbox shifts quietly and the customer is satisfied.', verifiedBy: 'Li Na' });
    fireEvent.click(screen.getByTestId('send-reply'));
    expect((await screen.findByTestId('reply-accepted')).textContent).toMatch(/Accepted.*Replied/);
    const resent = graph.asked.filter((op) => operationName(op) === 'DealerSubmitReply').at(-1)!.variables as { input: Record<string, unknown> };
    expect(resent.input).toMatchObject({ verifiedBy: 'Li Na', result: 'Replaced the synchronizer; the gearbox shifts quietly and the customer is satisfied.' });
    // A time left as the form showed it is "now", to the second, when sent.
    expect(Math.abs(Date.parse(resent.input.verifiedAt as string) - Date.now())).toBeLessThan(5_000);
  });

  it('shows malformed input refused field by field', async () => {
    const graph = fakeGraph((op) =>
      operationName(op) === 'DealerSubmitReply'
        ? { errors: [{ message: 'Invalid input', code: 'BAD_USER_INPUT', extensions: { issues: [{ field: 'procedure', rule: 'maxLength', message: 'procedure must be at most 4000 characters' }] } }] }
        : { data: { jobOrder: jobOrder('DISTRIBUTED') } },
    );
    render(<JobOrderPage params={{ id: 'jo-1' }} />, { wrapper: graph.wrap });
    await screen.findByTestId('reply-form');
    fireEvent.click(screen.getByTestId('send-reply'));
    expect((await screen.findByTestId('input-issue-procedure')).textContent).toBe('procedure must be at most 4000 characters (maxLength)');
    expect(screen.queryByTestId('reply-accepted')).toBeNull();
  });

  it('lists earlier replies with their verdicts, and the clocks in the holding center’s zone', async () => {
    const refused = { id: 'r1', round: 1, at: '2026-03-02T02:00:00Z', responsiblePerson: 'Wang Wei', procedure: 'x', result: 'Awaiting approval.', accepted: false, issues: [notFinal] };
    const graph = fakeGraph(() => ({ data: { jobOrder: jobOrder('IN_PROGRESS', [refused]) } }));
    render(<JobOrderPage params={{ id: 'jo-1' }} />, { wrapper: graph.wrap });
    const replies = await screen.findByTestId('replies');
    expect(replies.textContent).toMatch(/10:00 AM \(Asia\/Shanghai\) · Wang Wei · Refused/);
    expect(within(replies).getByTestId('not-final-sentence').textContent).toBe(notFinal.sentence);
    expect(screen.getByTestId('clock').textContent).toMatch(/Solution due .*\(Asia\/Shanghai\)/);
  });
});
