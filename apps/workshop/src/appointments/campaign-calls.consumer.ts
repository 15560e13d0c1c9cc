import { Injectable, type OnModuleInit } from '@nestjs/common';
import { EventConsumer } from '@aftersales/platform-kafka';
import { AppointmentsService } from './appointments.service';

/** A campaign call the customer booked at the call center: the appointment is the workshop's to make. */
@Injectable()
export class CampaignCallsConsumer implements OnModuleInit {
  constructor(
    private readonly consumer: EventConsumer,
    private readonly appointments: AppointmentsService,
  ) {}

  onModuleInit() {
    this.consumer.on('CampaignCallRecorded.v1', (e) => this.appointments.onCampaignCallRecorded(e));
  }
}
