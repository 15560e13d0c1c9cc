import type { MandatoryReason } from '../types';
import { notFinalSentences } from './finality';
import { excusesOffTopic, findPhrases, normalizeText, trivialReply, type Language, type NotAcceptedKind, type PhraseMatch } from './phrases';

/** The seed's five elements of a complete reply (002 ch. III s. II, 1). */
export const COMPLETENESS_ELEMENTS = [
  'RESPONSIBLE_PERSON_AND_TIME',
  'PROCEDURE_AND_RESULT',
  'VERIFIER_AND_TIME',
  'CUSTOMER_ACCEPTANCE',
  'FOLLOW_UP_POSSIBILITY',
] as const;
export type CompletenessElement = (typeof COMPLETENESS_ELEMENTS)[number];

export interface ReplyDraft {
  /** Who at the holder handled it (name). */
  responsiblePerson?: string | null;
  handledAt?: Date | null;
  /** How it was handled: parts replaced, who was contacted. */
  procedure?: string | null;
  /** The final result for the customer. */
  result?: string | null;
  /** The manager who verified and approved procedure and result. */
  verifiedBy?: string | null;
  verifiedAt?: Date | null;
  customerAccepts?: boolean | null;
  followUpPossible?: boolean | null;
  /** Required when no follow-up call can be made. */
  noFollowUpReason?: string | null;
}

export interface ReplyContext {
  now: Date;
  /** When the current round was distributed: work cannot have been done before. */
  distributedAt?: Date;
  /** Customer's complaint and requirement, to judge whether an excuse relates to it. */
  complaintText?: string;
  /** Set when the reply applies for a mandatory closure on this ground. */
  mandatory?: MandatoryReason;
}

export interface ReplyIssue {
  kind: NotAcceptedKind;
  element: CompletenessElement | null;
  field: string;
  rule: string;
  message: string;
  language: Language | null;
  phrase: string | null;
  /** The sentence, as written, that made the reply not final (NOT_FINAL, PROCEDURE_WITHOUT_RESULT). */
  sentence: string | null;
}

export interface ReplyVerdict {
  accepted: boolean;
  /** All five elements present (phrase problems aside). */
  complete: boolean;
  missingElements: CompletenessElement[];
  issues: ReplyIssue[];
}

const blank = (s: string | null | undefined) => !s || !s.trim();

/**
 * Checks a job-order reply against the completeness standard and the six not-accepted kinds.
 * Returns every reason at once, so the holder can fix the reply in one go.
 */
