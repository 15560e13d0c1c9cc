import { Injectable, type OnModuleInit } from '@nestjs/common';
import { EventConsumer } from '@aftersales/platform-kafka';
import { LeadKpis } from './lead-kpis.service';
import { LeadsService } from './leads.service';

/** Purchase leads from calls into the dealer's inbox; our own lead events into the conversion figures. */
@Injectable()
export class LeadsConsumer implements OnModuleInit {
  constructor(
    private readonly consumer: EventConsumer,
    private readonly leads: LeadsService,
    private readonly kpis: LeadKpis,
  ) {}

  onModuleInit() {
    this.consumer
      .on('LeadCreated.v1', (e) => this.leads.onLeadCreated(e.payload, e.correlationId))
      .on('LeadReceived.v1', (e) => this.kpis.onLeadReceived(e.payload))
      .on('LeadStatusChanged.v1', (e) => this.kpis.onLeadStatusChanged(e.payload));
  }
}
