import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { useQuery } from 'urql';
import { HqIssues } from '../../components/hq-issues';
import { Forbidden } from '../../components/query-state';
import { codesOf } from '../../graphql/client';
import { graphql } from '../../gql';
import type { CenterPageQuery } from '../../gql/graphql';
import { formatDate, formatDateTime, formatNumber, formatPercent } from '../../i18n/format';
import { defaultPeriod } from './shared';

const CenterQuery = graphql(`
  query CenterPage($id: ID!, $from: String!, $to: String!, $year: Int!) {
    serviceCenter(id: $id) {
      id
      code
      name
      kind
      country
      regionId
      region {
        name
      }
      timeZone
      status
      rescue24h
      isStar
      star {
        auditDate
      }
      address {
        line1
        city
      }
      phones
      calendar {
        weekly {
          weekday
          slots {
            start
            end
          }
        }
        closures
        extraWorkingDays {
          date
        }
        observePublicHolidays
        subdivision
      }
      jobOrderKpis {
        created
        closed
        closeRate
        onTimeContactRate
        progressRate
        onTimeCloseRate
        meanTimeToCloseHours
        reopenRate
      }
      complaintKpis(year: $year) {
        year
        complaints
        deliveries
        complaintRate
        closingRate
        onTimeReplyRate
        onTimeSolutionRate
        satisfiedClosingRate
        repeatShare
      }
      workshopKpis(from: $from, to: $to) {
        appointmentRate
        fixFirstVisitRate
        partsAvailabilityRate
        qcRate
        qcPassRate
        onTimeDeliveryRate
        onTimeCompletionRate
        estimateAccuracyRate
        effectiveFollowUpRate
        rescueScore
        rescueDispatchCompletionRate
        rescueOnTimeArrivalRate
        rescueBackOnRoadRate
        counters {
          arrivals
          deliveries
          rescueDispatches
        }
      }
      partsKpis {
        lineFillRate {
          rate
        }
        orderFillRate {
          rate
        }
        avgSupplyCycleHours
        stockTurns
        stockOuts
      }
      satisfaction(from: $from, to: $to) {
        invited
        responses
        responseRate
        csi {
          score
        }
        nps {
          score
        }
      }
      callCenterKpis {
        inboundCalls
        complaints
        rescues
        jobOrdersRequested
        onTimeContactRate
        escalations
        followUpSatisfactionRate
      }
      leadKpis(from: $from, to: $to) {
        received
        sold
        contactRate
        conversionRate
      }
    }
  }
`);

/** The center's row of the scorecard (rank, score), found in its region and country: the graph has no scorecard by id. */
const CenterRankQuery = graphql(`
  query CenterRank($input: ScorecardInput) {
    scorecard(input: $input) {
      rows {
        center {
          id
        }
        rank
        networkRank
        score
        coverage
      }
    }
  }
`);

type Center = CenterPageQuery['serviceCenter'];
type Fig = { label: string; value: number | null | undefined; as: 'rate' | 'count' | 'points' | 'hours' };

/** Monday first, as ISO weekdays (1..7) count; the names in the reader's language. */
function weekdayName(weekday: number, locale: string): string {
  // 2024-01-01 was a Monday.
  return new Intl.DateTimeFormat(locale, { weekday: 'short', timeZone: 'UTC' }).format(new Date(Date.UTC(2024, 0, weekday)));
}

function Figures({ title, figures, testId }: { title: string; figures: Fig[] | null; testId: string }) {
  const { t, i18n } = useTranslation('hq');
  const lng = i18n.language;
  const show = (f: Fig) =>
    f.as === 'rate' ? formatPercent(f.value, lng) : f.as === 'hours' ? t('center.hours', { n: formatNumber(f.value, lng, 1) }) : formatNumber(f.value, lng, 0);
  return (
    <article data-testid={testId}>
      <header>
        <strong>{title}</strong>
      </header>
      {figures ? (
        <dl>
          {figures.map((f) => (
            <div key={f.label} style={{ display: 'flex', justifyContent: 'space-between', gap: '1rem' }}>
              <dt>{f.label}</dt>
              <dd>{show(f)}</dd>
            </div>
          ))}
        </dl>
      ) : (
        <p>{t('center.noFigures')}</p>
      )}
    </article>
  );
}

