import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { moveClock, type ClockMove } from './clock';
import { uniqueName, serviceEnv } from './infra';
import { startMessageCapture, type MessageCapture } from './message-capture';
import { freePort, httpServiceTestEnv, startGateway, startServiceProcess, type ServiceProcess } from './service-process';

export const SERVICES = ['network', 'calls', 'job-orders', 'complaints', 'workshop', 'parts', 'surveys', 'notifications'] as const;
export type ServiceName = (typeof SERVICES)[number];

/** Each service names its Kafka consumer group differently; a run gets groups of its own. */
const GROUP_VARIABLE: Record<ServiceName, string | null> = {
  network: null,
  calls: 'CALLS_KAFKA_GROUP_ID',
  'job-orders': 'KAFKA_GROUP_ID',
  complaints: 'COMPLAINTS_CONSUMER_GROUP',
  workshop: 'WORKSHOP_CONSUMER_GROUP',
  parts: 'PARTS_KAFKA_GROUP',
  surveys: 'SURVEYS_CONSUMER_GROUP',
  notifications: 'NOTIFICATIONS_CONSUMER_GROUP',
};

export interface RunningSystem {
  services: Record<ServiceName, ServiceProcess>;
  hq: ServiceProcess;
  gateway: ServiceProcess;
  /** What the notifications service sent: its SMTP server and SMS API stand-in. */
  capture: MessageCapture;
  /** Moves every service's clock (NODE_ENV=test): `{ advanceMs }`, `{ now }` or `{ reset: true }`. */
  clock(move: ClockMove): Promise<void>;
  stop(): Promise<void>;
}

/**
 * The whole product as separate processes on the shared test infrastructure: the eight subgraphs
 * (own databases and consumer groups), HQ analytics and the gateway composed over all nine, and the
 * message capture the notifications service sends its e-mail and SMS to.
 */
export async function startSystem(
  opts: {
    env?: Partial<Record<ServiceName | 'hq' | 'gateway', Record<string, string>>>;
    /**
     * Topics of this system only (default: a fresh prefix for each system). The services read them from
     * the beginning, so on shared topics they would also hear every network event earlier suites of the
     * run published, and route calls to those centers. A suite that reads or writes a topic itself passes its own.
     */
    topicPrefix?: string;
    /** Every line each process writes (stdout and stderr), as it comes: a suite that reads the logs. */
    onOutput?: (process: ServiceName | 'hq' | 'gateway', chunk: string) => void;
  } = {},
): Promise<RunningSystem> {
  const started: ServiceProcess[] = [];
  const topicPrefix = opts.topicPrefix ?? `${uniqueName('system')}.`;
  const capture = await startMessageCapture({ dir: mkdtempSync(join(tmpdir(), 'system-messages-')) });
  const own: Partial<Record<ServiceName, Record<string, string>>> = {
    notifications: { NOTIFICATIONS_SMTP_PORT: String(capture.smtpPort), NOTIFICATIONS_SMS_API_URL: capture.smsApiUrl },
  };
  try {
    const entries = await Promise.all(
      SERVICES.map(async (name) => {
        const db = uniqueName(name.replace('-', '_'));
        const group = GROUP_VARIABLE[name];
        const env = serviceEnv(db, { ...(group ? { [group]: db } : {}), KAFKA_TOPIC_PREFIX: topicPrefix, ...own[name], ...opts.env?.[name] });
        const process = await startServiceProcess(`apps/${name}/src/main.ts`, env, { timeoutMs: 180_000, onOutput: opts.onOutput && ((c) => opts.onOutput!(name, c)) });
        started.push(process);
        return [name, process] as const;
      }),
    );
    const services = Object.fromEntries(entries) as Record<ServiceName, ServiceProcess>;
    const gatewayPort = await freePort();
    const hq = await startServiceProcess(
      'apps/hq/src/main.ts',
      { ...httpServiceTestEnv(), HQ_GRAPH_URL: `http://127.0.0.1:${gatewayPort}/graphql`, ...opts.env?.hq },
      { timeoutMs: 180_000, onOutput: opts.onOutput && ((c) => opts.onOutput!('hq', c)) },
    );
    started.push(hq);
    const urls = Object.fromEntries([...entries.map(([name, p]) => [name, p.graphqlUrl]), ['hq', hq.graphqlUrl]]);
    const gateway = await startGateway(urls, opts.env?.gateway ?? {}, { port: gatewayPort, onOutput: opts.onOutput && ((c) => opts.onOutput!('gateway', c)) });
    started.push(gateway);
    return {
      services,
      hq,
      gateway,
      capture,
      clock: async (move) => {
        await Promise.all([...Object.values(services), hq].map((p) => moveClock(p.baseUrl, move)));
      },
      stop: async () => {
        await Promise.all(started.reverse().map((p) => p.stop()));
        await capture.stop();
      },
    };
  } catch (e) {
    await Promise.all(started.map((p) => p.stop()));
    await capture.stop();
    throw e;
  }
}
