import { Injectable, type OnModuleInit } from '@nestjs/common';
import { EventConsumer } from '@aftersales/platform-kafka';
import { CampaignCallIntake } from './campaign-call.intake';

/** Complaints raised during campaign calls. */
@Injectable()
export class CampaignCallsConsumer implements OnModuleInit {
  constructor(
    private readonly consumer: EventConsumer,
    private readonly intake: CampaignCallIntake,
  ) {}

  onModuleInit() {
    this.consumer.on('CampaignCallRecorded.v1', (e) => this.intake.onCampaignCall(e));
  }
}
