import { randomBytes } from 'node:crypto';
import { createWriteStream, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { signToken, type Principal } from '@aftersales/platform-auth';
import { buildConsole, CONSOLE_DIST, startMessageCapture, startServiceProcess, type MessageCapture, type ServiceProcess } from '@aftersales/testing';
import { DEFAULT_DATA_DIR } from '../infra/infra.mjs';
import { provision } from '../infra/provider.mjs';
import { seedNetwork } from '../seed/src/seed';
import { waitForReadModels } from '../seed/src/read-models';
import { seedServices, type ServiceSeedResult } from '../seed/src/services';
import { DEFAULT_RATE_PER_MINUTE, startSimulator, type Simulator } from '../simulator/src/simulator';
import { composeSupergraph, SUPERGRAPH_FILE } from '../supergraph/compose';
import { GATEWAY_PORT, localUrl, SUBGRAPHS } from '../supergraph/subgraphs';
import { devJwtSettings } from './dev-secrets';
import { writeFileSync } from 'node:fs';

/** The demo's connected-car provider: a fresh secret each start, shared by calls and the simulator only. */
const DEMO_TELEMATICS = { provider: 'demo-telematics', secret: randomBytes(24).toString('hex') };

const root = fileURLToPath(new URL('../../', import.meta.url));
const LOG_DIR = `${root}.data/logs`;
const log = (msg: string) => process.stderr.write(`\x1b[36m[aftersales]\x1b[0m ${msg}\n`);

/** `SIMULATOR=off` or `npm start -- --no-simulator` turns the traffic off; the rate and pace come from the environment. */
function simulatorSettings(argv: string[], env: NodeJS.ProcessEnv): { enabled: boolean; rate: number; pace: number } {
  const off = argv.includes('--no-simulator') || /^(off|false|0|no)$/i.test(env.SIMULATOR ?? '');
  const positive = (name: string, fallback: number) => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    const n = Number(raw);
    if (!Number.isFinite(n) || n <= 0) throw new Error(`${name} must be a positive number, got "${raw}"`);
    return n;
  };
  return { enabled: !off, rate: positive('SIMULATOR_RATE', DEFAULT_RATE_PER_MINUTE), pace: positive('SIMULATOR_PACE', 1) };
}

function describeSeed(r: ServiceSeedResult): string {
  const waiting = r.workshop.waiting.length + r.parts.waiting.length;
  return (
    `${r.skipped ? 'services already seeded (checked in' : 'seeded services in'} ${(r.elapsedMs / 1000).toFixed(1)} s${r.skipped ? ')' : ''}: ` +
    `workshop setups ${r.workshop.configured}/${r.workshop.total}, parts catalog ${r.parts.catalog} parts, ` +
    `opening stock at ${r.parts.locations}/${r.parts.total} locations${r.skipped ? '' : ` (${r.parts.receipts} receipts)`}, ` +
    `questionnaire ${r.surveys.questionnaire ?? 'missing'}, warranty policies ${r.warranty.policies.join(', ') || 'none'}` +
    (r.reannounced ? `; asked the network to publish ${r.reannounced} centers again` : '') +
    (waiting ? `; waiting for the network's events to reach workshop (${r.workshop.waiting.length}) / parts (${r.parts.waiting.length}), retrying in the background` : '')
  );
}

/**
 * `npm start`: the real infrastructure, every service and the gateway on their own ports, demo data,
 * and tokens to try it with. Ctrl-C stops everything.
 */
