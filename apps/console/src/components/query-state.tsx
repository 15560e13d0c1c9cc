import type { CombinedError } from '@urql/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { codesOf } from '../graphql/client';

/**
 * Every page renders its query through this: loading, a refusal by scope (FORBIDDEN is said as such,
 * never a blank page), not found, any other error with the graph's message, else the content.
 */
export function QueryState<T>(props: { fetching: boolean; error?: CombinedError; data?: T | null; children: (data: T) => ReactNode }) {
  const { t } = useTranslation();
  const codes = codesOf(props.error);
  if (codes.includes('FORBIDDEN')) return <Forbidden />;
  if (codes.includes('NOT_FOUND')) return <p role="alert">{t('errors.notFound')}</p>;
  if (props.error && !props.data) return <p role="alert">{t('errors.failed', { message: props.error.message })}</p>;
  if (!props.data) return <p aria-busy="true">{t('errors.loading')}</p>;
  return <>{props.children(props.data)}</>;
}

export function Forbidden() {
  const { t } = useTranslation();
  return (
    <article role="alert" data-testid="forbidden">
      <strong>403</strong> {t('errors.forbidden')}
    </article>
  );
}
