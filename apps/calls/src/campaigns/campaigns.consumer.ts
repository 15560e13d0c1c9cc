import { Controller } from '@nestjs/common';
import type { EventOf } from '@aftersales/contracts';
import { OnEvent } from '@aftersales/platform-kafka';
import { CampaignsService } from './campaigns.service';

/** Deliveries: the vehicles a recall can find, and the care calls of running care campaigns. */
@Controller()
export class CampaignsConsumer {
  constructor(private readonly campaigns: CampaignsService) {}

  @OnEvent('VehicleDelivered.v1')
  vehicleDelivered(e: EventOf<'VehicleDelivered.v1'>) {
    return this.campaigns.onVehicleDelivered(e);
  }
}
