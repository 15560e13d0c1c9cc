import { Controller } from '@nestjs/common';
import type { EventOf } from '@aftersales/contracts';
import { OnEvent } from '@aftersales/platform-kafka';
import { LeadKpis } from './lead-kpis.service';
import { LeadsService } from './leads.service';

/** Purchase leads from calls into the dealer's inbox; our own lead events into the conversion figures. */
@Controller()
export class LeadsConsumer {
  constructor(
    private readonly leads: LeadsService,
    private readonly kpis: LeadKpis,
  ) {}

  @OnEvent('LeadCreated.v1')
  created(e: EventOf<'LeadCreated.v1'>) {
    return this.leads.onLeadCreated(e.payload, e.correlationId);
  }

  @OnEvent('LeadReceived.v1')
  received(e: EventOf<'LeadReceived.v1'>) {
    return this.kpis.onLeadReceived(e.payload);
  }

  @OnEvent('LeadStatusChanged.v1')
  statusChanged(e: EventOf<'LeadStatusChanged.v1'>) {
    return this.kpis.onLeadStatusChanged(e.payload);
  }
}
