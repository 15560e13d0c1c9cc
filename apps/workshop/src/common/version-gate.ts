import type { Connection } from 'mongoose';
import { upsertRetrying } from '@aftersales/platform-core';

/**
 * Tells an in-memory read model when another instance changed its collection: writers bump a
 * counter (one `_id` update), readers compare it at most every `checkMs` (one `_id` read) and reload
 * only when it moved.
 */
export class VersionGate {
  private known = -1;
  private checkedAt = 0;
  private checking: Promise<boolean> | null = null;

  constructor(
    private readonly connection: Connection,
    private readonly key: string,
    private readonly checkMs: number,
  ) {}

  private get versions() {
    return this.connection.collection<{ _id: string; version: number }>('read_model_versions');
  }

  async current(): Promise<number> {
    return (await this.versions.findOne({ _id: this.key }))?.version ?? 0;
  }

  /** After a reload from the store: the version the reload saw. */
  seen(version: number): void {
    this.known = Math.max(this.known, version);
    this.checkedAt = Date.now();
  }

  /** After an own write already applied in memory. */
  async bump(): Promise<void> {
    const doc = await upsertRetrying(() => this.versions.findOneAndUpdate({ _id: this.key }, { $inc: { version: 1 } }, { upsert: true, returnDocument: 'after' }));
    const version = doc?.version ?? 0;
    // Only our write moved it: memory is current. Otherwise leave `known` behind so the next check reloads.
    if (version === this.known + 1) this.known = version;
  }

  /** True when another instance wrote since the last reload (checked at most every checkMs). */
  stale(): Promise<boolean> {
    if (Date.now() - this.checkedAt < this.checkMs) return Promise.resolve(false);
    this.checking ??= this.current()
      .then((v) => {
        this.checkedAt = Date.now();
        return v !== this.known;
      })
      .finally(() => {
        this.checking = null;
      });
    return this.checking;
  }
}
