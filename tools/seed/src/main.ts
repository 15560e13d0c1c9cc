import { signToken } from '@aftersales/platform-auth';
import { devJwtSettings } from '../../scripts/dev-secrets';
import { seedNetwork } from './seed';

/** `npm run seed -- [graphql url]`: loads the demo network into a running system (default: the local gateway). */
async function main() {
  const url = process.argv[2] ?? process.env.GATEWAY_URL ?? 'http://127.0.0.1:4000/graphql';
  const token = await signToken({ subject: 'seed', roles: ['HQ_ADMIN'], serviceCenterIds: [], regionIds: [] }, devJwtSettings(), '1h');
  const result = await seedNetwork(url, token, (m) => process.stderr.write(`${m}\n`));
  process.stdout.write(
    result.seeded ? `seeded ${result.centers} service centers and ${result.staff} staff\n` : `network already has ${result.centers} centers: nothing seeded\n`,
  );
}

main().catch((e) => {
  process.stderr.write(`seed failed: ${(e as Error).message}\n`);
  process.exit(1);
});
