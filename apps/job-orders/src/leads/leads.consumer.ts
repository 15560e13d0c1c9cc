import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import type { EventOf } from '@aftersales/contracts';
import { KafkaEventContext, OnEvent } from '@aftersales/platform-kafka';
import { LeadKpis } from './lead-kpis.service';
import { LeadsService } from './leads.service';

/**
 * Purchase leads from calls into the dealer's inbox; our own lead events into the conversion figures
 * (transactional: an increment commits with the record of its event, so a crash never counts it twice).
 */
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

  @OnEvent('LeadReceived.v1', { transactional: true })
  received(@Payload() e: EventOf<'LeadReceived.v1'>, @Ctx() ctx: KafkaEventContext) {
    return this.kpis.onLeadReceived(e.payload, ctx.getSession());
  }

  @OnEvent('LeadStatusChanged.v1', { transactional: true })
  statusChanged(@Payload() e: EventOf<'LeadStatusChanged.v1'>, @Ctx() ctx: KafkaEventContext) {
    return this.kpis.onLeadStatusChanged(e.payload, ctx.getSession());
  }
}
