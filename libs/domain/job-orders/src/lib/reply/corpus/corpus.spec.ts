import { LANGUAGES } from '../phrases';
import { classify, REPLY_CORPUS } from './index';

describe('the labelled reply corpus', () => {
  it.each(LANGUAGES)('%s has at least 30 replies, with finals, not-finals and incomplete ones', (language) => {
    const replies = REPLY_CORPUS.filter((r) => r.language === language);
    expect(replies.length).toBeGreaterThanOrEqual(30);
    for (const label of ['final', 'not final', 'incomplete'] as const) expect(replies.filter((r) => r.label === label).length).toBeGreaterThanOrEqual(5);
    expect(new Set(replies.map((r) => r.id)).size).toBe(replies.length);
  });

  it('no reply that is not final or incomplete is accepted (0 false accepts)', () => {
    expect(REPLY_CORPUS.filter((r) => r.label !== 'final' && classify(r).verdict.accepted).map((r) => r.id)).toEqual([]);
  });

  describe.each(LANGUAGES)('%s', (language) => {
    it.each(REPLY_CORPUS.filter((r) => r.language === language).map((r) => [r.id, r.label, r] as const))('%s is %s', (_id, label, reply) => {
      const { label: got, verdict } = classify(reply);
      expect(got).toBe(label);
      if (reply.missing) expect(verdict.missingElements).toContain(reply.missing);
      if (reply.because) {
        const named = verdict.issues.filter((i) => i.kind === 'NOT_FINAL' || i.kind === 'PROCEDURE_WITHOUT_RESULT').map((i) => i.sentence ?? '');
        expect(named.some((s) => s.toLowerCase().includes(reply.because!.toLowerCase()))).toBe(true);
      }
    });
  });
});
