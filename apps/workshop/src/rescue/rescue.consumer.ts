import { Controller } from '@nestjs/common';
import type { EventOf } from '@aftersales/contracts';
import { OnEvent } from '@aftersales/platform-kafka';
import { RescueService } from './rescue.service';

/** A rescue the call center dispatched to one of our outlets. */
@Controller()
export class RescueConsumer {
  constructor(private readonly rescues: RescueService) {}

  @OnEvent('RescueRequested.v1')
  requested(e: EventOf<'RescueRequested.v1'>) {
    return this.rescues.fromCall(e);
  }
}
