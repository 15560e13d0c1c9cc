import { Kafka, logLevel } from 'kafkajs';
import { eventually } from './eventually';

/**
 * Creates `topics` and commits their current ends for each new consumer group, so a service started
 * with one of the groups sees every event from now on however late its consumer joins (a group
 * without offsets and `fromBeginning: false` would start at whatever the end is when it joins).
 */
export async function startGroupsAtTopicEnds(brokers: string, topics: string[], groups: string[]): Promise<void> {
  // Loaded on use: platform-kafka brings Nest, which a suite that never calls this should not pay for.
  const { ensureTopics } = await import('@aftersales/platform-kafka');
  const kafka = new Kafka({ clientId: 'test-groups-admin', brokers: brokers.split(','), logLevel: logLevel.NOTHING });
  await ensureTopics(kafka, topics);
  // The broker is shared: a leader moving under other suites' topic work fails a request now and then.
  const ends = await eventually(
    'the end offsets of the topics',
    async () => {
      const admin = kafka.admin();
      await admin.connect();
      try {
        return (await Promise.all(topics.map(async (topic) => (await admin.fetchTopicOffsets(topic)).map((p) => ({ topic, partition: p.partition, offset: p.high }))))).flat();
      } catch {
        return null;
      } finally {
        await admin.disconnect();
      }
    },
    Boolean,
    30_000,
    1_000,
  );
  await Promise.all(groups.map((groupId) => commitOffsets(kafka, groupId, ends!)));
}

/**
 * Commits `offsets` for a new consumer group with one short-lived member (admin.setOffsets would join
 * the group once per topic, a few seconds each).
 */
async function commitOffsets(kafka: Kafka, groupId: string, offsets: { topic: string; partition: number; offset: string }[]) {
  const consumer = kafka.consumer({ groupId, maxWaitTimeInMs: 100 });
  await consumer.connect();
  try {
    await consumer.subscribe({ topics: [...new Set(offsets.map((o) => o.topic))], fromBeginning: false });
    const joined = new Promise<void>((resolve) => consumer.on(consumer.events.GROUP_JOIN, () => resolve()));
    await consumer.run({ autoCommit: false, eachMessage: async () => undefined });
    await joined;
    await consumer.commitOffsets(offsets);
  } finally {
    await consumer.disconnect();
  }
}
