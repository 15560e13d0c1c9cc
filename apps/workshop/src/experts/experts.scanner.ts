import { Inject, Injectable } from '@nestjs/common';
import type { Logger } from 'pino';
import { LOGGER } from '@aftersales/platform-core';
import { IntervalJob } from '../common/interval-job';
import { WorkshopConfig } from '../config';
import { ExpertsService } from './experts.service';

/** A question the region's experts leave unanswered past their clock goes to HQ's automatically. */
@Injectable()
export class ExpertQuestionScanner extends IntervalJob {
  constructor(
    private readonly experts: ExpertsService,
    @Inject(WorkshopConfig) config: WorkshopConfig,
    @Inject(LOGGER) logger: Logger,
  ) {
    super('expert question scan', config.WORKSHOP_SCAN_INTERVAL_MS, logger);
  }

  protected run(): Promise<number> {
    return this.experts.escalateDue();
  }
}
