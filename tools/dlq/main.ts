import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { dlqTopicOf } from '@aftersales/contracts';
import { createKafka, createProducer, listDeadLetters, matchesFilter, noopLogger, replayDeadLetters } from '@aftersales/platform-kafka';
import type { DeadLetter } from '@aftersales/platform-kafka';

const HELP = `Dead-letter topics: see what is there, put fixed events back.

  npm run dlq -- list <topic> [--event-id <id>] [--group <consumer group>]
  npm run dlq -- replay <topic> [--event-id <id>] [--group <consumer group>]

<topic> is a catalog topic (aftersales.calls.events) or its dead-letter topic (aftersales.calls.events.dlq);
KAFKA_TOPIC_PREFIX is prepended as the services do. The broker is KAFKA_BROKERS, or the local one of
\`npm start\` (INFRA_DATA_DIR).

list    every dead letter: position, reason, group, event, time, error, and whether it was replayed.
replay  puts each matching dead letter not replayed yet back on its original topic: same key and value,
        its original headers without the x-dlq-* ones, plus x-replayed-from-dlq and x-replayed-at. Each
        replay is recorded in <dlq>.replayed, so running it again replays nothing twice.`;

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

async function brokers(): Promise<string[]> {
  if (process.env.KAFKA_BROKERS) return process.env.KAFKA_BROKERS.split(',').map((b) => b.trim());
  const infra = (await import(pathToFileURL(path.join(ROOT, 'tools/infra/infra.mjs')).href)) as {
    status(o?: { dataDir?: string }): Promise<{ ready: boolean; kafkaBrokers?: string }>;
  };
  const s = await infra.status(process.env.INFRA_DATA_DIR ? { dataDir: process.env.INFRA_DATA_DIR } : {});
  if (!s.ready || !s.kafkaBrokers) throw new Error('no KAFKA_BROKERS and no local infrastructure running (npm start or npm run infra -- up)');
  return s.kafkaBrokers.split(',');
}

function line(d: DeadLetter): string {
  const event = [d.eventKey ?? '(not an event)', d.eventId ?? ''].filter(Boolean).join(' ');
  return [
    `${d.partition}:${d.offset}`,
    d.replayed ? 'replayed' : 'pending',
    d.reason ?? '-',
    `group=${d.groupId ?? '-'}`,
    event,
    d.failedAt ?? '-',
    `attempts=${d.attempts ?? '-'}`,
    JSON.stringify(d.error ?? ''),
  ].join('  ');
}

async function main() {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { 'event-id': { type: 'string' }, group: { type: 'string' }, help: { type: 'boolean' } },
  });
  const [command, topic] = positionals;
  if (values.help || !topic || (command !== 'list' && command !== 'replay')) {
    process.stdout.write(`${HELP}\n`);
    process.exit(values.help ? 0 : 2);
  }
  const prefix = process.env.KAFKA_TOPIC_PREFIX ?? '';
  const named = topic.startsWith(prefix) ? topic : prefix + topic;
  const dlq = named.endsWith('.dlq') ? named : dlqTopicOf(named);
  const filter = { eventId: values['event-id'], groupId: values.group };
  const kafka = createKafka({ clientId: 'dlq-tool', brokers: await brokers(), logger: noopLogger });

  if (command === 'list') {
    const letters = (await listDeadLetters(kafka, dlq)).filter((d) => matchesFilter(d, filter));
    for (const d of letters) process.stdout.write(`${line(d)}\n`);
    const pending = letters.filter((d) => !d.replayed).length;
    process.stdout.write(`${dlq}: ${letters.length} dead letter(s), ${pending} not replayed\n`);
    return;
  }
  const producer = createProducer(kafka);
  await producer.connect();
  try {
    const result = await replayDeadLetters(kafka, producer, dlq, filter);
    for (const d of result.replayed) process.stdout.write(`replayed ${line(d)} -> ${d.originalTopic}\n`);
    process.stdout.write(
      `${dlq}: ${result.replayed.length} replayed, ${result.alreadyReplayed} already replayed before, ${result.filteredOut} not matching the filter\n`,
    );
  } finally {
    await producer.disconnect();
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
