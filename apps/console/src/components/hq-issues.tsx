import type { CombinedError } from '@urql/core';
import { useTranslation } from 'react-i18next';
import { issuesOf } from '../graphql/client';
import { IssueItems } from './field-issues';

/**
 * A refused input, field by field as the gateway names them (`{field, rule, message}`), beside the form
 * that sent it, so the reader sees which of their inputs to change. Nothing when the input was accepted.
 */
export function HqIssues({ error }: { error?: CombinedError }) {
  const { t } = useTranslation('hq');
  const issues = issuesOf(error);
  if (!issues.length) return null;
  return (
    <article role="alert" data-testid="issues">
      <strong>{t('common.refused')}</strong>
      <ul>
        <IssueItems issues={issues} />
      </ul>
    </article>
  );
}

/** A share 0..1 as a small horizontal bar, beside the number that states it. */
export function HqBar({ share, label }: { share: number | null | undefined; label: string }) {
  const width = share === null || share === undefined ? 0 : Math.max(0, Math.min(1, share)) * 100;
  return (
    <span className="hq-bar" title={label} style={{ display: 'inline-block', width: '8rem', height: '0.7rem', background: 'var(--pico-muted-border-color, #ddd)', verticalAlign: 'middle' }}>
      <span style={{ display: 'block', width: `${width}%`, height: '100%', background: 'var(--pico-primary, #1095c1)' }} />
    </span>
  );
}
