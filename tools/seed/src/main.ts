import { fileURLToPath } from 'node:url';
import { signToken } from '@aftersales/platform-auth';
import { devJwtSettings } from '../../scripts/dev-secrets';
import { seedNetwork } from './seed';
import { seedServices } from './services';

export const SEED_STATE_FILE = fileURLToPath(new URL('../../../.data/seed-state.json', import.meta.url));

/**
 * `npm run seed -- [graphql url] [--network-only]`: loads the demo network into a running system
 * (default: the local gateway), then what every service needs for its centers.
 */
async function main() {
  const args = process.argv.slice(2);
  const url = args.find((a) => !a.startsWith('--')) ?? process.env.GATEWAY_URL ?? 'http://127.0.0.1:4000/graphql';
  const log = (m: string) => process.stderr.write(`${m}\n`);
  const token = await signToken({ subject: 'seed', roles: ['HQ_ADMIN'], serviceCenterIds: [], regionIds: [] }, devJwtSettings(), '2h');
  const result = await seedNetwork(url, token, log);
  process.stdout.write(
    result.seeded ? `seeded ${result.centers} service centers and ${result.staff} staff\n` : `network already has ${result.centers} centers: nothing seeded\n`,
  );
  if (args.includes('--network-only')) return;
  const services = await seedServices({ graphqlUrl: url, hqToken: token, log, stateFile: SEED_STATE_FILE });
  process.stdout.write(
    `${services.skipped ? 'services already seeded' : 'services seeded'} in ${(services.elapsedMs / 1000).toFixed(1)} s: ` +
      `workshop ${services.workshop.configured}/${services.workshop.total}, parts ${services.parts.locations}/${services.parts.total} locations` +
      `${services.workshop.waiting.length + services.parts.waiting.length ? ` (waiting for network events: workshop ${services.workshop.waiting.length}, parts ${services.parts.waiting.length})` : ''}\n`,
  );
}

main().catch((e) => {
  process.stderr.write(`seed failed: ${(e as Error).message}\n`);
  process.exit(1);
});
