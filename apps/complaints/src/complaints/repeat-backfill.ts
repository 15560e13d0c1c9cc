import { Inject, Injectable, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import type { Logger } from 'pino';
import { problemSignatureOf, repeatKeys, type ProblemSignature } from '@aftersales/domain-complaints';
import { Clock, LOGGER } from '@aftersales/platform-core';
import { ComplaintsRepository } from './complaints.repository';

export const REPEAT_SIGNATURE_MIGRATION = 'complaints.repeat-signature.v2';

/**
 * Complaints stored before B detection compared problem texts have no problem signature and keep
 * the problem inside their subject keys, so no later complaint would find them. Once per database,
 * after boot and in the background (a large register must not hold the service back), each gets its
 * signature and subject keys as a new complaint would.
 */
@Injectable()
export class RepeatSignatureBackfill implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private running: Promise<number> | null = null;
  private stopping = false;

  constructor(
    private readonly repository: ComplaintsRepository,
    private readonly clock: Clock,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  onApplicationBootstrap() {
    void this.run().catch((err: unknown) => this.logger.error({ err }, 'repeat signature backfill failed; it runs again at the next boot'));
  }

  async beforeApplicationShutdown() {
    this.stopping = true;
    await this.running?.catch(() => undefined);
  }

  /** The number of complaints given a signature (0 when the migration was already done). */
  run(): Promise<number> {
    this.running ??= this.backfill().finally(() => (this.running = null));
    return this.running;
  }

  private async backfill(): Promise<number> {
    if (await this.repository.migrationDone(REPEAT_SIGNATURE_MIGRATION)) return 0;
    let changed = 0;
    let batch: { id: string; problem: ProblemSignature; repeatKeys: string[] }[] = [];
    const flush = async () => {
      changed += await this.repository.setRepeatSignatures(batch);
      batch = [];
    };
    for await (const doc of this.repository.withoutProblemSignature()) {
      // Unfinished: the next boot resumes with what is still unsigned.
      if (this.stopping) return changed;
      batch.push({
        id: doc._id,
        problem: problemSignatureOf({ problemCode: doc.problemCode, content: doc.content ?? '', requirements: doc.requirements, language: doc.customer?.language }),
        repeatKeys: repeatKeys({ vin: doc.vehicle?.vin, phone: doc.customer?.phone }).stored.map((k) => k.key),
      });
      if (batch.length === 500) await flush();
    }
    await flush();
    await this.repository.markMigrationDone(REPEAT_SIGNATURE_MIGRATION, changed, this.clock.now());
    if (changed) this.logger.info({ changed }, 'complaints stored before text-based B detection now have a problem signature');
    return changed;
  }
}
