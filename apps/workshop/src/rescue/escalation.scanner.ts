import { Inject, Injectable } from '@nestjs/common';
import type { Logger } from 'pino';
import { LOGGER } from '@aftersales/platform-core';
import { IntervalJob } from '../common/interval-job';
import { WorkshopConfig } from '../config';
import { RescueService } from './rescue.service';

/** A level of the emergency plan that lets its dispatch clock run out hands the case up automatically. */
@Injectable()
export class RescueEscalationScanner extends IntervalJob {
  constructor(
    private readonly rescues: RescueService,
    @Inject(WorkshopConfig) config: WorkshopConfig,
    @Inject(LOGGER) logger: Logger,
  ) {
    super('rescue escalation scan', config.WORKSHOP_SCAN_INTERVAL_MS, logger);
  }

  protected run(): Promise<number> {
    return this.rescues.escalateDue();
  }
}
