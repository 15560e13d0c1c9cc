import { createWriteStream, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { signToken, type Principal } from '@aftersales/platform-auth';
import { startServiceProcess, type ServiceProcess } from '@aftersales/testing';
import { DEFAULT_DATA_DIR, down, up } from '../infra/infra.mjs';
import { seedNetwork } from '../seed/src/seed';
import { composeSupergraph, SUPERGRAPH_FILE } from '../supergraph/compose';
import { GATEWAY_PORT, localUrl, SUBGRAPHS } from '../supergraph/subgraphs';
import { devJwtSettings } from './dev-secrets';
import { writeFileSync } from 'node:fs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const LOG_DIR = `${root}.data/logs`;
const log = (msg: string) => process.stderr.write(`\x1b[36m[aftersales]\x1b[0m ${msg}\n`);

/**
 * `npm start`: the real infrastructure, every service and the gateway on their own ports, demo data,
 * and tokens to try it with. Ctrl-C stops everything.
 */
async function main() {
  const jwt = devJwtSettings();
  const infraDir = process.env.INFRA_DATA_DIR ?? DEFAULT_DATA_DIR;
  log('starting Kafka and the document store (first run downloads and builds them: a few minutes)...');
  const infra = await up({ dataDir: infraDir, log });
  const running: ServiceProcess[] = [];
  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    log('stopping...');
    for (const p of running.reverse()) await p.stop();
    if (!infra.external) await down({ dataDir: infraDir, log });
    process.exit(code);
  };
  process.on('SIGINT', () => void stop(0));
  process.on('SIGTERM', () => void stop(0));

  try {
    log('composing the supergraph...');
    const { supergraphSdl, errors } = composeSupergraph();
    if (!supergraphSdl) throw new Error(`supergraph composition failed:\n${errors.join('\n')}`);
    writeFileSync(SUPERGRAPH_FILE, supergraphSdl);

    mkdirSync(LOG_DIR, { recursive: true });
    const common = {
      NODE_ENV: process.env.NODE_ENV ?? 'development',
      LOG_LEVEL: process.env.LOG_LEVEL ?? 'info',
      MONGO_URL: infra.mongoUrl,
      KAFKA_BROKERS: infra.kafkaBrokers,
      JWT_SECRET: jwt.secret,
      JWT_ISSUER: jwt.issuer,
      JWT_AUDIENCE: jwt.audience,
    };
    const withLog = (name: string) => {
      const file = createWriteStream(`${LOG_DIR}/${name}.log`, { flags: 'a' });
      return (chunk: string) => file.write(chunk);
    };
    for (const s of SUBGRAPHS) {
      log(`starting ${s.name} on :${s.port} (log .data/logs/${s.name}.log)...`);
      running.push(await startServiceProcess(`${s.app}/src/main.ts`, { ...common }, { port: s.port, onOutput: withLog(s.name) }));
    }
    const urls = Object.fromEntries(SUBGRAPHS.map((s) => [`SUBGRAPH_${s.name.toUpperCase().replace(/-/g, '_')}_URL`, localUrl(s)]));
    log(`starting the gateway on :${GATEWAY_PORT}...`);
    const gateway = await startServiceProcess('apps/gateway/src/main.ts', { ...common, ...urls }, { port: GATEWAY_PORT, onOutput: withLog('gateway') });
    running.push(gateway);

    const token = (p: Omit<Principal, 'subject'> & { subject: string }) => signToken(p, jwt, '12h');
    const hq = await token({ subject: 'hq-demo', roles: ['HQ_ADMIN'], serviceCenterIds: [], regionIds: [] });
    log('seeding the demo network if empty...');
    const seeded = await seedNetwork(gateway.graphqlUrl, hq, log);
    log(seeded.seeded ? `seeded ${seeded.centers} service centers and ${seeded.staff} staff` : `network has ${seeded.centers} service centers`);
    const dealer = await token({ subject: 'dealer-demo', roles: ['DEALER'], serviceCenterIds: ['sc-cn-0002'], regionIds: ['rg-chn'] });
    const region = await token({ subject: 'region-demo', roles: ['REGION_MANAGER'], serviceCenterIds: [], regionIds: ['rg-las'] });

    process.stdout.write(`
After-sales platform is running.

  Gateway (GraphQL):  ${gateway.graphqlUrl}
  Health:             ${gateway.baseUrl}/health/ready      Metrics: ${gateway.baseUrl}/metrics

  HQ token (HQ_ADMIN, all centers):
${hq}

  Dealer token (DEALER, sc-cn-0002 only):
${dealer}

  Region manager token (REGION_MANAGER, Latin America South):
${region}

Try:
  curl -s ${gateway.graphqlUrl} -H 'content-type: application/json' -H "authorization: Bearer <token>" \\
    -d '{"query":"{ serviceCenters(first: 3) { totalCount edges { node { code name country timeZone } } } }"}'

More tokens: npm run token -- --role DEALER --center sc-br-0001 --region rg-las
Ctrl-C stops everything.
`);
  } catch (e) {
    log(`start failed: ${(e as Error).message}`);
    await stop(1);
  }
}

void main();
