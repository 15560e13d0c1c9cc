import { Controller } from '@nestjs/common';
import type { EventOf } from '@aftersales/contracts';
import { OnEvent } from '@aftersales/platform-kafka';
import { AppointmentsService } from './appointments.service';

/** A campaign call the customer booked at the call center: the appointment is the workshop's to make. */
@Controller()
export class CampaignCallsConsumer {
  constructor(private readonly appointments: AppointmentsService) {}

  @OnEvent('CampaignCallRecorded.v1')
  campaignCallRecorded(e: EventOf<'CampaignCallRecorded.v1'>) {
    return this.appointments.onCampaignCallRecorded(e);
  }
}
