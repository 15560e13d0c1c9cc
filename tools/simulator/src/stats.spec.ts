import { Rng } from './rng';
import { Stats, summaryLine } from './stats';

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
