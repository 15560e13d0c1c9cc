import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useClient, useQuery } from 'urql';
import { HqIssues } from '../../components/hq-issues';
import { QueryState } from '../../components/query-state';
import { graphql, useFragment } from '../../gql';
import type { ExportFormat, MeetingKind } from '../../gql/graphql';
import type { CombinedError } from '@urql/core';
import { formatNumber, formatPercent } from '../../i18n/format';

const MeetingRowFields = graphql(`
  fragment MeetingRow on CallCenterReportRow {
    bucket
    inboundTotal
    outboundTotal
    jobOrdersRequested
    jobOrdersCreated
    jobOrdersClosed
    jobOrdersReopened
    closeRate
    leads
    rescues
    escalations
    qcScored
    qcAverageScore
    qcIssues
  }
`);

const MeetingPackQuery = graphql(`
  query HqMeetingPack($kind: MeetingKind!, $at: DateTime) {
    meetingPack(kind: $kind, at: $at) {
      kind
      granularity
      bucket
      summary {
        ...MeetingRow
      }
      breakdown {
        ...MeetingRow
      }
      qcByAgent {
        agentId
        scored
        averageScore
        issues
        failed
      }
    }
  }
`);

const ExportQuery = graphql(`
  query HqMeetingPackExport($input: ReportExportInput!) {
    reportExport(input: $input) {
      filename
      contentType
      base64
    }
  }
`);

/** The graph sends a file as base64 (so it travels under the same token and scope); the browser saves it from a blob. */
export function saveBase64(file: { filename: string; contentType: string; base64: string }): void {
  const bytes = Uint8Array.from(atob(file.base64), (ch) => ch.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: file.contentType }));
  const a = document.createElement('a');
  a.href = url;
  a.download = file.filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

const KINDS: MeetingKind[] = ['MORNING', 'WEEKLY', 'MONTHLY'];

/**
 * The call center's meeting packs of seed 002: the morning meeting (yesterday), the weekly (this ISO
 * week) and the monthly (last month), with the close rate and the QC figures, and their XLSX/CSV download.
 * Buckets are local periods in the call center's report zone (the calls service's setting).
 */
