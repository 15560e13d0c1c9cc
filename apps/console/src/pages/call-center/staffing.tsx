import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { FieldHint, FieldIssues } from '../../components/field-issues';
import { Forbidden, QueryState } from '../../components/query-state';
import { graphql } from '../../gql';
import type { StaffingInput } from '../../gql/graphql';
import { codesOf, issuesOf } from '../../graphql/client';
import { formatDate, formatNumber, formatPercent } from '../../i18n/format';

const HourlyHistoryQuery = graphql(`
  query ConsoleStaffingHistory($from: DateTime!, $to: DateTime!) {
    callCenterReport(granularity: HOUR, from: $from, to: $to) {
      bucket
      inboundTotal
    }
  }
`);

const StaffingPlanQuery = graphql(`
  query ConsoleStaffingPlan($input: StaffingInput!) {
    staffingPlan(input: $input) {
      totalCalls
      seedDailyAgents
      seedCallsPerAgentDay
      erlangCPeakRostered
      intervals {
        label
        calls
        trafficErlangs
        seed {
          agents
        }
        erlangC {
          agents
          serviceLevel
          asaSec
          occupancy
          rostered
        }
      }
    }
  }
`);

/** Same weekday, this many weeks back: enough to smooth one odd day, recent enough to follow the season. */
export const FORECAST_WEEKS = 4;
const HOURS = Array.from({ length: 24 }, (_, h) => String(h).padStart(2, '0'));

const isoDate = (d: Date) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;

/** Tomorrow (the reader's calendar day) and the same weekday of the last weeks, whose hours make the forecast. */
export function forecastDays(now: Date): { tomorrow: string; sameWeekdays: string[] } {
  const day = (offset: number) => isoDate(new Date(now.getFullYear(), now.getMonth(), now.getDate() + offset));
  return { tomorrow: day(1), sameWeekdays: Array.from({ length: FORECAST_WEEKS }, (_, w) => day(1 - 7 * (w + 1))) };
}

/**
 * Calls forecast for each hour of tomorrow: the mean of the same hour on the same weekday of the last
 * weeks. Report buckets are the call center's local hours (`2026-06-06T09`), so a day is picked by
 * its label, not by instants.
 */
export function hourlyForecast(rows: { bucket: string; inboundTotal: number }[], sameWeekdays: string[]): number[] {
  const sums = HOURS.map(() => 0);
  for (const r of rows) {
    const [date, hour] = r.bucket.split('T');
    if (hour !== undefined && sameWeekdays.includes(date!)) sums[Number(hour)]! += r.inboundTotal;
  }
  return sums.map((s) => Math.round((s / sameWeekdays.length) * 10) / 10);
}

interface Targets {
  ahtSec: string;
  serviceLevelTarget: string;
  answerWithinSec: string;
  shrinkage: string;
  peakCoefficient: string;
  effectiveHoursPerAgentDay: string;
}

const DEFAULT_TARGETS: Targets = { ahtSec: '180', serviceLevelTarget: '0.8', answerWithinSec: '20', shrinkage: '0.3', peakCoefficient: '1.5', effectiveHoursPerAgentDay: '7' };

/**
 * Staffing for tomorrow: the hourly forecast from the call-center report (editable), planned by the
 * calls service with the seed's formula and Erlang C side by side.
 */
