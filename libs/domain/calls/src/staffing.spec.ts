import fc from 'fast-check';
import { agentsForServiceLevel, averageSpeedOfAnswer, erlangC, serviceLevel, staffingIssues, staffingPlan, type StaffingInput } from './staffing';

/*
 * Worked Erlang C example, computed by hand from the textbook formulas (not with this code):
 * 100 calls in 30 min, AHT 180 s -> traffic A = 100 * 180 / 1800 = 10 Erlangs; target 80 % in 20 s.
 *   C(N, A) = [A^N/N! * N/(N-A)] / [sum_{k<N} A^k/k! + A^N/N! * N/(N-A)]
 *   SL = 1 - C * exp(-(N - A) * 20 / 180),   ASA = C * 180 / (N - A)
 *   N = 13: 10^13/13! = 1,605.9; * 13/3 = 6,958.9; sum_{k<13} 10^k/k! (k = 0..12:
 *           1, 10, 50, 166.7, 416.7, 833.3, 1388.9, 1984.1, 2480.2, 2755.7, 2755.7, 2505.2, 2087.7)
 *           = 17,435.2, so C = 6,958.9 / 24,394.1 = 0.2853; SL = 1 - 0.2853 * e^(-0.3333) = 0.7956;
 *           ASA = 0.2853 * 180 / 3 = 17.1 s.  79.6 % < 80 %: 13 agents are NOT enough.
 *   N = 14: 10^14/14! = 1,147.1; * 14/4 = 4,014.8; sum_{k<14} = 17,435.2 + 1,605.9 = 19,041.1
 *           C = 4,014.8 / 23,055.9 = 0.1741; SL = 1 - 0.1741 * e^(-0.4444) = 0.8884; ASA = 7.8 s.
 * So the classic "13 agents" answer misses 80/20 by a hair; 14 agents meet it (occupancy 10/14 = 71.4 %).
 */
describe('Erlang C', () => {
  it('reproduces the worked example: 13 agents give 79.6 %, 14 give 88.8 % (80/20, 10 Erlangs)', () => {
    expect(erlangC(13, 10)).toBeCloseTo(0.2853, 3);
    expect(serviceLevel(13, 10, 180, 20)).toBeCloseTo(0.7956, 3);
    expect(averageSpeedOfAnswer(13, 10, 180)).toBeCloseTo(17.12, 1);
    expect(erlangC(14, 10)).toBeCloseTo(0.1741, 3);
    expect(serviceLevel(14, 10, 180, 20)).toBeCloseTo(0.8884, 3);
    expect(agentsForServiceLevel(10, 180, 0.8, 20)).toBe(14);
  });

  const input: StaffingInput = {
    intervals: [
      { label: '09:00', calls: 100 },
      { label: '09:30', calls: 0 },
    ],
    intervalMinutes: 30,
    ahtSec: 180,
    serviceLevelTarget: 0.8,
    answerWithinSec: 20,
    shrinkage: 0.3,
    peakCoefficient: 1.5,
    effectiveHoursPerAgentDay: 7,
  };

  it('puts the seed formula and Erlang C side by side per interval', () => {
    const plan = staffingPlan(input);
    expect(plan.intervals[0]).toEqual({
      label: '09:00',
      calls: 100,
      trafficErlangs: 10,
      // seed: 100 * 180 / 1800 * 1.5 = 15 agents
      seed: { agents: 15, serviceLevel: 0.9415, asaSec: 3.67, occupancy: 0.6667, rostered: 22 },
      // Erlang C: 14 agents on the phones, 14 / 0.7 = 20 rostered
      erlangC: { agents: 14, serviceLevel: 0.8884, asaSec: 7.84, occupancy: 0.7143, rostered: 20 },
    });
    expect(plan.intervals[1].erlangC).toEqual({ agents: 0, serviceLevel: 1, asaSec: 0, occupancy: 0, rostered: 0 });
    // Seed daily: 100 calls * 180 s / (7 h * 3600) * 1.5 = 1.07 -> 2 agents, 50 calls each (the seed's 50-80).
    expect(plan).toMatchObject({ seedDailyAgents: 2, seedCallsPerAgentDay: 50, erlangCPeakRostered: 20, totalCalls: 100 });
  });

  it('names each bad parameter', () => {
    const rules = staffingIssues({ ...input, intervals: [{ label: 'x', calls: -1 }], serviceLevelTarget: 1, shrinkage: 1, peakCoefficient: 0.5, ahtSec: 0 }).map(
      (i) => `${i.field}:${i.rule}`,
    );
    expect(rules).toEqual(['intervals.0.calls:nonNegative', 'ahtSec:range', 'serviceLevelTarget:range', 'shrinkage:range', 'peakCoefficient:range']);
  });

  it('the Erlang C headcount is the fewest agents meeting the target (property)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.1, max: 200, noNaN: true }),
        fc.integer({ min: 30, max: 900 }),
        fc.double({ min: 0.5, max: 0.99, noNaN: true }),
        fc.integer({ min: 0, max: 120 }),
        (traffic, aht, target, within) => {
          const n = agentsForServiceLevel(traffic, aht, target, within);
          expect(n).toBeGreaterThan(traffic);
          expect(serviceLevel(n, traffic, aht, within)).toBeGreaterThanOrEqual(target);
          if (n - 1 > traffic) expect(serviceLevel(n - 1, traffic, aht, within)).toBeLessThan(target);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('service level rises and waiting falls with every added agent (property)', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.5, max: 100, noNaN: true }), fc.integer({ min: 1, max: 50 }), (traffic, extra) => {
        const n = Math.floor(traffic) + extra;
        expect(serviceLevel(n + 1, traffic, 180, 20)).toBeGreaterThanOrEqual(serviceLevel(n, traffic, 180, 20));
        expect(erlangC(n + 1, traffic)).toBeLessThanOrEqual(erlangC(n, traffic));
      }),
    );
  });
});
