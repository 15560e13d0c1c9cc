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

  async findPendingByIds(ids: readonly unknown[]): Promise<OutboxDocument[]> {
    return (await this.findPending(Number.MAX_SAFE_INTEGER, [])).filter((d) => ids.includes(d._id));
  }

  async findPending(limit: number, exclude: readonly unknown[]): Promise<OutboxDocument[]> {
    return [...this.docs.entries()]
      .filter(([id, d]) => d.outboxPending && !exclude.includes(id))
      .slice(0, limit)
      .map(([id, d]) => ({ _id: id, outbox: structuredClone(d.outbox) }));
  }

  async removePublished(id: unknown, events: readonly EventEnvelope[]): Promise<number | null> {
    const d = this.docs.get(id as string);
    if (!d) return null;
    const ids = events.map((e) => e.id);
    d.outbox = d.outbox.filter((e) => !ids.includes(e.id));
    return this.reportRemaining ? d.outbox.length : null;
  }

  /** When false, removePublished reports "unknown" like a store that cannot tell. */
  reportRemaining = true;

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