export function StaffingPage() {
  const { t, i18n } = useTranslation('callCenter');
  const [now] = useState(() => new Date());
  const { tomorrow, sameWeekdays } = useMemo(() => forecastDays(now), [now]);
  const range = useMemo(() => ({ from: new Date(`${sameWeekdays.at(-1)}T00:00:00`).getTime() - 86_400_000, to: now.getTime() }), [sameWeekdays, now]);
  const [history] = useQuery({
    query: HourlyHistoryQuery,
    variables: { from: new Date(range.from).toISOString(), to: new Date(range.to).toISOString() },
  });
  const [calls, setCalls] = useState<string[] | null>(null);
  const [targets, setTargets] = useState<Targets>(DEFAULT_TARGETS);
  const [input, setInput] = useState<StaffingInput | null>(null);
  const [plan] = useQuery({ query: StaffingPlanQuery, variables: { input: input! }, pause: !input });

  const rows = history.data?.callCenterReport;
  useEffect(() => {
    if (rows && calls === null) setCalls(hourlyForecast(rows, sameWeekdays).map(String));
  }, [rows, calls, sameWeekdays]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setInput({
      intervals: HOURS.map((h, i) => ({ label: `${h}:00`, calls: Number(calls?.[i] ?? 0) })),
      intervalMinutes: 60,
      ahtSec: Number(targets.ahtSec),
      serviceLevelTarget: Number(targets.serviceLevelTarget),
      answerWithinSec: Number(targets.answerWithinSec),
      shrinkage: Number(targets.shrinkage),
      peakCoefficient: Number(targets.peakCoefficient),
      effectiveHoursPerAgentDay: Number(targets.effectiveHoursPerAgentDay),
    });
  };
  const issues = issuesOf(plan.error);
  const result = plan.data?.staffingPlan;
  const lng = i18n.language;
  const pct = (x: number | null | undefined) => formatPercent(x, lng);

  return (
    <section>
      <h2>{t('staffing.title', { date: formatDate(`${tomorrow}T12:00:00Z`, lng, 'UTC') })}</h2>
      <p>
        <small>{t('staffing.method', { weeks: FORECAST_WEEKS, days: sameWeekdays.map((d) => formatDate(`${d}T12:00:00Z`, lng, 'UTC')).join(', ') })}</small>
      </p>
      <QueryState fetching={history.fetching} error={history.error} data={history.data}>
        {() => (
          <form onSubmit={submit} aria-label={t('staffing.plan')}>
            <div className="grid">
              {(Object.keys(DEFAULT_TARGETS) as (keyof Targets)[]).map((k) => (
                <label key={k}>
                  {t(`staffing.targets.${k}`)}
                  <input
                    name={k}
                    type="number"
                    step="any"
                    value={targets[k]}
                    aria-invalid={issues.some((i) => i.field === k) || undefined}
                    onChange={(e) => setTargets({ ...targets, [k]: e.target.value })}
                  />
                  <FieldHint issues={issues} field={k} />
                </label>
              ))}
            </div>
            {codesOf(plan.error).includes('FORBIDDEN') ? <Forbidden /> : <FieldIssues error={plan.error} />}
            <button type="submit" aria-busy={plan.fetching} disabled={plan.fetching}>
              {t('staffing.plan')}
            </button>
            {result && (
              <p data-testid="staffing-summary">
                {t('staffing.summary', {
                  calls: formatNumber(result.totalCalls, lng, 1),
                  seed: formatNumber(result.seedDailyAgents, lng),
                  peak: formatNumber(result.erlangCPeakRostered, lng),
                  perAgent: formatNumber(result.seedCallsPerAgentDay, lng),
                })}
              </p>
            )}
            <table className="striped">
              <thead>
                <tr>
                  <th>{t('staffing.hour')}</th>
                  <th>{t('staffing.forecast')}</th>
                  <th>{t('staffing.erlangs')}</th>
                  <th>{t('staffing.seedAgents')}</th>
                  <th>{t('staffing.erlangAgents')}</th>
                  <th>{t('staffing.serviceLevel')}</th>
                  <th>{t('staffing.asa')}</th>
                  <th>{t('staffing.occupancy')}</th>
                  <th>{t('staffing.rostered')}</th>
                </tr>
              </thead>
              <tbody>
                {HOURS.map((h, i) => {
                  const iv = result?.intervals[i];
                  return (
                    <tr key={h}>
                      <td>{h}:00</td>
                      <td>
                        <input
                          aria-label={t('staffing.forecastAt', { hour: `${h}:00` })}
                          name={`calls-${h}`}
                          type="number"
                          step="any"
                          value={calls?.[i] ?? '0'}
                          aria-invalid={issues.some((x) => x.field === `intervals.${i}.calls`) || undefined}
                          onChange={(e) => setCalls((c) => (c ?? HOURS.map(() => '0')).map((v, j) => (j === i ? e.target.value : v)))}
                        />
                        <FieldHint issues={issues} field={`intervals.${i}.calls`} />
                      </td>
                      <td>{iv ? formatNumber(iv.trafficErlangs, lng, 2) : ''}</td>
                      <td>{iv ? formatNumber(iv.seed.agents, lng) : ''}</td>
                      <td>{iv ? formatNumber(iv.erlangC.agents, lng) : ''}</td>
                      <td>{iv ? pct(iv.erlangC.serviceLevel) : ''}</td>
                      <td>{iv ? (iv.erlangC.asaSec === null ? '∞' : `${formatNumber(iv.erlangC.asaSec, lng, 1)} s`) : ''}</td>
                      <td>{iv ? pct(iv.erlangC.occupancy) : ''}</td>
                      <td data-testid={`rostered-${h}`}>{iv ? formatNumber(iv.erlangC.rostered, lng) : ''}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </form>
        )}
      </QueryState>
    </section>
  );
}
