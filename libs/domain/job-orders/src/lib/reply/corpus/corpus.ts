import { checkReply, type CompletenessElement, type ReplyDraft, type ReplyVerdict } from '../checker';
import type { Language } from '../phrases';

/**
 * Labelled job-order replies for the reply checker, written for this corpus (not taken from any
 * dealer): varied dealers, parts, faults, tenses and punctuation, with finals that mention a future
 * follow-up and not-finals that contain a repair verb. `checker.corpus.spec.ts` runs all of them and the
 * `reply-checker` bench reports accuracy, false accepts and false returns per language.
 */
export type CorpusLabel = 'final' | 'not final' | 'incomplete';

export interface CorpusReply {
  id: string;
  language: Language;
  dealer: string;
  label: CorpusLabel;
  draft: ReplyDraft;
  /** incomplete: the element that is missing. */
  missing?: CompletenessElement;
  /** not final: words of the sentence that the checker must name. */
  because?: string;
}

/** The checker's "now" for the corpus; every reply was handled and verified the day before. */
export const CORPUS_NOW = new Date('2026-03-03T08:00:00Z');
const HANDLED = new Date('2026-03-02T06:00:00Z');
const VERIFIED = new Date('2026-03-02T09:00:00Z');

export interface Entry {
  dealer: string;
  /** handler / verifier */
  people: [string, string];
  procedure: string;
  result: string;
  label: CorpusLabel;
  because?: string;
  missing?: CompletenessElement;
  /** Fields of the draft that differ from a complete one (to make it incomplete, or to decline follow-up). */
  draft?: Partial<ReplyDraft>;
}

export function build(language: Language, entries: Entry[]): CorpusReply[] {
  return entries.map((e, i) => ({
    id: `${language}-${String(i + 1).padStart(2, '0')}`,
    language,
    dealer: e.dealer,
    label: e.label,
    ...(e.missing ? { missing: e.missing } : {}),
    ...(e.because ? { because: e.because } : {}),
    draft: {
      responsiblePerson: e.people[0],
      handledAt: HANDLED,
      procedure: e.procedure,
      result: e.result,
      verifiedBy: e.people[1],
      verifiedAt: VERIFIED,
      customerAccepts: true,
      followUpPossible: true,
      ...e.draft,
    },
  }));
}

/** What the checker makes of a corpus reply, in the corpus's labels. */
export function classify(reply: CorpusReply, check: typeof checkReply = checkReply): { label: CorpusLabel; verdict: ReplyVerdict } {
  const verdict = check(reply.draft, { now: CORPUS_NOW });
  const label: CorpusLabel = verdict.accepted ? 'final' : verdict.missingElements.length ? 'incomplete' : 'not final';
  return { label, verdict };
}
