import { parseArgs } from 'node:util';
import type { ArgumentMetadata } from '@nestjs/common';
import { Type } from 'class-transformer';
import { getMetadataStorage, IsBoolean, IsEnum, IsISO31661Alpha2, IsOptional, IsString, ValidateNested } from 'class-validator';
import { median } from 'simple-statistics';
import { sampleServiceCenter, ServiceCenterUpsertedV1 } from '@aftersales/contracts';
import { cacheValidationMetadata, inputValidationPipe } from '@aftersales/platform-core';
import { ownCpuMicros } from './infra';

export const describe =
  "inputs: CPU µs to validate a GraphQL argument through the services' ValidationPipe, class-validator's metadata lookups cached and not, in process";

const HELP = `npm run bench -- inputs [--rounds 5]

In one process, no infrastructure: runs the services' input pipe (platform-core inputValidationPipe: class-transformer
and class-validator, unknown fields refused) with class-validator's metadata lookups cached (as the services run)
and not (class-validator as it is), interleaved, --rounds times; prints the median CPU µs per argument
(process.cpuUsage, user + system) and the ratio. class-validator's uncached lookup walks every class with rules
in the process: here the event contracts' (all loaded, as in a service), a service adds its own inputs.
  absent filter      a filter argument left out, as the network's serviceCenters filter (the pipe validates {})
  filter             the same filter given: { country, status, star }
  a center           a center with its address, calendar and contacts (the ServiceCenterUpserted.v1 payload)
  200 centers        a list of 200 of them, as one batch of an import`;

enum Status {
  ACTIVE = 'ACTIVE',
  SUSPENDED = 'SUSPENDED',
}

/** The network's ServiceCenterFilter, rule for rule. */
class CentersFilter {
  @IsOptional()
  @IsISO31661Alpha2()
  country?: string;

  @IsOptional()
  @IsString()
  regionId?: string;

  @IsOptional()
  @IsEnum(Status)
  status?: Status;

  @IsOptional()
  @IsBoolean()
  star?: boolean;
}

class CentersBatch {
  @ValidateNested({ each: true })
  @Type(() => ServiceCenterUpsertedV1)
  centers!: ServiceCenterUpsertedV1[];
}

interface Case {
  name: string;
  metadata: ArgumentMetadata;
  value: () => unknown;
  times: number;
}

const cpu = (us: number) => (us >= 1_000 ? `${(us / 1_000).toFixed(1)} ms` : `${us.toFixed(1)} µs`);

export async function run(args: string[]): Promise<void> {
  const { values } = parseArgs({ args, options: { rounds: { type: 'string', default: '5' }, help: { type: 'boolean' } } });
  if (values.help) {
    process.stdout.write(`${HELP}\n`);
    return;
  }
  const rounds = Number(values.rounds);
  const center = sampleServiceCenter();
  const batch = { centers: Array.from({ length: 200 }, (_, i) => sampleServiceCenter({ id: `sc-${i}`, code: `XX-${i}` })) };
  const filter = { type: 'query', metatype: CentersFilter, data: 'filter' } as const;
  const cases: Case[] = [
    { name: 'absent filter', metadata: filter, value: () => undefined, times: 20_000 },
    { name: 'filter', metadata: filter, value: () => ({ country: 'CN', status: 'ACTIVE', star: false }), times: 20_000 },
    { name: 'a center', metadata: { type: 'body', metatype: ServiceCenterUpsertedV1, data: 'input' }, value: () => center, times: 2_000 },
    { name: '200 centers', metadata: { type: 'body', metatype: CentersBatch, data: 'input' }, value: () => batch, times: 10 },
  ];
  const classes = (getMetadataStorage() as unknown as { validationMetadatas: Map<unknown, unknown> }).validationMetadatas.size;
  const pipe = inputValidationPipe();
  cacheValidationMetadata()(); // the pipe installs the cache; each round decides
  process.stdout.write(`inputs: ${rounds} interleaved rounds, ${classes} classes with rules loaded, node ${process.version}\n\n`);
  process.stdout.write('| argument | CPU, class-validator as it is | CPU, lookups cached | ratio |\n|---|---|---|---|\n');
  for (const c of cases) {
    const samples: Record<'plain' | 'cached', number[]> = { plain: [], cached: [] };
    for (let r = 0; r < rounds + 1; r++) {
      for (const way of r % 2 ? (['cached', 'plain'] as const) : (['plain', 'cached'] as const)) {
        const undo = way === 'cached' ? cacheValidationMetadata() : () => undefined;
        const inputs = Array.from({ length: c.times }, c.value);
        const t0 = ownCpuMicros();
        for (const input of inputs) await pipe.transform(input, c.metadata);
        // Round 0 warms both up (JIT) and is not counted.
        if (r > 0) samples[way].push((ownCpuMicros() - t0) / c.times);
        undo();
      }
    }
    const plain = median(samples.plain);
    const cached = median(samples.cached);
    process.stdout.write(`| ${c.name} | ${cpu(plain)} | ${cpu(cached)} | ${(plain / cached).toFixed(2)}× |\n`);
  }
}
