import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { graphql, useFragment, type FragmentType } from '../../gql';
import { codesOf, issuesOf, type FieldIssue } from '../../graphql/client';
import { localWallTime, toLocalInput } from './time';
import { issueNote } from './styles';

export const DealerReplyIssueFields = graphql(`
  fragment DealerReplyIssueFields on ReplyIssue {
    kind
    element
    field
    rule
    message
    language
    phrase
    sentence
  }
`);

const SubmitReplyMutation = graphql(`
  mutation DealerSubmitReply($input: ReplyInput!) {
    submitJobOrderReply(input: $input) {
      accepted
      complete
      missingElements
      issues {
        ...DealerReplyIssueFields
      }
      jobOrder {
        id
        status
      }
    }
  }
`);

type Issue = ReturnType<typeof unmaskIssue>;
const unmaskIssue = (i: FragmentType<typeof DealerReplyIssueFields>) => useFragment(DealerReplyIssueFields, i);

/** The checker's reasons: the kind in the reader's language, the checker's message, and the sentence it judged not final. */
export function ReplyIssues({ issues }: { issues: FragmentType<typeof DealerReplyIssueFields>[] }) {
  return (
    <ul data-testid="reply-issues">
      {issues.map(unmaskIssue).map((issue, i) => (
        <IssueLine key={i} issue={issue} />
      ))}
    </ul>
  );
}

function IssueLine({ issue, inline = false }: { issue: Issue; inline?: boolean }) {
  const { t } = useTranslation('dealer');
  const Line = inline ? 'span' : 'li';
  return (
    <Line data-testid="reply-issue">
      <strong>{t(`reply.kind.${issue.kind}`)}</strong>
      {issue.sentence ? (
        <>
          {' '}
          {t('reply.sentence')} <mark data-testid="not-final-sentence">{issue.sentence}</mark>
          {issue.phrase ? <small> («{issue.phrase}»)</small> : null}
        </>
      ) : null}{' '}
      <small>{issue.message}</small>
    </Line>
  );
}

type YesNo = '' | 'yes' | 'no';
const FIELDS = ['responsiblePerson', 'handledAt', 'procedure', 'result', 'verifiedBy', 'verifiedAt', 'customerAccepts', 'followUpPossible', 'noFollowUpReason'] as const;
type Field = (typeof FIELDS)[number];

/**
 * The reply form. The graph checks a reply on submit: a malformed one is refused field by field
 * (BAD_USER_INPUT), one that fails the standard comes back with every reason, shown next to the field
 * it is about (the sentence that is not final quoted in place); the dealer fixes it and sends again.
 */
