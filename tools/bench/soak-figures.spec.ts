import { lagRule, lagVerdict, memoryGrowth, metricValue, missedEvents, partitionLag, table, type LagSample } from './soak-figures';

const RUN_MS = 600_000;
/** One sample every 10 s over the run, lag given by `f(atMs)`. */
const series = (f: (atMs: number) => number): LagSample[] => Array.from({ length: 61 }, (_, i) => ({ atMs: i * 10_000, lag: Math.round(f(i * 10_000)) }));

describe('soak figures', () => {
  it('call a lag bounded when it ends small and does not trend upwards, even with a peak early on', () => {
    const noisy = series((t) => (t < 120_000 ? 900 : (t / 10_000) % 3 === 0 ? 60 : 5));
    const v = lagVerdict(noisy, RUN_MS, 100);
    expect(v).toMatchObject({ max: 900, final: 60, bounded: true });
    expect(Math.abs(v.growth)).toBeLessThan(50);
  });

  it('fail a lag that keeps growing over the last half although it is still under the bound at the end', () => {
    const creeping = series((t) => (t < RUN_MS / 2 ? 0 : ((t - RUN_MS / 2) / (RUN_MS / 2)) * 90));
    const v = lagVerdict(creeping, RUN_MS, 100);
    expect(v.final).toBe(90);
    expect(v.growth).toBeGreaterThan(50);
    expect(v.bounded).toBe(false);
  });

  it('fail a lag that ends above the bound, and pass one that drains back down', () => {
    expect(lagVerdict(series(() => 150), RUN_MS, 100)).toMatchObject({ final: 150, growth: 0, bounded: false });
    const draining = series((t) => Math.max(0, 3000 - t / 100));
    expect(lagVerdict(draining, RUN_MS, 100)).toMatchObject({ max: 3000, final: 0, bounded: true });
    expect(lagVerdict([], RUN_MS, 100).bounded).toBe(true);
    expect(lagRule(100)).toBe('bounded: the final lag is at most 100 messages, and the least-squares trend of the lag over the last half of the run rises by at most 50 messages across that half');
  });

  it('count a partition the group never committed from the start of its log', () => {
    expect(partitionLag({ high: '120', low: '0', committed: '100' })).toBe(20);
    expect(partitionLag({ high: '120', low: '20', committed: null })).toBe(100);
    expect(partitionLag({ high: '120', low: '0', committed: '-1' })).toBe(120);
    expect(partitionLag({ high: '0', low: '0', committed: '-1' })).toBe(0);
  });

  it('read RSS from a /metrics text and give its growth in MB and percent', () => {
    const text = '# HELP process_resident_memory_bytes Resident memory size in bytes.\n# TYPE process_resident_memory_bytes gauge\nprocess_resident_memory_bytes{service="calls"} 209715200\nnodejs_heap_size_used_bytes{service="calls"} 1.2e8\n';
    expect(metricValue(text, 'process_resident_memory_bytes')).toBe(209_715_200);
    expect(metricValue(text, 'nodejs_heap_size_used_bytes')).toBe(120_000_000);
    expect(metricValue(text, 'network_centers_known')).toBeNull();
    expect(memoryGrowth(200 * 1024 * 1024, 230 * 1024 * 1024)).toEqual({ startMb: 200, endMb: 230, growthMb: 30, growthPct: 15 });
    expect(memoryGrowth(200 * 1024 * 1024, 190 * 1024 * 1024).growthPct).toBe(-5);
  });

  it('pick out the steps that waited for an event in vain, whatever the journey', () => {
    expect(missedEvents({ jobOrderNeverCreated: 2, partsAnswerMissing: 1, leadNeverReceived: 0, jobOrdersSeen: 40, leadsLost: 3 })).toEqual({ jobOrderNeverCreated: 2, partsAnswerMissing: 1 });
  });

  it('lay out a table with the first column left and the others right aligned', () => {
    expect(table(['group', 'max'], [['calls', 5], ['job-orders', 120]])).toBe('group       max\ncalls         5\njob-orders  120');
  });
});
