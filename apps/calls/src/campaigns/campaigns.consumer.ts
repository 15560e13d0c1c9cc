import { Injectable, type OnModuleInit } from '@nestjs/common';
import { EventConsumer } from '@aftersales/platform-kafka';
import { CampaignsService } from './campaigns.service';

/** Deliveries: the vehicles a recall can find, and the care calls of running care campaigns. */
@Injectable()
export class CampaignsConsumer implements OnModuleInit {
  constructor(
    private readonly consumer: EventConsumer,
    private readonly campaigns: CampaignsService,
  ) {}

  onModuleInit() {
    this.consumer.on('VehicleDelivered.v1', (e) => this.campaigns.onVehicleDelivered(e));
  }
}