export function checkReply(draft: ReplyDraft, ctx: ReplyContext): ReplyVerdict {
  const issues: ReplyIssue[] = [];
  const missing = new Set<CompletenessElement>();
  const element = (el: CompletenessElement, field: string, rule: string, message: string, kind: NotAcceptedKind = 'INCOMPLETE') => {
    missing.add(el);
    issues.push({ kind, element: el, field, rule, message, language: null, phrase: null, sentence: null });
  };
  const phrase = (kind: NotAcceptedKind, field: string, m: Pick<PhraseMatch, 'language' | 'phrase'>, message: string, sentence: string | null = null) => {
    // Portuguese and Spanish share words: one issue per wording, in the first language that has it.
    if (issues.some((i) => i.kind === kind && i.field === field && i.phrase === m.phrase && i.sentence === sentence)) return;
    issues.push({ kind, element: null, field, rule: `phrase.${kind.toLowerCase()}`, message, language: m.language, phrase: m.phrase, sentence });
  };

  const now = ctx.now.getTime();
  // 1. Responsible person and time.
  if (blank(draft.responsiblePerson)) element('RESPONSIBLE_PERSON_AND_TIME', 'responsiblePerson', 'required', 'name the person responsible for handling');
  if (!draft.handledAt) element('RESPONSIBLE_PERSON_AND_TIME', 'handledAt', 'required', 'say when it was handled');
  else if (draft.handledAt.getTime() > now) element('RESPONSIBLE_PERSON_AND_TIME', 'handledAt', 'notInFuture', 'handling time is in the future');
  else if (ctx.distributedAt && draft.handledAt.getTime() < ctx.distributedAt.getTime()) {
    element('RESPONSIBLE_PERSON_AND_TIME', 'handledAt', 'afterDistribution', 'handling time is before the job order was distributed');
  }

  // 2. Procedure and result.
  const procedure = normalizeText(draft.procedure ?? '');
  const result = normalizeText(draft.result ?? '');
  if (!procedure && !result) element('PROCEDURE_AND_RESULT', 'procedure', 'required', 'describe how it was handled and the result');
  else if (!result) element('PROCEDURE_AND_RESULT', 'result', 'required', 'a procedure without a final result', 'PROCEDURE_WITHOUT_RESULT');
  else if (!procedure) element('PROCEDURE_AND_RESULT', 'procedure', 'required', 'describe how it was handled (parts replaced, who was contacted)');

  // 3. Verifier and time: a manager other than the handler approves it.
  if (blank(draft.verifiedBy)) element('VERIFIER_AND_TIME', 'verifiedBy', 'required', 'name the manager who verified the result');
  else if (!blank(draft.responsiblePerson) && normalizeText(draft.verifiedBy!) === normalizeText(draft.responsiblePerson!)) {
    element('VERIFIER_AND_TIME', 'verifiedBy', 'differentPerson', 'the verifier must be someone other than the person who handled it');
  }
  if (!draft.verifiedAt) element('VERIFIER_AND_TIME', 'verifiedAt', 'required', 'say when it was verified');
  else if (draft.verifiedAt.getTime() > now) element('VERIFIER_AND_TIME', 'verifiedAt', 'notInFuture', 'verification time is in the future');
  else if (draft.handledAt && draft.handledAt.getTime() <= now && draft.verifiedAt.getTime() < draft.handledAt.getTime()) {
    element('VERIFIER_AND_TIME', 'verifiedAt', 'afterHandling', 'verified before it was handled');
  }

  // 4. Whether the customer accepts the result.
  if (draft.customerAccepts === null || draft.customerAccepts === undefined) {
    element('CUSTOMER_ACCEPTANCE', 'customerAccepts', 'required', 'say whether the customer accepts the result');
  }

  // 5. Follow-up possible, or the special reason why not (legal process / risk control skips it).
  if (ctx.mandatory !== 'LEGAL_OR_RISK_CONTROL') {
    if (draft.followUpPossible === null || draft.followUpPossible === undefined) {
      element('FOLLOW_UP_POSSIBILITY', 'followUpPossible', 'required', 'say whether a follow-up call can be made');
    } else if (!draft.followUpPossible && blank(draft.noFollowUpReason)) {
      element('FOLLOW_UP_POSSIBILITY', 'noFollowUpReason', 'required', 'give the special reason no follow-up call can be made');
    }
  }

  // Not-accepted kinds found in the wording.
  for (const [field, text] of [['result', result], ['procedure', procedure]] as const) {
    const trivial = trivialReply(text);
    if (trivial) phrase('INCOMPLETE', field, trivial, `"${trivial.phrase}" alone is not a reply: give the procedure and the result`);
  }
  if (result && !trivialReply(result)) {
    // Procedure and result together must carry the final result; a promise in either returns the reply.
    const fields = ['procedure', 'result'] as const;
    notFinalSentences(fields.map((f) => draft[f] ?? '')).forEach((found, i) => {
      for (const s of found) {
        const message =
          s.kind === 'NOT_FINAL'
            ? `not a final result: "${s.sentence}" ("${s.phrase}") promises or waits for something; reply when it is done`
            : `a procedure without a result: "${s.sentence}" ("${s.phrase}") says what is being done, not the outcome`;
        phrase(s.kind, fields[i]!, s, message, s.sentence);
      }
    });
    for (const m of findPhrases(result, 'NOT_ANSWERING')) phrase('NOT_ANSWERING', 'result', m, `"${m.phrase}" does not answer the customer's question`);
    if (draft.customerAccepts !== true) {
      for (const m of findPhrases(result, 'DENIAL_WITHOUT_COMMUNICATION')) {
        phrase('DENIAL_WITHOUT_COMMUNICATION', 'result', m, `"${m.phrase}" denies the requirement without the customer agreeing`);
      }
    }
  }
  if (ctx.complaintText) {
    const complaint = normalizeText(ctx.complaintText);
    for (const [field, text] of [['result', result], ['procedure', procedure]] as const) {
      for (const m of excusesOffTopic(text, complaint)) {
        phrase('IRRELEVANT_EXCUSE', field, m, `"${m.phrase}" is an excuse unrelated to the complaint`);
      }
    }
  }

  const missingElements = [...missing];
  return { accepted: issues.length === 0, complete: missingElements.length === 0, missingElements, issues };
}