export function ReplyForm({ jobOrderId, timeZone, open }: { jobOrderId: string; timeZone: string; open: boolean }) {
  const { t } = useTranslation('dealer');
  const now = toLocalInput(timeZone);
  const [form, setForm] = useState({ responsiblePerson: '', handledAt: now, procedure: '', result: '', verifiedBy: '', verifiedAt: now, customerAccepts: '' as YesNo, followUpPossible: '' as YesNo, noFollowUpReason: '' });
  // A time left as shown means "now" when sent, to the second: a reply sent in the minute the order arrived is not "handled before it was distributed".
  const [timesTyped, setTimesTyped] = useState({ handledAt: false, verifiedAt: false });
  const [sent, submit] = useMutation(SubmitReplyMutation);
  const set = (k: keyof typeof form) => (e: { target: { value: string } }) => {
    setForm({ ...form, [k]: e.target.value });
    if (k === 'handledAt' || k === 'verifiedAt') setTimesTyped({ ...timesTyped, [k]: true });
  };
  const instant = (k: 'handledAt' | 'verifiedAt') => (!form[k] ? null : timesTyped[k] ? localWallTime(timeZone, form[k]).toISOString() : new Date().toISOString());
  const verdict = sent.data?.submitJobOrderReply;
  const refusedInput = issuesOf(sent.error);
  const checkerIssues = verdict && !verdict.accepted ? verdict.issues.map(unmaskIssue) : [];
  const issuesFor = (field: Field) => checkerIssues.filter((i) => i.field === field);
  const inputIssuesFor = (field: Field) => refusedInput.filter((i) => i.field === field || i.field === `input.${field}`);

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const bool = (v: YesNo) => (v === '' ? null : v === 'yes');
    void submit({
      input: {
        jobOrderId,
        responsiblePerson: form.responsiblePerson || null,
        handledAt: instant('handledAt'),
        procedure: form.procedure || null,
        result: form.result || null,
        verifiedBy: form.verifiedBy || null,
        verifiedAt: instant('verifiedAt'),
        customerAccepts: bool(form.customerAccepts),
        followUpPossible: bool(form.followUpPossible),
        noFollowUpReason: form.noFollowUpReason || null,
      },
    });
  };

  if (verdict?.accepted) {
    return (
      <article data-testid="reply-accepted">
        <strong>{t('reply.accepted')}</strong> {t('reply.acceptedNow', { status: t(`jobOrderStatus.${verdict.jobOrder.status}`) })}
      </article>
    );
  }
  // Stays mounted when the order moves on, so the verdict of the reply just sent is still shown.
  if (!open) return null;

  const notes = (field: Field) => (
    <>
      {issuesFor(field).map((issue, i) => (
        <small key={`c${i}`} style={issueNote} data-testid={`issue-${field}`}>
          <IssueLine issue={issue} inline />
        </small>
      ))}
      {inputIssuesFor(field).map((issue, i) => (
        <small key={`i${i}`} style={issueNote} data-testid={`input-issue-${field}`}>
          {issue.message} ({issue.rule})
        </small>
      ))}
    </>
  );
  const invalid = (field: Field) => (issuesFor(field).length || inputIssuesFor(field).length ? true : undefined);
  const yesNo = (field: 'customerAccepts' | 'followUpPossible') => (
    <fieldset aria-invalid={invalid(field)}>
      <legend>{t(`reply.${field}`)}</legend>
      {(['yes', 'no'] as const).map((v) => (
        <label key={v}>
          <input type="radio" name={field} data-testid={`${field}-${v}`} checked={form[field] === v} onChange={() => setForm({ ...form, [field]: v })} />
          {t(`reply.${v}`)}
        </label>
      ))}
      {notes(field)}
    </fieldset>
  );
  const unplaced = refusedInput.filter((i) => !FIELDS.some((f) => i.field === f || i.field === `input.${f}`));
  const otherError = sent.error && refusedInput.length === 0 ? sent.error : null;

  return (
    <form onSubmit={onSubmit} data-testid="reply-form">
      <h3>{t('reply.title')}</h3>
      {verdict && !verdict.accepted ? (
        <article role="alert" data-testid="reply-refused">
          <strong>{t('reply.refused')}</strong> {t('reply.fixAndResend')}
          {verdict.missingElements.length > 0 ? (
            <p data-testid="missing-elements">
              {t('reply.missing')} {verdict.missingElements.map((el) => t(`reply.element.${el}`)).join(', ')}
            </p>
          ) : null}
        </article>
      ) : null}
      {unplaced.length > 0 || otherError ? (
        <article role="alert">
          {unplaced.map((i: FieldIssue, k) => (
            <p key={k}>
              {i.field}: {i.message} ({i.rule})
            </p>
          ))}
          {otherError ? <p>{codesOf(otherError).includes('FORBIDDEN') ? t('reply.forbidden') : otherError.message}</p> : null}
        </article>
      ) : null}
      <div className="grid">
        <label>
          {t('reply.responsiblePerson')}
          <input name="responsiblePerson" value={form.responsiblePerson} onChange={set('responsiblePerson')} aria-invalid={invalid('responsiblePerson')} />
          {notes('responsiblePerson')}
        </label>
        <label>
          {t('reply.handledAt', { zone: timeZone })}
          <input type="datetime-local" name="handledAt" value={form.handledAt} onChange={set('handledAt')} aria-invalid={invalid('handledAt')} />
          {notes('handledAt')}
        </label>
      </div>
      <label>
        {t('reply.procedure')}
        <textarea name="procedure" rows={3} value={form.procedure} onChange={set('procedure')} aria-invalid={invalid('procedure')} />
        {notes('procedure')}
      </label>
      <label>
        {t('reply.result')}
        <textarea name="result" rows={3} value={form.result} onChange={set('result')} aria-invalid={invalid('result')} />
        {notes('result')}
      </label>
      <div className="grid">
        <label>
          {t('reply.verifiedBy')}
          <input name="verifiedBy" value={form.verifiedBy} onChange={set('verifiedBy')} aria-invalid={invalid('verifiedBy')} />
          {notes('verifiedBy')}
        </label>
        <label>
          {t('reply.verifiedAt', { zone: timeZone })}
          <input type="datetime-local" name="verifiedAt" value={form.verifiedAt} onChange={set('verifiedAt')} aria-invalid={invalid('verifiedAt')} />
          {notes('verifiedAt')}
        </label>
      </div>
      <div className="grid">
        {yesNo('customerAccepts')}
        {yesNo('followUpPossible')}
      </div>
      {form.followUpPossible === 'no' || issuesFor('noFollowUpReason').length ? (
        <label>
          {t('reply.noFollowUpReason')}
          <input name="noFollowUpReason" value={form.noFollowUpReason} onChange={set('noFollowUpReason')} aria-invalid={invalid('noFollowUpReason')} />
          {notes('noFollowUpReason')}
        </label>
      ) : null}
      <button type="submit" data-testid="send-reply" aria-busy={sent.fetching}>
        {verdict ? t('reply.sendAgain') : t('reply.send')}
      </button>
    </form>
  );
}
