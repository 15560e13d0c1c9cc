import { bucketsBetween, counterIdsAt, meetingPeriod, reportColumns, flattenRow, reportRow } from './reports';

const zone = 'Asia/Shanghai';

describe('report buckets', () => {
  it('an instant counts in its local hour, day, ISO week and month', () => {
    // 2026-01-01 00:30 in Shanghai is still 2025-12-31 16:30 UTC; ISO week 2026-W01 starts Mon 2025-12-29.
    expect(counterIdsAt(new Date('2025-12-31T16:30:00Z'), zone)).toEqual(['hour|2026-01-01T00', 'day|2026-01-01', 'week|2026-W01', 'month|2026-01']);
  });

  it('lists the buckets of a range and refuses an enormous one', () => {
    expect(bucketsBetween('DAY', new Date('2026-06-01T00:00:00Z'), new Date('2026-06-03T12:00:00Z'), zone)).toEqual(['2026-06-01', '2026-06-02', '2026-06-03']);
    expect(bucketsBetween('MONTH', new Date('2026-11-15T00:00:00Z'), new Date('2027-01-02T00:00:00Z'), zone)).toEqual(['2026-11', '2026-12', '2027-01']);
    expect(() => bucketsBetween('HOUR', new Date('2020-01-01T00:00:00Z'), new Date('2026-01-01T00:00:00Z'), zone)).toThrow(RangeError);
  });

  it('meetings review yesterday, this week and last month', () => {
    const friday = new Date('2026-06-05T01:00:00Z'); // Friday 09:00 in Shanghai
    expect(meetingPeriod('MORNING', friday, zone)).toMatchObject({ granularity: 'DAY', bucket: '2026-06-04' });
    expect(meetingPeriod('WEEKLY', friday, zone)).toMatchObject({ granularity: 'WEEK', bucket: '2026-W23' });
    expect(meetingPeriod('MONTHLY', friday, zone)).toMatchObject({ granularity: 'MONTH', bucket: '2026-05' });
    expect(meetingPeriod('MORNING', friday, zone).from.toISOString()).toBe('2026-06-03T16:00:00.000Z');
  });

  it('derives totals, the close rate and the QC average from raw counters', () => {
    const row = reportRow('DAY', '2026-06-04', {
      inbound_COMPLAINT: 3,
      inbound_SUGGESTION: 1,
      outbound_JOB_ORDER_FOLLOW_UP: 2,
      jobOrdersCreated: 4,
      jobOrdersClosed: 3,
      qcScored: 2,
      qcScoreSum: 171,
      qcIssues: 5,
    });
    expect(row).toMatchObject({ inboundTotal: 4, outboundTotal: 2, closeRate: 0.75, qcAverageScore: 85.5, qcIssues: 5 });
    expect(reportRow('DAY', 'x', {}).closeRate).toBeNull();
    expect(flattenRow(row)).toHaveLength(reportColumns().length);
  });
});
