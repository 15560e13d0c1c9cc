import { Controller } from '@nestjs/common';
import type { EventOf } from '@aftersales/contracts';
import { OnEvent } from '@aftersales/platform-kafka';
import { PartsRequestsService } from './parts-requests.service';

/** A workshop's repair order asks for parts: reserve them, or report the shortage. */
@Controller()
export class PartsRequestsConsumer {
  constructor(private readonly requests: PartsRequestsService) {}

  @OnEvent('PartsRequested.v1')
  requested(e: EventOf<'PartsRequested.v1'>) {
    return this.requests.handle(e);
  }
}
