import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomBytes, randomUUID } from 'node:crypto';
import { Topics } from '@aftersales/contracts';
import {
  eventually,
  serviceEnv,
  startGateway,
  startGroupsAtTopicEnds,
  startServiceProcess,
  testCenter,
  testInfra,
  tokenFor,
  uniqueName,
  type ServiceProcess,
} from '@aftersales/testing';

/**
 * One trace from the gateway, through the network subgraph and its outbox, to the calls service
 * consuming the ServiceCenterUpserted event the mutation caused. The services run as child processes
 * (as deployed), so an in-process InMemorySpanExporter cannot see their spans: each exports over
 * OTLP/HTTP to a small receiver in this test, which keeps what it gets (the in-memory exporter covers
 * the outbox and consumer in libs/platform/kafka/src/tracing.spec.ts).
 */

interface ReceivedSpan {
  service: string;
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  kind: number;
  attributes: Record<string, unknown>;
}

type OtlpValue = { stringValue?: string; intValue?: string | number; boolValue?: boolean; doubleValue?: number };
interface OtlpBody {
  resourceSpans?: {
    resource?: { attributes?: { key: string; value: OtlpValue }[] };
    scopeSpans?: { spans?: { traceId: string; spanId: string; parentSpanId?: string; name: string; kind: number; attributes?: { key: string; value: OtlpValue }[] }[] }[];
  }[];
}

const valueOf = (v: OtlpValue) => v.stringValue ?? v.intValue ?? v.boolValue ?? v.doubleValue;
const attrs = (list: { key: string; value: OtlpValue }[] = []) => Object.fromEntries(list.map((a) => [a.key, valueOf(a.value)]));

/** An OTLP/HTTP JSON receiver: what a collector would get. */
async function startReceiver(): Promise<{ url: string; spans: ReceivedSpan[]; paths: Set<string>; server: Server }> {
  const spans: ReceivedSpan[] = [];
  const paths = new Set<string>();
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      paths.add(`${req.method} ${req.url} ${req.headers['content-type']}`);
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as OtlpBody;
      for (const rs of body.resourceSpans ?? []) {
        const service = String(attrs(rs.resource?.attributes)['service.name']);
        for (const ss of rs.scopeSpans ?? []) {
          for (const s of ss.spans ?? []) {
            spans.push({ service, traceId: s.traceId, spanId: s.spanId, parentSpanId: s.parentSpanId || undefined, name: s.name, kind: s.kind, attributes: attrs(s.attributes) });
          }
        }
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, spans, paths, server };
}

const SFX = randomBytes(3).toString('hex');
const TOPIC_PREFIX = `traces-${SFX}.`;
const REGION = { id: `rg-tr${SFX}`, code: `TR${SFX.toUpperCase()}`, name: 'Traced region', countries: ['CN'] };
// OTLP span kinds: SERVER = 2, CONSUMER = 5.
const SERVER = 2;
const CONSUMER = 5;

describe('traces', () => {
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  let network: ServiceProcess;
  let calls: ServiceProcess;
  let gateway: ServiceProcess;

  beforeAll(async () => {
    receiver = await startReceiver();
    const otel = { OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url, OTEL_BSP_SCHEDULE_DELAY: '100' };
    const group = `traces-calls-${SFX}`;
    await startGroupsAtTopicEnds(testInfra().kafkaBrokers, Object.values(Topics).map((t) => TOPIC_PREFIX + t), [group]);
    [network, calls] = await Promise.all([
      startServiceProcess('apps/network/src/main.ts', serviceEnv(uniqueName('traces_network'), { KAFKA_TOPIC_PREFIX: TOPIC_PREFIX, ...otel }), { timeoutMs: 240_000 }),
      startServiceProcess(
        'apps/calls/src/main.ts',
        serviceEnv(uniqueName('traces_calls'), { KAFKA_TOPIC_PREFIX: TOPIC_PREFIX, CALLS_KAFKA_GROUP_ID: group, CALLS_KAFKA_FROM_BEGINNING: 'false', ...otel }),
        { timeoutMs: 240_000 },
      ),
    ]);
    gateway = await startGateway({ network: network.graphqlUrl, calls: calls.graphqlUrl }, otel);
  }, 300_000);

  afterAll(async () => {
    await gateway?.stop();
    await Promise.all([network?.stop(), calls?.stop()]);
    await new Promise((resolve) => receiver?.server.close(resolve));
  });

  it('follows a mutation from the gateway to the subgraph and to the consumer of the event it caused, in one trace', async () => {
    const hq = await tokenFor({ role: 'HQ_ADMIN' });
    const send = async (correlationId: string, query: string, variables: object) => {
      const res = await fetch(gateway.graphqlUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${hq}`, 'x-correlation-id': correlationId },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await res.json()) as { errors?: unknown };
      expect(body.errors).toBeUndefined();
    };
    await send(randomUUID(), `mutation($input: RegionInput!) { upsertRegion(input: $input) { id } }`, { input: REGION });

    const correlationId = `trace-${randomUUID()}`;
    const centerId = `tr${SFX}-a`;
    await send(correlationId, `mutation($input: ServiceCenterInput!) { upsertServiceCenter(input: $input) { id } }`, {
      input: testCenter(centerId, { regionId: REGION.id, name: '上海服务中心 Traced' }),
    });

    const found = await eventually(
      'the gateway, network and calls spans of the mutation',
      async () => {
        const entry = receiver.spans.find((s) => s.service === 'gateway' && s.kind === SERVER && s.attributes['correlation.id'] === correlationId);
        const trace = entry ? receiver.spans.filter((s) => s.traceId === entry.traceId) : [];
        const subgraph = trace.find((s) => s.service === 'network' && s.kind === SERVER);
        const consumer = trace.find((s) => s.service === 'calls' && s.kind === CONSUMER && s.name === 'process ServiceCenterUpserted.v1');
        return { entry, trace, subgraph, consumer, seen: trace.map((s) => `${s.service}:${s.name}`) };
      },
      (r) => !!(r.entry && r.subgraph && r.consumer),
      30_000,
    );
    const entry = found.entry!;
    const subgraph = found.subgraph!;
    const consumer = found.consumer!;

    const byId = new Map(found.trace.map((s) => [s.spanId, s]));
    const ancestors = (span: ReceivedSpan) => {
      const chain: ReceivedSpan[] = [];
      for (let p = span.parentSpanId && byId.get(span.parentSpanId); p; p = p.parentSpanId && byId.get(p.parentSpanId)) chain.push(p);
      return chain;
    };
    // The gateway's server span is the root; the subgraph's request is a child of a gateway span (its fetch).
    expect(entry.parentSpanId).toBeUndefined();
    expect(entry.name).toBe('POST /graphql');
    expect(byId.get(subgraph.parentSpanId!)?.service).toBe('gateway');
    expect(ancestors(subgraph)).toContain(entry);
    expect(subgraph.attributes['correlation.id']).toBe(correlationId);
    // The consumer's span descends from the network request that wrote the event to the outbox.
    expect(ancestors(consumer)).toEqual(expect.arrayContaining([subgraph, entry]));
    expect(consumer.attributes['messaging.destination.name']).toBe(TOPIC_PREFIX + Topics.network);
    expect(consumer.attributes['messaging.consumer.group.name']).toBe(`traces-calls-${SFX}`);
    expect(typeof consumer.attributes['correlation.id']).toBe('string');
    expect([...receiver.paths]).toEqual(expect.arrayContaining([expect.stringMatching(/^POST \/v1\/traces application\/json/)]));
  });
});
