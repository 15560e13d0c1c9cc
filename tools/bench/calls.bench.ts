import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import { vinIssues } from '@aftersales/values';
import { callIssues, nearestOutlet, staffingPlan, type InboundCallInput, type OutletView, type StaffingInput } from '@aftersales/domain-calls';

export const describe = 'calls: staffingPlan (seed + Erlang C) throughput, nearest-outlet routing over 946 centers, call validation';

/**
 * Targets: a day plan must feel instant in a form (1 ms each); routing and validation sit on the call
 * intake path, specified at 50 calls/s, so 1,000/s on one core leaves 20x headroom.
 */
const TARGETS = { staffingDayPlansPerSec: 1_000, routingsPerSec: 1_000, validationsPerSec: 1_000 };

function measure(name: string, seconds: number, fn: () => void): number {
  for (let i = 0; i < 200; i++) fn(); // warm up the JIT
  let n = 0;
  const start = performance.now();
  const end = start + seconds * 1000;
  while (performance.now() < end) {
    for (let i = 0; i < 50; i++) fn();
    n += 50;
  }
  const perSec = n / ((performance.now() - start) / 1000);
  process.stdout.write(`${name.padEnd(48)} ${Math.round(perSec).toLocaleString('en-US').padStart(12)} /s\n`);
  return perSec;
}

function verdict(name: string, value: number, target: number) {
  process.stdout.write(`${value >= target ? 'PASS' : 'FAIL'}  ${name}: ${Math.round(value).toLocaleString('en-US')}/s (target >= ${target.toLocaleString('en-US')}/s)\n`);
}

export async function run(args: string[]): Promise<void> {
  const { values } = parseArgs({ args, options: { seconds: { type: 'string', default: '2' }, help: { type: 'boolean' } } });
  if (values.help) {
    process.stdout.write('npm run bench -- calls [--seconds 2]   pure domain figures on one core, no infrastructure\n');
    return;
  }
  const seconds = Number(values.seconds);
  // A realistic day: 48 half-hour intervals, a morning and an afternoon peak, 4,000 calls.
  const day: StaffingInput = {
    intervals: Array.from({ length: 48 }, (_, i) => ({ label: `${String(Math.floor(i / 2)).padStart(2, '0')}:${i % 2 ? '30' : '00'}`, calls: Math.round(40 + 160 * Math.exp(-((i - 20) ** 2) / 18) + 120 * Math.exp(-((i - 30) ** 2) / 12)) })),
    intervalMinutes: 30,
    ahtSec: 240,
    serviceLevelTarget: 0.8,
    answerWithinSec: 20,
    shrinkage: 0.3,
    peakCoefficient: 1.5,
    effectiveHoursPerAgentDay: 7,
  };
  const big: StaffingInput = { ...day, intervals: day.intervals.map((iv) => ({ ...iv, calls: iv.calls * 25 })) };
  let seed = 1;
  const rand = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
  const outlets: OutletView[] = Array.from({ length: 946 }, (_, i) => ({
    id: `sc-${i}`, kind: i % 5 === 0 ? 'FAST_REPAIR_SHOP' : 'SERVICE_CENTER', status: i % 17 === 0 ? 'SUSPENDED' : 'ACTIVE', rescue24h: i % 3 === 0,
    location: { lat: rand() * 140 - 70, lng: rand() * 360 - 180 },
  }));
  const call: InboundCallInput = {
    category: 'FAULT_REPAIR', customer: { name: 'Ana Souza', phone: '+5511987654321', country: 'BR' }, vehicle: { vin: 'LJ12EKR20A4000001', model: 'T8', mileageKm: 42_000 },
    location: { point: { lat: -23.55, lng: -46.63 } }, startedAt: new Date('2026-06-06T03:20:00Z'), durationSec: 240, fault: 'gearbox noise',
    record: { who: 'Ana', when: 'today', where: 'SP', what: 'noise', why: 'repair', how: 'dealer' },
  };
  const now = new Date('2026-06-06T03:30:00Z');

  process.stdout.write(`calls domain benchmarks, ${seconds} s each, one core (node ${process.version})\n`);
  const plans = measure('staffingPlan, 48 intervals, peak ~10 Erlangs', seconds, () => staffingPlan(day));
  measure('staffingPlan, 48 intervals, peak ~250 Erlangs', seconds, () => staffingPlan(big));
  const routes = measure('nearestOutlet RESCUE over 946 centers', seconds, () => nearestOutlet(outlets, { lat: rand() * 140 - 70, lng: rand() * 360 - 180 }, 'RESCUE'));
  measure('vinIssues (check digit)', seconds, () => vinIssues('LJ12EKR20A4000001'));
  const validations = measure('callIssues (fault repair, phone + VIN + 5W1H)', seconds, () => callIssues(call, now));
  verdict('staffingPlan day plans', plans, TARGETS.staffingDayPlansPerSec);
  verdict('nearest-outlet routings', routes, TARGETS.routingsPerSec);
  verdict('call validations', validations, TARGETS.validationsPerSec);
}
