import { Controller, Inject } from '@nestjs/common';
import type { Logger } from 'pino';
import type { EventOf } from '@aftersales/contracts';
import { LOGGER, ValidationFailedError } from '@aftersales/platform-core';
import { OnEvent } from '@aftersales/platform-kafka';
import { TelematicsService } from './telematics.service';

/** Providers' bulk feeds: the webhook's intake without the signature (the feed is inside the perimeter). */
@Controller()
export class TelematicsFeedConsumer {
  constructor(
    private readonly service: TelematicsService,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  @OnEvent('TelematicsReported.v1')
  async reported(e: EventOf<'TelematicsReported.v1'>): Promise<void> {
    try {
      await this.service.ingest(e.payload.provider, e.payload.event, 'FEED');
    } catch (err) {
      // A bad body stays bad on every retry: it is logged with its issues and skipped, as the webhook answers 400.
      if (!(err instanceof ValidationFailedError)) throw err;
      this.logger.warn({ eventId: e.id, provider: e.payload.provider, issues: err.issues }, 'telematics feed event rejected');
    }
  }
}