function CalendarSummary({ center }: { center: Center }) {
  const { t, i18n } = useTranslation('hq');
  const lng = i18n.language;
  const cal = center.calendar;
  const days = [1, 2, 3, 4, 5, 6, 7].map((d) => ({ d, slots: cal.weekly.find((w) => w.weekday === d)?.slots ?? [] }));
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: center.timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
  const upcoming = cal.closures.filter((c) => c >= today).sort();
  return (
    <article data-testid="calendar">
      <header>
        <strong>{t('center.calendar')}</strong>
      </header>
      <table>
        <tbody>
          {days.map(({ d, slots }) => (
            <tr key={d}>
              <th scope="row">{weekdayName(d, lng)}</th>
              <td>{slots.length ? slots.map((s) => `${s.start}–${s.end}`).join(', ') : t('center.closed')}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p>
        {cal.observePublicHolidays ? t('center.holidays', { country: center.country, subdivision: cal.subdivision ?? '' }) : t('center.noHolidays')}
        <br />
        {t('center.closures', { n: formatNumber(upcoming.length, lng) })}
        {upcoming.length > 0 && ` (${upcoming.slice(0, 5).map((c) => formatDate(`${c}T12:00:00Z`, lng, 'UTC')).join(', ')})`}
        <br />
        {t('center.extraDays', { n: formatNumber(cal.extraWorkingDays.length, lng) })}
      </p>
    </article>
  );
}

function figuresOf(c: Center, t: TFunction<'hq'>): { title: string; testId: string; figures: Fig[] | null }[] {
  const j = c.jobOrderKpis;
  const k = c.complaintKpis;
  const w = c.workshopKpis;
  const p = c.partsKpis;
  const s = c.satisfaction;
  const cc = c.callCenterKpis;
  const l = c.leadKpis;
  const F = (key: string, value: number | null | undefined, as: Fig['as'] = 'rate'): Fig => ({ label: t(key as never), value, as });
  return [
    {
      title: t('center.jobOrders'),
      testId: 'kpi-job-orders',
      figures: j && [
        F('kpi.created', j.created, 'count'),
        F('kpi.closed', j.closed, 'count'),
        F('kpi.closeRate', j.closeRate),
        F('figure.jobOrderOnTimeContactRate', j.onTimeContactRate),
        F('kpi.progressRate', j.progressRate),
        F('figure.jobOrderOnTimeCloseRate', j.onTimeCloseRate),
        F('kpi.meanTimeToClose', j.meanTimeToCloseHours, 'hours'),
        F('figure.jobOrderReopenRate', j.reopenRate),
      ],
    },
    {
      title: t('center.complaints', { year: k?.year ?? '' }),
      testId: 'kpi-complaints',
      figures: k && [
        F('figure.complaints', k.complaints, 'count'),
        F('kpi.deliveries', k.deliveries, 'count'),
        F('figure.complaintRate', k.complaintRate),
        F('figure.complaintClosingRate', k.closingRate),
        F('kpi.onTimeReplyRate', k.onTimeReplyRate),
        F('figure.complaintOnTimeSolutionRate', k.onTimeSolutionRate),
        F('kpi.satisfiedClosingRate', k.satisfiedClosingRate),
        F('figure.repeatComplaintShare', k.repeatShare),
      ],
    },
    {
      title: t('center.workshop'),
      testId: 'kpi-workshop',
      figures: w && [
        F('kpi.arrivals', w.counters.arrivals, 'count'),
        F('kpi.deliveries', w.counters.deliveries, 'count'),
        F('figure.appointmentRate', w.appointmentRate),
        F('figure.fixFirstVisitRate', w.fixFirstVisitRate),
        F('figure.partsAvailabilityRate', w.partsAvailabilityRate),
        F('kpi.qcRate', w.qcRate),
        F('figure.qcPassRate', w.qcPassRate),
        F('figure.onTimeDeliveryRate', w.onTimeDeliveryRate),
        F('kpi.onTimeCompletionRate', w.onTimeCompletionRate),
        F('figure.estimateAccuracyRate', w.estimateAccuracyRate),
        F('figure.effectiveFollowUpRate', w.effectiveFollowUpRate),
      ],
    },
    {
      title: t('center.rescue'),
      testId: 'kpi-rescue',
      figures: w && [
        F('kpi.rescueDispatches', w.counters.rescueDispatches, 'count'),
        F('figure.rescueScore', w.rescueScore),
        F('kpi.dispatchCompletion', w.rescueDispatchCompletionRate),
        F('kpi.onTimeArrival', w.rescueOnTimeArrivalRate),
        F('kpi.backOnRoad', w.rescueBackOnRoadRate),
      ],
    },
    {
      title: t('center.parts'),
      testId: 'kpi-parts',
      figures: p && [
        F('figure.lineFillRate', p.lineFillRate.rate),
        F('figure.orderFillRate', p.orderFillRate.rate),
        F('kpi.supplyCycle', p.avgSupplyCycleHours, 'hours'),
        F('kpi.stockTurns', p.stockTurns, 'points'),
        F('kpi.stockOuts', p.stockOuts, 'count'),
      ],
    },
    {
      title: t('center.surveys'),
      testId: 'kpi-surveys',
      figures: [
        F('kpi.invited', s.invited, 'count'),
        F('figure.surveyResponses', s.responses, 'count'),
        F('figure.surveyResponseRate', s.responseRate),
        F('figure.csi', s.csi.score, 'points'),
        F('figure.nps', s.nps.score, 'points'),
      ],
    },
    {
      title: t('center.callCenter'),
      testId: 'kpi-call-center',
      figures: cc && [
        F('kpi.inboundCalls', cc.inboundCalls, 'count'),
        F('figure.complaints', cc.complaints, 'count'),
        F('kpi.rescues', cc.rescues, 'count'),
        F('kpi.jobOrdersRequested', cc.jobOrdersRequested, 'count'),
        F('figure.callOnTimeContactRate', cc.onTimeContactRate),
        F('kpi.escalations', cc.escalations, 'count'),
        F('figure.callFollowUpSatisfactionRate', cc.followUpSatisfactionRate),
      ],
    },
    {
      title: t('center.leads'),
      testId: 'kpi-leads',
      figures: l && [
        F('figure.leadsReceived', l.received, 'count'),
        F('kpi.sold', l.sold, 'count'),
        F('figure.leadContactRate', l.contactRate),
        F('figure.leadConversionRate', l.conversionRate),
      ],
    },
  ];
}

function Rank({ center, from, to }: { center: Center; from: string; to: string }) {
  const { t, i18n } = useTranslation('hq');
  const lng = i18n.language;
  const [result] = useQuery({
    query: CenterRankQuery,
    variables: { input: { regionId: center.regionId, country: center.country, from, to, sortBy: 'CODE', direction: 'ASC', first: 1000 } },
  });
  const row = result.data?.scorecard.rows.find((r) => r.center.id === center.id);
  if (!row) return null;
  return (
    <p data-testid="center-rank">
      {t('center.score', {
        score: formatPercent(row.score, lng),
        coverage: formatPercent(row.coverage, lng, 0),
        rank: formatNumber(row.networkRank, lng),
      })}
    </p>
  );
}

/**
 * One center with every service's figures. The graph answers NOT_FOUND for a center outside the
 * caller's scope exactly as for one that does not exist (network: "invisible and missing look the
 * same"), so this page says so as a refusal, and FORBIDDEN as the forbidden page.
 */
export function CenterPage({ params }: { params: Record<string, string | undefined> }) {
  const { t, i18n } = useTranslation('hq');
  const lng = i18n.language;
  const id = params.id ?? '';
  const [period, setPeriod] = useState(() => defaultPeriod() as { from: string; to: string });
  const year = Number(period.to.slice(0, 4));
  const [result] = useQuery({ query: CenterQuery, variables: { id, from: period.from, to: period.to, year } });
  const codes = codesOf(result.error);
  const apply = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    setPeriod({ from: String(data.get('from') || period.from), to: String(data.get('to') || period.to) });
  };

  if (codes.includes('FORBIDDEN')) return <Forbidden />;
  if (codes.includes('NOT_FOUND') && !result.data)
    return (
      <article role="alert" data-testid="center-refused">
        <strong>{t('center.refusedTitle')}</strong> {t('center.refused', { id })}
      </article>
    );
  const c = result.data?.serviceCenter;
  return (
    <section>
      <form onSubmit={apply} className="grid" aria-label={t('center.period')}>
        <label>
          {t('common.fromMonth')}
          <input type="month" name="from" defaultValue={period.from} />
        </label>
        <label>
          {t('common.toMonth')}
          <input type="month" name="to" defaultValue={period.to} />
        </label>
        <button type="submit">{t('common.apply')}</button>
      </form>
      <HqIssues error={result.error} />
      {!c && !result.error && <p aria-busy="true">{t('common.loading')}</p>}
      {!c && result.error && !codes.includes('BAD_USER_INPUT') && <p role="alert">{t('common.failed', { message: result.error.message })}</p>}
      {c && (
        <>
          <hgroup>
            <h2 data-testid="center-title">
              {c.code} {c.name} {c.isStar && <span title={t('scorecard.starOnly')}>★</span>}
            </h2>
            <p>
              {t(`kind.${c.kind}`, { defaultValue: c.kind })} · {c.region?.name ?? c.regionId} · {c.country} · {t(`status.${c.status}`, { defaultValue: c.status })}
              {c.rescue24h && ` · ${t('center.rescue24h')}`}
            </p>
          </hgroup>
          <p data-testid="center-zone">
            {t('center.zone', { zone: c.timeZone, now: formatDateTime(new Date().toISOString(), lng, c.timeZone) })}
          </p>
          <p>
            {c.address.line1}, {c.address.city} · {c.phones.join(', ')}
            {c.star && ` · ${t('center.starAudit', { date: formatDate(`${c.star.auditDate}T12:00:00Z`, lng, 'UTC') })}`}
          </p>
          <Rank center={c} from={period.from} to={period.to} />
          <p>
            <small>{t('center.periods', { from: period.from, to: period.to, year })}</small>
          </p>
          <div className="grid" style={{ gridTemplateColumns: 'repeat(auto-fit, minmax(18rem, 1fr))' }}>
            {figuresOf(c, t).map((s) => (
              <Figures key={s.testId} {...s} />
            ))}
            <CalendarSummary center={c} />
          </div>
        </>
      )}
    </section>
  );
}
