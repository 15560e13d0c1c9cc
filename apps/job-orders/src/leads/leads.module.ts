import { Module, type OnModuleInit } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { OutboxRelay } from '@aftersales/platform-kafka';
import { LEAD_MODEL, LeadSchema } from './lead.schema';
import { LEAD_KPI_MODEL, LeadKpiSchema, LeadKpiStore } from './lead-kpis.store';
import { LeadKpis } from './lead-kpis.service';
import { LeadsConsumer } from './leads.consumer';
import { LeadsRepository } from './leads.repository';
import { LeadConnectionResolver, LeadsResolver, RegionLeadKpiResolver, ServiceCenterLeadKpiResolver } from './leads.resolver';
import { LeadsService } from './leads.service';

/** The dealer's lead inbox: purchase leads from the call center, worked to SOLD or LOST, and their conversion. */
@Module({
  imports: [
    MongooseModule.forFeature([
      { name: LEAD_MODEL, schema: LeadSchema },
      { name: LEAD_KPI_MODEL, schema: LeadKpiSchema },
    ]),
  ],
  providers: [LeadsRepository, LeadsService, LeadsResolver, LeadConnectionResolver, LeadKpiStore, LeadKpis, ServiceCenterLeadKpiResolver, RegionLeadKpiResolver],
  controllers: [LeadsConsumer],
})
export class LeadsModule implements OnModuleInit {
  constructor(
    private readonly relay: OutboxRelay,
    private readonly leads: LeadsRepository,
  ) {}

  onModuleInit() {
    this.relay.register(this.leads.outboxModel);
  }
}
