/**
 * Runs tasks one after another per key. The local document store (FerretDB 1.24 on SQLite) applies
 * an update as read-modify-write without isolation, so concurrent `$inc`/`$push` on one document
 * lose writes (measured: 20 parallel `$push` kept 4). Within one instance the writes to shared
 * documents (counters, index buckets, schedule hours) are therefore queued here.
 */
export class Serial {
  private readonly tails = new Map<string, Promise<unknown>>();

  run<T>(key: string, task: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    const next = previous.then(task, task);
    const tail = next.catch(() => undefined);
    this.tails.set(key, tail);
    void tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    });
    return next;
  }
}
