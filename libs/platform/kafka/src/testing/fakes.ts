import type { EventEnvelope } from '@aftersales/contracts';
import type { ProducerRecord } from 'kafkajs';
import type { OutboxDocument, OutboxStore } from '../outbox-relay';
import type { ProducerPort } from '../publisher';

/** Records what would have been produced. */
export class FakeProducer implements ProducerPort {
  readonly records: ProducerRecord[] = [];
  failNext = 0;

  async send(record: ProducerRecord): Promise<unknown> {
    if (this.failNext > 0) {
      this.failNext--;
      throw new Error('broker down');
    }
    this.records.push(record);
    return [];
  }

  messages(topic?: string) {
    return this.records.filter((r) => !topic || r.topic === topic).flatMap((r) => r.messages.map((m) => ({ topic: r.topic, ...m })));
  }
}

/** In-memory outbox store with the same semantics as MongoOutboxStore. */
export class FakeOutboxStore implements OutboxStore {
  readonly name = 'fake';
  readonly docs = new Map<string, { outbox: EventEnvelope[]; outboxPending: boolean }>();
  /** Called between publish-removal and clear to simulate a concurrent append. */
  beforeClear?: (id: string) => void;

  async findPending(limit: number, exclude: readonly unknown[]): Promise<OutboxDocument[]> {
    return [...this.docs.entries()]
      .filter(([id, d]) => d.outboxPending && !exclude.includes(id))
      .slice(0, limit)
      .map(([id, d]) => ({ _id: id, outbox: structuredClone(d.outbox) }));
  }

  async removePublished(id: unknown, events: readonly EventEnvelope[]): Promise<number> {
    const d = this.docs.get(id as string);
    if (!d) return 0;
    const ids = events.map((e) => e.id);
    d.outbox = d.outbox.filter((e) => !ids.includes(e.id));
    return d.outbox.length;
  }

  async clearIfEmpty(id: unknown): Promise<boolean> {
    this.beforeClear?.(id as string);
    const d = this.docs.get(id as string);
    if (!d || d.outbox.length) return false;
    d.outboxPending = false;
    return true;
  }

  append(id: string, events: EventEnvelope[]): void {
    const d = this.docs.get(id) ?? { outbox: [], outboxPending: false };
    d.outbox.push(...events);
    d.outboxPending = true;
    this.docs.set(id, d);
  }
}
