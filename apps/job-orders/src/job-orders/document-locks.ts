import type { EventEnvelope } from '@aftersales/contracts';
import type { OutboxDocument, OutboxStore } from '@aftersales/platform-kafka';

/**
 * Runs the writes to one document one after another in this process. The embedded store applies an
 * update as read, modify, write back, without isolation: when the outbox relay removed a published
 * event from a job order while a state change was being written to it, one of the two writes was lost
 * (a dealer's contact recorded right after the order appeared vanished, JobOrderCustomerContacted with
 * it, and the call center escalated a contact made in time). Instances do not share these locks; on
 * MongoDB, where updates are atomic, they cost one promise per write.
 */
export class DocumentLocks {
  private readonly tails = new Map<string, Promise<void>>();

  run<T>(id: string, write: () => Promise<T>): Promise<T> {
    const result = (this.tails.get(id) ?? Promise.resolve()).then(write);
    const tail = result.then(
      () => undefined,
      () => undefined,
    );
    this.tails.set(id, tail);
    void tail.then(() => {
      if (this.tails.get(id) === tail) this.tails.delete(id);
    });
    return result;
  }
}

/** An outbox store whose writes to a document wait for (and hold off) the repository's writes to it. */
export class LockedOutboxStore implements OutboxStore {
  constructor(
    private readonly inner: OutboxStore,
    private readonly locks: DocumentLocks,
  ) {}

  get name(): string {
    return this.inner.name;
  }

  findPending(limit: number, exclude: readonly unknown[]): Promise<OutboxDocument[]> {
    return this.inner.findPending(limit, exclude);
  }

  removePublished(id: unknown, events: readonly EventEnvelope[]): Promise<number> {
    return this.locks.run(String(id), () => this.inner.removePublished(id, events));
  }

  clearIfEmpty(id: unknown): Promise<boolean> {
    return this.locks.run(String(id), () => this.inner.clearIfEmpty(id));
  }
}
