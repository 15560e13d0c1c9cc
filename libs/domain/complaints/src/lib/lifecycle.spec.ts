import { allowedActions, IllegalTransitionError, nextStatus, type ComplaintAction, type ComplaintStatus } from './lifecycle';

function run(cls: 'A' | 'C' | 'SUGGESTION', actions: ComplaintAction[]): ComplaintStatus {
  return actions.reduce<ComplaintStatus>((s, a) => nextStatus(s, a, cls), 'RECEIVED');
}

describe('complaint lifecycle', () => {
  const main: ComplaintAction[] = ['CONFIRM_CLASS', 'TRANSFER', 'SIGN', 'REPLY', 'SUBMIT_SOLUTION'];

  it('walks receive -> ... -> assessment for a C complaint', () => {
    expect(run('C', [...main, 'RETURN_VISIT_SATISFIED', 'CLOSE', 'ARCHIVE', 'ASSESS'])).toBe('ASSESSED');
  });

  it('holds an A solution for approval before it reaches the customer', () => {
    expect(run('A', main)).toBe('SOLUTION_PENDING_APPROVAL');
    expect(run('A', [...main, 'REJECT_SOLUTION'])).toBe('REPLIED');
    expect(run('A', [...main, 'APPROVE_SOLUTION'])).toBe('SOLUTION_DELIVERED');
    expect(() => run('C', [...main, 'APPROVE_SOLUTION'])).toThrow(IllegalTransitionError);
  });

  it('refuses an illegal step naming the current state and the allowed ones', () => {
    try {
      run('C', ['CONFIRM_CLASS', 'CLOSE']);
      throw new Error('expected a refusal');
    } catch (e) {
      expect(e).toBeInstanceOf(IllegalTransitionError);
      expect((e as IllegalTransitionError).current).toBe('CLASSIFIED');
      expect((e as Error).message).toBe('cannot CLOSE a complaint in state CLASSIFIED; allowed from CLASSIFIED: RECLASSIFY, TRANSFER');
    }
  });

  it('lets only a suggestion close without a response', () => {
    expect(run('SUGGESTION', ['CONFIRM_CLASS', 'TRANSFER', 'SIGN', 'REPLY', 'CLOSE_NO_RESPONSE'])).toBe('CLOSED');
    expect(allowedActions('REPLIED', 'C')).not.toContain('CLOSE_NO_RESPONSE');
  });

  it('an unsatisfied return visit sends the complaint back to handling; a job-order reopen too', () => {
    expect(run('C', [...main, 'RETURN_VISIT_UNSATISFIED'])).toBe('REPLIED');
    expect(run('C', [...main, 'RETURN_VISIT_SATISFIED', 'CLOSE', 'REOPEN'])).toBe('SIGNED');
  });

  it('postpones only while the distributor is handling', () => {
    expect(allowedActions('SIGNED', 'C')).toContain('POSTPONE');
    expect(allowedActions('CLOSED', 'C')).not.toContain('POSTPONE');
  });
});
