import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../i18n/format';
import { minutesUntil } from './time';

/** How long until a deadline (or how long past it), in the reader's language. */
export function TimeLeft({ dueAt, now = new Date() }: { dueAt: string; now?: Date }) {
  const { t } = useTranslation('dealer');
  const minutes = minutesUntil(dueAt, now);
  const span = spanOf(Math.abs(minutes));
  return minutes < 0 ? <mark data-testid="overdue">{t('clock.overdueBy', { span })}</mark> : <span>{t('clock.left', { span })}</span>;
}

function spanOf(minutes: number): string {
  const d = Math.floor(minutes / 1440);
  const h = Math.floor((minutes % 1440) / 60);
  const m = minutes % 60;
  return [d ? `${d} d` : '', h ? `${h} h` : '', !d && (m || !h) ? `${m} min` : ''].filter(Boolean).join(' ');
}

/**
 * One SLA clock: its kind, the deadline the graph computed in the center's working calendar (shown in
 * the center's zone, named), and what is left of it; a breached or overdue clock is highlighted.
 */
export function ClockBadge(props: { label: string; dueAt?: string | null; endedAt?: string | null; breachedAt?: string | null; warnedAt?: string | null; met?: boolean | null; timeZone: string }) {
  const { t, i18n } = useTranslation('dealer');
  const running = !props.endedAt;
  return (
    <span data-testid="clock">
      <strong>{props.label}</strong> {props.dueAt ? formatDateTime(props.dueAt, i18n.language, props.timeZone) : t('clock.paused')}{' '}
      {running && props.dueAt ? <TimeLeft dueAt={props.dueAt} /> : null}
      {!running ? <small>{props.met ? t('clock.met') : t('clock.missed')}</small> : null}
      {props.breachedAt ? <mark> {t('clock.breached')}</mark> : props.warnedAt && running ? <small> {t('clock.warned')}</small> : null}
    </span>
  );
}
