import { Controller } from '@nestjs/common';
import type { EventOf } from '@aftersales/contracts';
import type { ComplaintType } from '@aftersales/domain-complaints';
import { NetworkCenters } from '@aftersales/platform-centers';
import { OnEvent } from '@aftersales/platform-kafka';
import { ComplaintsService, type Intake } from './complaints.service';

/**
 * A complaint received from an event gets an id derived from what it came from, so a redelivered
 * event finds it instead of creating a second one, and a job order pointing at the call (or survey
 * answer, or follow-up) finds the complaint by `_id`.
 */
export function intakeIdOf(kind: string, id: string): string | null {
  switch (kind) {
    case 'CALL':
      return `call-${id}`;
    case 'SURVEY':
      return `survey-${id}`;
    case 'WORKSHOP_FOLLOW_UP':
      return `followup-${id}`;
    case 'CAMPAIGN_CALL':
      return `campaign-${id}`;
    default:
      return null;
  }
}

const opt = <T>(v: T | null | undefined): T | undefined => (v === null ? undefined : v);

/** Intake from the other services: complaint and suggestion calls, dissatisfied survey answers, workshop follow-ups. */
@Controller()
export class IntakeConsumer {
  constructor(
    private readonly complaints: ComplaintsService,
    private readonly centers: NetworkCenters,
  ) {}

  /** A center the network has not announced is kept unassigned; HQ names it at the transfer. */
  private async knownCenter(id: string | undefined): Promise<string | null> {
    return id && (await this.centers.find(id)) ? id : null;
  }

  @OnEvent('CallLogged.v1')
  async onCall(e: EventOf<'CallLogged.v1'>): Promise<void> {
    const p = e.payload;
    if (p.category !== 'COMPLAINT' && p.category !== 'SUGGESTION') return;
    // A complaint call about a fault concerns the product; otherwise the service.
    const type: ComplaintType = p.category === 'SUGGESTION' ? 'CLIENT_SUGGESTION' : p.fault ? 'PRODUCT_QUALITY' : 'SERVICE_QUALITY';
    await this.complaints.receive(
      this.intake({
        id: intakeIdOf('CALL', p.callId)!,
        channel: 'PHONE',
        origin: { kind: 'CALL', id: p.callId },
        serviceCenterId: await this.knownCenter(p.serviceCenterId),
        customer: p.customer,
        vehicle: p.vehicle,
        type,
        content: [p.record.what, p.record.why, p.fault].filter(Boolean).join('\n'),
        requirements: p.requirement ?? '',
        receivedAt: new Date(p.startedAt),
        receivedBy: `agent:${p.agentId}`,
      }),
    );
  }

  @OnEvent('CustomerDissatisfied.v1')
  async onDissatisfied(e: EventOf<'CustomerDissatisfied.v1'>): Promise<void> {
    const p = e.payload;
    const reasons = p.reasons.map((r) => `${r.kind}: ${r.detail}`);
    await this.complaints.receive(
      this.intake({
        id: intakeIdOf('SURVEY', p.responseId)!,
        channel: 'SURVEY',
        origin: { kind: 'SURVEY', id: p.responseId },
        aboutJobOrderId: p.jobOrderId ?? null,
        serviceCenterId: await this.knownCenter(p.serviceCenterId),
        customer: p.customer,
        vehicle: p.vehicle,
        type: 'SERVICE_QUALITY',
        content: [...reasons, p.verbatim].filter(Boolean).join('\n'),
        // The scores behind the reasons are the survey's words, not the customer's: B compares the verbatim only.
        problemText: p.verbatim ?? '',
        requirements: '',
        receivedAt: new Date(p.answeredAt),
        receivedBy: 'system:surveys',
      }),
    );
  }

  @OnEvent('WorkshopComplaintRaised.v1')
  async onWorkshopComplaint(e: EventOf<'WorkshopComplaintRaised.v1'>): Promise<void> {
    const p = e.payload;
    await this.complaints.receive(
      this.intake({
        id: intakeIdOf('WORKSHOP_FOLLOW_UP', p.followUpId)!,
        channel: 'PHONE',
        origin: { kind: 'WORKSHOP_FOLLOW_UP', id: p.followUpId },
        serviceCenterId: await this.knownCenter(p.serviceCenterId),
        customer: p.customer,
        vehicle: p.vehicle,
        type: 'SERVICE_QUALITY',
        content: p.text,
        requirements: '',
        receivedAt: new Date(p.raisedAt),
        receivedBy: 'system:workshop',
      }),
    );
  }

  private intake(i: {
    id: string;
    channel: Intake['channel'];
    origin: Intake['origin'];
    aboutJobOrderId?: string | null;
    serviceCenterId: string | null;
    customer: { name: string; phone?: string; email?: string; country: string; language?: string };
    vehicle?: { vin: string; model?: string; mileageKm?: number };
    type: ComplaintType;
    content: string;
    problemText?: string;
    requirements: string;
    receivedAt: Date;
    receivedBy: string;
  }): Intake {
    return {
      id: i.id,
      channel: i.channel,
      origin: i.origin,
      aboutJobOrderId: i.aboutJobOrderId ?? null,
      serviceCenterId: i.serviceCenterId,
      customer: { name: i.customer.name, phone: opt(i.customer.phone), email: opt(i.customer.email), country: i.customer.country, language: opt(i.customer.language) },
      vehicle: i.vehicle ? { vin: i.vehicle.vin, model: opt(i.vehicle.model), mileageKm: opt(i.vehicle.mileageKm) } : null,
      type: i.type,
      relatedProductModels: i.vehicle?.model ? [i.vehicle.model] : [],
      content: i.content || '(no content)',
      problemText: i.problemText,
      images: [],
      requirements: i.requirements,
      problemCode: null,
      flags: [],
      receivedAt: i.receivedAt,
      receivedBy: i.receivedBy,
    };
  }
}
