import { Injectable } from '@nestjs/common';
import type { EventOf } from '@aftersales/contracts';
import { NetworkCenters } from '@aftersales/platform-centers';
import { ComplaintsService } from './complaints.service';
import { intakeIdOf } from './intake.consumer';

/**
 * A customer who complained during a campaign call (CampaignCallRecorded.v1, outcome COMPLAINT): the
 * complaint goes through the same intake as a complaint call (classification, repeat detection,
 * deadlines, the distributor's job order), channel PHONE, at the center the vehicle is assigned to.
 * Its id derives from the call task, so a redelivered event finds it.
 */
@Injectable()
export class CampaignCallIntake {
  constructor(
    private readonly complaints: ComplaintsService,
    private readonly centers: NetworkCenters,
  ) {}

  async onCampaignCall(e: EventOf<'CampaignCallRecorded.v1'>): Promise<void> {
    const p = e.payload;
    if (p.outcome !== 'COMPLAINT' || !p.complaint) return;
    const campaign = `${p.campaignKind === 'RECALL' ? 'Recall' : p.campaignKind === 'SERVICE' ? 'Service' : 'Care'} campaign "${p.campaignName}"`;
    await this.complaints.receive({
      id: intakeIdOf('CAMPAIGN_CALL', p.taskId)!,
      channel: 'PHONE',
      origin: { kind: 'CAMPAIGN_CALL', id: p.taskId },
      // A center the network has not announced is kept unassigned; HQ names it at the transfer.
      serviceCenterId: (await this.centers.find(p.serviceCenterId)) ? p.serviceCenterId : null,
      customer: { name: p.customer.name, phone: p.customer.phone, email: p.customer.email, country: p.customer.country, language: p.customer.language },
      vehicle: { vin: p.vehicle.vin, model: p.vehicle.model, mileageKm: p.vehicle.mileageKm },
      type: 'SERVICE_QUALITY',
      relatedProductModels: p.vehicle.model ? [p.vehicle.model] : [],
      content: `${p.complaint.text}\n(${campaign})`,
      // Repeat detection compares the customer's words, not the campaign's name.
      problemText: p.complaint.text,
      images: [],
      requirements: p.complaint.requirement ?? '',
      problemCode: null,
      flags: [],
      receivedAt: new Date(p.recordedAt),
      receivedBy: `agent:${p.agentId}`,
    });
  }
}
