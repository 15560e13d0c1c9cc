import { Rng } from './rng';
import { LatencyHistogram, Stats, summaryLine } from './stats';

describe('simulator figures', () => {
  it('summarise in one line what happened since start and since the last line', () => {
    const stats = new Stats();
    stats.arrivals = 30;
    for (let i = 0; i < 12; i++) stats.action('logCall');
    stats.action('openRepairOrder');
    stats.outcome('surveyPROMOTER', 3);
    stats.outcome('surveyDETRACTOR');
    stats.error('dispatchRescue', 'NOT_FOUND');
    const first = stats.snapshot(30, 1);
    stats.action('logCall');
    const line = summaryLine(stats.snapshot(30, 1), first);
    expect(line).toContain('calls 13 (+1)');
    expect(line).toContain('repair orders 1 (+0)');
    expect(line).toContain('surveys 0 (P 3/N 0/D 1)');
    expect(line).toContain('errors 1 (+0) [dispatchRescue:NOT_FOUND 1]');
    expect(line).toContain('(target 30)');
  });

  it('summarise the warranty: items covered out of those decided, why not, and what became of the claims', () => {
    const stats = new Stats();
    stats.outcome('warrantyItemsCovered', 4);
    stats.outcome('warrantyItemsEXCLUDED', 3);
    stats.outcome('warrantyItemsEXPIRED_BY_DATE', 2);
    stats.outcome('warrantyItemsEXPIRED_BY_MILEAGE');
    stats.outcome('warrantyClaimsSubmitted', 3);
    stats.outcome('warrantyClaimsApproved', 2);
    stats.outcome('warrantyClaimsInfoRequested');
    const line = summaryLine(stats.snapshot(30, 1), null);
    expect(line).toContain('warranty items covered 4/10 (no registration 0, excluded 3, expired 3) claims 3 approved 2 rejected 0 info asked 1');
  });

  it('count failed journeys by reason, alike failures of different orders together, and stop adding reasons past 50', () => {
    const stats = new Stats();
    stats.failed('CALL_FAULT_REPAIR', 'jobOrder: job order 5f0c7a7e-1b2c-4d5e-8f90-123456789abc is CLOSED');
    stats.failed('CALL_FAULT_REPAIR', 'jobOrder: job order 0a1b2c3d-4e5f-4a6b-8c7d-0123456789ef is CLOSED');
    for (let i = 0; i < 60; i++) stats.failed('WORKSHOP_WALK_IN', `reason ${i}`);
    const { journeys, failures } = stats.snapshot(30, 1);
    expect(journeys.failed).toBe(62);
    expect(failures['CALL_FAULT_REPAIR: jobOrder: job order <id> is CLOSED']).toBe(2);
    expect(Object.keys(failures)).toHaveLength(50);
  });

  it('keep each operation\'s request times: p50 and p99 within 2 % of the exact ones, and the maximum', () => {
    const stats = new Stats();
    const times = Array.from({ length: 1000 }, (_, i) => 5 + i * 1.7);
    for (const ms of [...times].reverse()) stats.latency('logCall', ms);
    stats.latency('jobOrder', 12);
    const { latency } = stats.snapshot(30, 1);
    const exact = (q: number) => times[Math.ceil(q * times.length) - 1]!;
    expect(latency.logCall!.count).toBe(1000);
    expect(Math.abs(latency.logCall!.p50Ms - exact(0.5)) / exact(0.5)).toBeLessThanOrEqual(0.02);
    expect(Math.abs(latency.logCall!.p99Ms - exact(0.99)) / exact(0.99)).toBeLessThanOrEqual(0.02);
    expect(latency.logCall!.maxMs).toBe(1703.3);
    expect(latency.jobOrder).toEqual({ count: 1, p50Ms: 12, p99Ms: 12, maxMs: 12 });
  });

  it('read a slow tail in the p99: 2 slow requests in 100 move it, 1 in 1000 does not', () => {
    const h = new LatencyHistogram();
    for (let i = 0; i < 98; i++) h.record(20);
    h.record(3000);
    h.record(3100);
    expect(h.quantile(0.99)).toBeGreaterThanOrEqual(3000 / 1.02);
    const g = new LatencyHistogram();
    for (let i = 0; i < 999; i++) g.record(20);
    g.record(5000);
    expect(g.quantile(0.99)).toBeLessThanOrEqual(20 * 1.02);
    expect(g.summary().maxMs).toBe(5000);
    expect(new LatencyHistogram().summary()).toEqual({ count: 0, p50Ms: 0, p99Ms: 0, maxMs: 0 });
  });

  it('draw Poisson arrivals whose mean is the rate per tick', () => {
    const rng = new Rng(77);
    const n = 20_000;
    let sum = 0;
    for (let i = 0; i < n; i++) sum += rng.poisson(0.5);
    expect(sum / n).toBeGreaterThan(0.48);
    expect(sum / n).toBeLessThan(0.52);
    expect(rng.poisson(0)).toBe(0);
  });
});
