import type { CombinedError } from '@urql/core';
import { useTranslation } from 'react-i18next';
import { codesOf, issuesOf, type FieldIssue } from '../graphql/client';

/**
 * A refused mutation, said field by field: the gateway's `{field, rule, message}` issues as a list, or
 * the refusal itself (FORBIDDEN, CONFLICT, NOT_FOUND) with the graph's message when there are none.
 */
export function FieldIssues({ error }: { error?: CombinedError }) {
  const { t } = useTranslation();
  if (!error) return null;
  const issues = issuesOf(error);
  const codes = codesOf(error);
  if (!issues.length) {
    const message = error.graphQLErrors[0]?.message ?? error.message;
    return (
      <p role="alert" data-testid="refusal" data-code={codes[0] ?? ''}>
        {codes.includes('FORBIDDEN') ? t('errors.forbidden') : t('errors.failed', { message })}
      </p>
    );
  }
  return (
    <ul role="alert" data-testid="field-issues">
      <IssueItems issues={issues} />
    </ul>
  );
}

/** Each `{field, rule, message}` as a list item naming the field and the rule. */
export function IssueItems({ issues }: { issues: FieldIssue[] }) {
  return (
    <>
      {issues.map((i) => (
        <li key={`${i.field}:${i.rule}`} data-field={i.field} data-rule={i.rule}>
          <code>{i.field}</code> {i.message} <small>({i.rule})</small>
        </li>
      ))}
    </>
  );
}

/** The issues of one field and of what it contains (`vehicle` also shows `vehicle.vin`), to show under its input. */
export function issuesAt(issues: FieldIssue[], field: string): FieldIssue[] {
  return issues.filter((i) => i.field === field || i.field.startsWith(`${field}.`));
}

/** Under an input: what the graph said about this field, and the input marked invalid by the caller. */
export function FieldHint({ issues, field }: { issues: FieldIssue[]; field: string }) {
  const mine = issuesAt(issues, field);
  if (!mine.length) return null;
  return (
    <small id={`${field}-issues`} data-testid={`issue-${field}`} className="field-issue">
      {mine.map((i) => i.message).join('; ')}
    </small>
  );
}
