import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { HqBar, HqIssues } from '../../components/hq-issues';
import { QueryState } from '../../components/query-state';
import { graphql } from '../../gql';
import { formatNumber, formatPercent } from '../../i18n/format';
import { HqCenterLink, RegionSelect } from './shared';

const AssessmentQuery = graphql(`
  query HqDistributorAssessment($year: Int!, $regionId: ID) {
    distributorAssessment(year: $year, regionId: $regionId) {
      rank
      serviceCenterId
      name
      serviceCenter {
        ...HqCenterFields
      }
      complaints
      closed
      closingRate
    }
  }
`);

/**
 * The annual distributor assessment of seed 002 (chapter V): distributors ranked by their complaint
 * closing rate, the input of the excellent-distributor selection. HQ roles and region managers.
 */
export function AssessmentPage() {
  const { t, i18n } = useTranslation('hq');
  const lng = i18n.language;
  // Complaints count in the UTC year they were received (complaints service): the year to open on is that one.
  const [year, setYear] = useState(() => new Date().getUTCFullYear());
  const [regionId, setRegionId] = useState<string | undefined>(undefined);
  const [result] = useQuery({ query: AssessmentQuery, variables: { year, regionId } });
  const apply = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    setYear(Number(data.get('year')));
    setRegionId(String(data.get('regionId') ?? '') || undefined);
  };
  return (
    <section>
      <h2>{t('assessment.title')}</h2>
      <p>{t('assessment.intro')}</p>
      <form onSubmit={apply} className="grid" aria-label={t('assessment.title')}>
        <label>
          {t('assessment.year')}
          <input type="number" name="year" defaultValue={year} step={1} />
        </label>
        <RegionSelect />
        <button type="submit">{t('common.apply')}</button>
      </form>
      <HqIssues error={result.error} />
      <QueryState fetching={result.fetching} error={result.error} data={result.data}>
        {({ distributorAssessment: rows }) =>
          rows.length === 0 ? (
            <p>{t('assessment.empty', { year })}</p>
          ) : (
            <table className="striped" data-testid="assessment-table">
              <thead>
                <tr>
                  <th>#</th>
                  <th>{t('scorecard.center')}</th>
                  <th>{t('figure.complaints')}</th>
                  <th>{t('kpi.closed')}</th>
                  <th>{t('figure.complaintClosingRate')}</th>
                  <th />
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.serviceCenterId}>
                    <td>{formatNumber(r.rank, lng)}</td>
                    <td>
                      <HqCenterLink center={r.serviceCenter} fallbackId={r.name ?? r.serviceCenterId} />
                    </td>
                    <td>{formatNumber(r.complaints, lng)}</td>
                    <td>{formatNumber(r.closed, lng)}</td>
                    <td>{formatPercent(r.closingRate, lng)}</td>
                    <td>
                      <HqBar share={r.closingRate} label={formatPercent(r.closingRate, lng)} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )
        }
      </QueryState>
    </section>
  );
}