async function main() {
  let sim: ReturnType<typeof simulatorSettings>;
  try {
    sim = simulatorSettings(process.argv.slice(2), process.env);
  } catch (e) {
    log((e as Error).message);
    process.exit(2);
  }
  const jwt = devJwtSettings();
  const infraDir = process.env.INFRA_DATA_DIR ?? DEFAULT_DATA_DIR;
  log('starting Kafka and the document store (first run downloads and builds them: a few minutes)...');
  let infra: Awaited<ReturnType<typeof provision>>;
  try {
    infra = await provision({ dataDir: infraDir, log, containersRequested: process.argv.slice(2).includes('--containers') });
  } catch (e) {
    log((e as Error).message);
    process.exit(2);
  }
  const running: ServiceProcess[] = [];
  let capture: MessageCapture | null = null;
  let simulator: Simulator | null = null;
  let reseed: NodeJS.Timeout | null = null;
  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    log('stopping...');
    if (reseed) clearTimeout(reseed);
    if (simulator) await simulator.stop();
    for (const p of running.reverse()) await p.stop();
    await capture?.stop();
    await infra.stop();
    process.exit(code);
  };
  process.on('SIGINT', () => void stop(0));
  process.on('SIGTERM', () => void stop(0));

  try {
    log('composing the supergraph...');
    const { supergraphSdl, errors } = composeSupergraph();
    if (!supergraphSdl) throw new Error(`supergraph composition failed:\n${errors.join('\n')}`);
    writeFileSync(SUPERGRAPH_FILE, supergraphSdl);

    // The gateway serves it at /console/; a build takes a few seconds and is skipped when its sources did not change.
    log('building the web console (skipped when up to date)...');
    const consoleBuild = await buildConsole(CONSOLE_DIST, { skipWhenUpToDate: true, onOutput: (line) => log(`  console: ${line}`) });
    log(consoleBuild.built ? 'web console built' : 'web console up to date');

    mkdirSync(LOG_DIR, { recursive: true });
    // No mail relay or SMS provider needed locally: the notifications service sends to these, which keep every message under .data.
    capture = await startMessageCapture({
      dir: `${root}.data`,
      smtpPort: Number(process.env.NOTIFICATIONS_SMTP_PORT ?? 1025),
      smsPort: Number(process.env.CAPTURE_SMS_PORT ?? 1026),
    });
    const common = {
      NODE_ENV: process.env.NODE_ENV ?? 'development',
      LOG_LEVEL: process.env.LOG_LEVEL ?? 'info',
      MONGO_URL: infra.mongoUrl,
      KAFKA_BROKERS: infra.kafkaBrokers,
      JWT_SECRET: jwt.secret,
      JWT_ISSUER: jwt.issuer,
      JWT_AUDIENCE: jwt.audience,
      NOTIFICATIONS_SMTP_HOST: '127.0.0.1',
      NOTIFICATIONS_SMTP_PORT: String(capture.smtpPort),
      NOTIFICATIONS_SMS_API_URL: capture.smsApiUrl,
      // The simulator's connected-car provider signs its webhook calls to calls with this secret.
      TELEMATICS_PROVIDER_SECRETS: `${DEMO_TELEMATICS.provider}:${DEMO_TELEMATICS.secret}`,
    };
    const withLog = (name: string) => {
      const file = createWriteStream(`${LOG_DIR}/${name}.log`, { flags: 'a' });
      return (chunk: string) => file.write(chunk);
    };
    // All at once, the gateway too: each waits for its own /health/ready, and the gateway's includes
    // every subgraph's. A failed one stops the start.
    const urls = Object.fromEntries(SUBGRAPHS.map((s) => [`SUBGRAPH_${s.name.toUpperCase().replace(/-/g, '_')}_URL`, localUrl(s)]));
    log(`starting ${SUBGRAPHS.map((s) => `${s.name} :${s.port}`).join(', ')} and the gateway :${GATEWAY_PORT} (logs in .data/logs/<service>.log)...`);
    const started = await Promise.allSettled([
      ...SUBGRAPHS.map((s) => startServiceProcess(`${s.app}/src/main.ts`, { ...common }, { port: s.port, onOutput: withLog(s.name) })),
      startServiceProcess(
        'apps/gateway/src/main.ts',
        // The console's demo sign-in (POST /dev/token); the gateway refuses it with NODE_ENV=production.
        { ...common, ...urls, GATEWAY_CONSOLE_DIR: CONSOLE_DIST, GATEWAY_DEV_TOKENS: common.NODE_ENV === 'production' ? 'false' : 'true' },
        { port: GATEWAY_PORT, onOutput: withLog('gateway'), timeoutMs: 120_000 },
      ),
    ]);
    running.push(...started.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : [])));
    const failed = started.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (failed) throw failed.reason;
    const gateway = (started[started.length - 1] as PromiseFulfilledResult<ServiceProcess>).value;

    const token = (p: Omit<Principal, 'subject'> & { subject: string }) => signToken(p, jwt, '12h');
    const hq = await token({ subject: 'hq-demo', roles: ['HQ_ADMIN'], serviceCenterIds: [], regionIds: [] });
    log('seeding the demo network if empty...');
    const seeded = await seedNetwork(gateway.graphqlUrl, hq, log);
    log(seeded.seeded ? `seeded ${seeded.centers} service centers and ${seeded.staff} staff` : `network has ${seeded.centers} service centers`);
    // Every service hears of the centers through the network's events; seed them once they all have.
    const readModels = SUBGRAPHS.filter((s) => s.name !== 'network' && s.name !== 'hq').map((s) => ({ name: s.name, metricsUrl: localUrl(s).replace(/\/graphql$/, '/metrics') }));
    const caughtUp = await waitForReadModels(readModels, seeded.centers, { log });
    log(
      caughtUp.ready
        ? `every service knows the ${seeded.centers} centers (${(caughtUp.elapsedMs / 1000).toFixed(1)} s)`
        : `some services still miss centers after ${(caughtUp.elapsedMs / 1000).toFixed(0)} s (${JSON.stringify(caughtUp.known)}); seeding what they know, the rest in the background`,
    );
    log('seeding what every service needs for the centers (skipped when done)...');
    // The state describes the store it was written against: it lives with the local infra's data, and
    // for an external store it is keyed by its URL too.
    const seedOpts = {
      graphqlUrl: gateway.graphqlUrl,
      hqToken: hq,
      log,
      stateFile: infra.kind === 'embedded' ? join(infraDir, 'seed-state.json') : `${root}.data/seed-state.json`,
      stateKey: `${gateway.graphqlUrl}|${infra.mongoUrl}`,
    };
    // A seeding failure is not worth stopping the demo for: the graph is up, seeding retries below.
    const services = await seedServices(seedOpts).then(
      (r) => {
        log(describeSeed(r));
        return r;
      },
      (e: Error) => {
        log(`seeding the services failed (${e.message}); retrying in the background`);
        return null;
      },
    );
    // Centers a service has not heard of yet get their setup once the network's events arrive (after a
    // failed run: everything).
    const retry = (previous: ServiceSeedResult | null) => {
      if (stopping || (previous && previous.workshop.waiting.length + previous.parts.waiting.length === 0)) return;
      reseed = setTimeout(() => {
        seedServices({ ...seedOpts, log: () => undefined })
          .then((r) => {
            log(describeSeed(r));
            retry(r);
          })
          .catch((e) => {
            log(`background seeding failed: ${(e as Error).message}`);
            retry(previous);
          });
      }, 120_000);
      reseed.unref();
    };
    retry(services);

    const dealer = await token({ subject: 'dealer-demo', roles: ['DEALER'], serviceCenterIds: ['sc-cn-0002'], regionIds: ['rg-chn'] });
    const region = await token({ subject: 'region-demo', roles: ['REGION_MANAGER'], serviceCenterIds: [], regionIds: ['rg-las'] });

    process.stdout.write(`
After-sales platform is running.

  Web console:        ${gateway.baseUrl}/console/   (sign in with a demo role and center; EN, 中文, PT, ES)
  Gateway (GraphQL):  ${gateway.graphqlUrl}
  Health:             ${gateway.baseUrl}/health/ready      Metrics: ${gateway.baseUrl}/metrics

  HQ token (HQ_ADMIN, all centers):
${hq}

  Dealer token (DEALER, sc-cn-0002 only):
${dealer}

  Region manager token (REGION_MANAGER, Latin America South):
${region}

  Notifications: every e-mail sent is kept in .data/mail/*.eml (SMTP capture on 127.0.0.1:${capture.smtpPort}), every SMS in
  .data/sms/*.json; the in-app inbox shows the same notifications: query myNotifications with a token
  whose subject is the staff member (npm run token -- --role DEALER --center sc-cn-0002 --subject <staff id>).

Try:
  in a browser: ${gateway.graphqlUrl} (GraphQL IDE with the README's examples; paste a token above into its Bearer token field)
  curl -s ${gateway.graphqlUrl} -H 'content-type: application/json' -H "authorization: Bearer <token>" \\
    -d '{"query":"{ serviceCenters(first: 3) { totalCount edges { node { code name country timeZone } } } }"}'

More tokens: npm run token -- --role DEALER --center sc-br-0001 --region rg-las
  a call-center agent (the subject is the staff member whose qualification is checked): npm run token -- --role INBOUND_AGENT --subject st-cn-0001-11
${sim.enabled ? `Simulator: ${sim.rate} journeys/min (SIMULATOR_RATE), summary every 30 s here, full log .data/logs/simulator.log; SIMULATOR=off or --no-simulator turns it off.` : 'Simulator: off.'}
Ctrl-C stops everything.
`);

    if (sim.enabled) {
      const simLog = createWriteStream(`${LOG_DIR}/simulator.log`, { flags: 'a' });
      simulator = await startSimulator({
        gatewayUrl: gateway.graphqlUrl,
        jwt,
        ratePerMinute: sim.rate,
        pace: sim.pace,
        log: (line) => {
          log(line);
          simLog.write(`${new Date().toISOString()} ${line}\n`);
        },
        trace: (line) => simLog.write(`${line}\n`),
        telematics: { ...DEMO_TELEMATICS, url: localUrl(SUBGRAPHS.find((sg) => sg.name === 'calls')!).replace(/\/graphql$/, '') },
      });
    }
  } catch (e) {
    log(`start failed: ${(e as Error).message}`);
    await stop(1);
  }
}

void main();
