import { appendFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { parseArgs } from 'node:util';
import { devJwtSettings } from '../../scripts/dev-secrets';
import { DEFAULT_RATE_PER_MINUTE, startSimulator } from './simulator';

const HELP = `Generates after-sales traffic through a gateway: calls, job orders, appointments, repair orders,
QC, deliveries, parts orders, complaints and survey answers, each center in its own working hours.

  npm run simulate -- --gateway http://127.0.0.1:4000/graphql --rate 60
  npm run simulate -- --rate 120 --pace 10 --duration 600 --log-file .data/logs/simulator.log

  --gateway URL      GraphQL endpoint (default GATEWAY_URL or http://127.0.0.1:4000/graphql)
  --rate N           journeys started per minute (default SIMULATOR_RATE or ${DEFAULT_RATE_PER_MINUTE})
  --pace N           business time N times faster between a journey's steps (default SIMULATOR_PACE or 1)
  --centers a,b      only these centers get traffic
  --duration S       stop after S seconds (default: until Ctrl-C)
  --seed N           seed of the random choices
  --log-file FILE    every action and error (summaries go to stderr)

Tokens are signed with JWT_SECRET, or the secret \`npm start\` keeps in .data/secrets.json.`;

async function main() {
  const { values } = parseArgs({
    options: {
      gateway: { type: 'string' },
      rate: { type: 'string' },
      pace: { type: 'string' },
      centers: { type: 'string' },
      duration: { type: 'string' },
      seed: { type: 'string' },
      'log-file': { type: 'string' },
      help: { type: 'boolean' },
    },
  });
  if (values.help) {
    process.stdout.write(`${HELP}\n`);
    return;
  }
  const number = (name: string, raw: string | undefined, fallback: number) => {
    const n = raw === undefined ? fallback : Number(raw);
    if (!Number.isFinite(n) || n <= 0) throw new Error(`--${name} must be a positive number, got ${raw}`);
    return n;
  };
  const logFile = values['log-file'];
  if (logFile) mkdirSync(dirname(logFile), { recursive: true });
  const sim = await startSimulator({
    gatewayUrl: values.gateway ?? process.env.GATEWAY_URL ?? 'http://127.0.0.1:4000/graphql',
    jwt: devJwtSettings(),
    ratePerMinute: number('rate', values.rate ?? process.env.SIMULATOR_RATE, DEFAULT_RATE_PER_MINUTE),
    pace: number('pace', values.pace ?? process.env.SIMULATOR_PACE, 1),
    ...(values.seed ? { seed: Number(values.seed) } : {}),
    ...(values.centers ? { centerIds: values.centers.split(',').map((s) => s.trim()).filter(Boolean) } : {}),
    log: (line) => {
      process.stderr.write(`${line}\n`);
      if (logFile) appendFileSync(logFile, `${new Date().toISOString()} ${line}\n`);
    },
    ...(logFile ? { trace: (line: string) => appendFileSync(logFile, `${line}\n`) } : {}),
  });
  const stop = async () => {
    await sim.stop();
    process.stdout.write(`${JSON.stringify(sim.stats(), null, 2)}\n`);
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
  if (values.duration) setTimeout(() => void stop(), number('duration', values.duration, 60) * 1000);
}

main().catch((e) => {
  process.stderr.write(`simulator failed: ${(e as Error).message}\n`);
  process.exit(1);
});
