import { Controller } from '@nestjs/common';
import type { EventOf } from '@aftersales/contracts';
import { OnEvent } from '@aftersales/platform-kafka';
import { CampaignCallIntake } from './campaign-call.intake';

/** Complaints raised during campaign calls. */
@Controller()
export class CampaignCallsConsumer {
  constructor(private readonly intake: CampaignCallIntake) {}

  @OnEvent('CampaignCallRecorded.v1')
  campaignCallRecorded(e: EventOf<'CampaignCallRecorded.v1'>) {
    return this.intake.onCampaignCall(e);
  }
}
