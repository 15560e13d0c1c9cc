import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import { compiledValidate, createEvent, parseEvent, referenceValidate, sampleJobOrderCreated, sampleJobOrderRequested, sampleServiceCenter } from '@aftersales/contracts';
import type { AnyEvent, EventKey, Validate } from '@aftersales/contracts';
import { median } from 'simple-statistics';
import { ownCpuMicros } from './infra';

export const describe =
  'validate: CPU µs per consumed event to decode and validate (JSON.parse + parseEvent) the events job-orders consumes, compiled validator against class-validator, in process';

const HELP = `npm run bench -- validate [--events 20000] [--rounds 5]

In one process, no infrastructure: decodes and validates --events messages of each kind job-orders consumes
at 1,000/s (calls' JobOrderRequested and its own JobOrderCreated, for the KPIs) plus a ServiceCenterUpserted,
once with the compiled validator and once with class-transformer + class-validator, interleaved, --rounds
times; prints the median CPU µs per event (process.cpuUsage, user + system) and the ratio.`;

/** The messages as the consumer receives them: JSON in a Buffer. */
function messages(n: number): Record<string, Buffer[]> {
  const make = (key: EventKey, payload: (i: number) => object, center: string | null) =>
    Array.from({ length: n }, (_, i) => Buffer.from(JSON.stringify(createEvent(key, payload(i) as never, { source: 'bench', serviceCenterId: center }))));
  return {
    'JobOrderRequested.v1': make('JobOrderRequested.v1', (i) => sampleJobOrderRequested({ callId: randomUUID(), customer: { ...sampleJobOrderRequested().customer, name: `Customer ${i}` } }), 'sc-0001'),
    'JobOrderCreated.v1': make('JobOrderCreated.v1', (i) => sampleJobOrderCreated({ jobOrderId: randomUUID(), number: `JO-2026-${String(i).padStart(6, '0')}` }), 'sc-0001'),
    'ServiceCenterUpserted.v1': make('ServiceCenterUpserted.v1', (i) => sampleServiceCenter({ id: `sc-${i}` }), null),
  };
}

export async function run(args: string[]): Promise<void> {
  const { values } = parseArgs({ args, options: { events: { type: 'string', default: '20000' }, rounds: { type: 'string', default: '5' }, help: { type: 'boolean' } } });
  if (values.help) {
    process.stdout.write(`${HELP}\n`);
    return;
  }
  const n = Number(values.events);
  const rounds = Number(values.rounds);
  const byKind = messages(n);
  const ways: Record<string, Validate> = { compiled: compiledValidate, 'class-validator': referenceValidate };
  process.stdout.write(`validate: ${n} events per kind and way, ${rounds} interleaved rounds, node ${process.version}\n\n`);
  process.stdout.write('| event | class-validator µs/event | compiled µs/event | ratio |\n|---|---|---|---|\n');
  for (const [key, buffers] of Object.entries(byKind)) {
    const samples: Record<string, number[]> = { compiled: [], 'class-validator': [] };
    for (let r = 0; r < rounds + 1; r++) {
      for (const [way, fn] of r % 2 ? Object.entries(ways).reverse() : Object.entries(ways)) {
        const t0 = ownCpuMicros();
        let last: AnyEvent | undefined;
        for (const b of buffers) {
          const parsed = parseEvent(JSON.parse(b.toString('utf8')), fn);
          if (!parsed.ok) throw new Error(`${key}: ${JSON.stringify(parsed.errors)}`);
          last = parsed.event;
        }
        // Round 0 warms both ways up (JIT, the compiled plans) and is not counted.
        if (r > 0) samples[way].push((ownCpuMicros() - t0) / buffers.length);
        if (!last) throw new Error('no event');
      }
    }
    const before = median(samples['class-validator']);
    const after = median(samples.compiled);
    process.stdout.write(`| ${key} | ${before.toFixed(1)} | ${after.toFixed(1)} | ${(before / after).toFixed(1)}× |\n`);
  }
}
