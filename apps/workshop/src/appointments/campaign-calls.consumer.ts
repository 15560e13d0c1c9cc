import { Controller } from '@nestjs/common';
import type { EventOf } from '@aftersales/contracts';
import { OnEvent } from '@aftersales/platform-kafka';
import { AppointmentsService } from './appointments.service';

/** Appointments the call center sets off (a campaign call booked, a fault reported): the workshop's to make. */
@Controller()
export class CampaignCallsConsumer {
  constructor(private readonly appointments: AppointmentsService) {}

  @OnEvent('CampaignCallRecorded.v1')
  campaignCallRecorded(e: EventOf<'CampaignCallRecorded.v1'>) {
    return this.appointments.onCampaignCallRecorded(e);
  }

  /** A connected car's severe fault: the workshop proposes a visit at the customer's dealer. */
  @OnEvent('VehicleFaultReported.v1')
  vehicleFaultReported(e: EventOf<'VehicleFaultReported.v1'>) {
    return this.appointments.onVehicleFaultReported(e);
  }
}