export function MeetingPacksPage() {
  const { t, i18n } = useTranslation('hq');
  const lng = i18n.language;
  const client = useClient();
  const [kind, setKind] = useState<MeetingKind>('MORNING');
  const [at, setAt] = useState<string | undefined>(undefined);
  const [result] = useQuery({ query: MeetingPackQuery, variables: { kind, at } });
  const [downloading, setDownloading] = useState<ExportFormat | null>(null);
  const [downloadError, setDownloadError] = useState<CombinedError | undefined>(undefined);
  const [saved, setSaved] = useState<string | null>(null);

  const apply = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    setKind(String(data.get('kind')) as MeetingKind);
    const date = String(data.get('at') ?? '');
    // A meeting date is a day; noon UTC falls on that day in every zone from UTC-11 to UTC+11.
    setAt(date ? `${date}T12:00:00Z` : undefined);
  };
  const download = async (format: ExportFormat) => {
    setDownloading(format);
    setDownloadError(undefined);
    setSaved(null);
    // `from` with a meeting is the meeting's date, as `at` is for the pack.
    const res = await client.query(ExportQuery, { input: { format, meeting: kind, from: at } }, { requestPolicy: 'network-only' }).toPromise();
    setDownloading(null);
    if (res.error || !res.data) return setDownloadError(res.error);
    saveBase64(res.data.reportExport);
    setSaved(res.data.reportExport.filename);
  };
  const pct = (v: number | null | undefined) => formatPercent(v, lng);
  const num = (v: number | null | undefined, d = 0) => formatNumber(v, lng, d);

  return (
    <section>
      <h2>{t('meetings.title')}</h2>
      <form onSubmit={apply} className="grid" aria-label={t('meetings.title')}>
        <label>
          {t('meetings.kind')}
          <select name="kind" defaultValue={kind}>
            {KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`meetings.${k}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('meetings.at')}
          <input type="date" name="at" />
        </label>
        <button type="submit">{t('common.apply')}</button>
      </form>
      <QueryState fetching={result.fetching} error={result.error} data={result.data}>
        {({ meetingPack: p }) => {
          const rows = useFragment(MeetingRowFields, [...p.breakdown, p.summary]);
          return (
            <>
              <p data-testid="meeting-bucket">{t('meetings.period', { kind: t(`meetings.${p.kind}`), bucket: p.bucket })}</p>
              <p>
                <button onClick={() => void download('XLSX')} aria-busy={downloading === 'XLSX'} data-testid="download-xlsx">
                  {t('meetings.downloadXlsx')}
                </button>{' '}
                <button className="secondary" onClick={() => void download('CSV')} aria-busy={downloading === 'CSV'} data-testid="download-csv">
                  {t('meetings.downloadCsv')}
                </button>
                {saved && (
                  <small role="status" data-testid="download-saved">
                    {' '}
                    {t('meetings.saved', { file: saved })}
                  </small>
                )}
              </p>
              <HqIssues error={downloadError} />
              {downloadError && !downloadError.graphQLErrors.some((e) => e.extensions?.issues) && <p role="alert">{t('common.failed', { message: downloadError.message })}</p>}
              <figure style={{ overflowX: 'auto' }}>
                <table className="striped" data-testid="meeting-table">
                  <thead>
                    <tr>
                      <th>{t('meetings.bucket')}</th>
                      <th>{t('kpi.inboundCalls')}</th>
                      <th>{t('meetings.outbound')}</th>
                      <th>{t('kpi.jobOrdersRequested')}</th>
                      <th>{t('kpi.created')}</th>
                      <th>{t('kpi.closed')}</th>
                      <th>{t('kpi.closeRate')}</th>
                      <th>{t('meetings.reopened')}</th>
                      <th>{t('meetings.leads')}</th>
                      <th>{t('kpi.rescues')}</th>
                      <th>{t('kpi.escalations')}</th>
                      <th>{t('meetings.qcScored')}</th>
                      <th>{t('meetings.qcAverage')}</th>
                      <th>{t('meetings.qcIssues')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {rows.map((r, i) => (
                      <tr key={`${r.bucket}-${i}`} data-total={i === rows.length - 1 ? 'true' : undefined}>
                        <th scope="row">{i === rows.length - 1 ? <strong>{t('meetings.total', { bucket: r.bucket })}</strong> : r.bucket}</th>
                        <td>{num(r.inboundTotal)}</td>
                        <td>{num(r.outboundTotal)}</td>
                        <td>{num(r.jobOrdersRequested)}</td>
                        <td>{num(r.jobOrdersCreated)}</td>
                        <td>{num(r.jobOrdersClosed)}</td>
                        <td>{pct(r.closeRate)}</td>
                        <td>{num(r.jobOrdersReopened)}</td>
                        <td>{num(r.leads)}</td>
                        <td>{num(r.rescues)}</td>
                        <td>{num(r.escalations)}</td>
                        <td>{num(r.qcScored)}</td>
                        <td>{num(r.qcAverageScore, 1)}</td>
                        <td>{num(r.qcIssues)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </figure>
              <h3>{t('meetings.qcByAgent')}</h3>
              {p.qcByAgent.length === 0 ? (
                <p>{t('meetings.noQc')}</p>
              ) : (
                <table>
                  <thead>
                    <tr>
                      <th>{t('meetings.agent')}</th>
                      <th>{t('meetings.qcScored')}</th>
                      <th>{t('meetings.qcAverage')}</th>
                      <th>{t('meetings.qcIssues')}</th>
                      <th>{t('meetings.qcFailed')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {p.qcByAgent.map((a) => (
                      <tr key={a.agentId}>
                        <td>{a.agentId}</td>
                        <td>{num(a.scored)}</td>
                        <td>{num(a.averageScore, 1)}</td>
                        <td>{num(a.issues)}</td>
                        <td>{num(a.failed)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
            </>
          );
        }}
      </QueryState>
    </section>
  );
}
