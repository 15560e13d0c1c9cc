import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../i18n/format';

/** "in 3 hours" / "2 days ago" in the reader's language, in the largest unit that is at least one. */
export function relative(iso: string, locale: string, now = Date.now()): string {
  const ms = new Date(iso).getTime() - now;
  const rtf = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  const abs = Math.abs(ms);
  if (abs >= 86_400_000) return rtf.format(Math.round(ms / 86_400_000), 'day');
  if (abs >= 3_600_000) return rtf.format(Math.round(ms / 3_600_000), 'hour');
  return rtf.format(Math.round(ms / 60_000), 'minute');
}

export type ClockState = 'met' | 'late' | 'breached' | 'running' | 'none';

export function clockState(c: { dueAt?: string | null; breachedAt?: string | null; endedAt?: string | null; met?: boolean | null }, now = Date.now()): ClockState {
  if (!c.dueAt) return 'none';
  if (c.endedAt) return c.met === false || c.breachedAt ? 'late' : 'met';
  if (c.breachedAt || new Date(c.dueAt).getTime() < now) return 'breached';
  return 'running';
}

/**
 * An SLA clock as a reader needs it: its kind, whether it is running, met, late or breached, and its due
 * time on the center's own wall clock with the zone named (a clock in Shanghai is read as Shanghai time).
 */
export function HqClock(props: { label: string; dueAt?: string | null; breachedAt?: string | null; endedAt?: string | null; met?: boolean | null; timeZone?: string | null }) {
  const { t, i18n } = useTranslation('hq');
  const lng = i18n.language;
  const state = clockState(props);
  const zone = props.timeZone ?? undefined;
  return (
    <span data-testid="clock" data-state={state} style={{ display: 'block' }}>
      <mark style={{ background: state === 'breached' || state === 'late' ? '#f8d7da' : state === 'running' ? '#fff3cd' : '#d1e7dd' }}>
        {props.label}: {t(`clock.${state}`)}
      </mark>{' '}
      {props.dueAt && (
        <small>
          {t('clock.due', { at: formatDateTime(props.dueAt, lng, zone) })}
          {state !== 'met' && ` · ${relative(props.breachedAt && state !== 'running' ? props.breachedAt : props.dueAt, lng)}`}
        </small>
      )}
    </span>
  );
}
