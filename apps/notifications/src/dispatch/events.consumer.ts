import { Controller } from '@nestjs/common';
import type { EventOf } from '@aftersales/contracts';
import { HQ_COMPLAINT_CLOCKS, isLanguage, type NotificationKind } from '@aftersales/domain-notifications';
import { OnEvent } from '@aftersales/platform-kafka';
import { NotificationsConfig } from '../config';
import { Dispatcher, type Notice } from './dispatcher';
import { Recipients } from './recipients';

type Envelope = { id: string; type: string; occurredAt: string };

/**
 * The events that name someone who must act (the network's centers and staff are kept by
 * @aftersales/platform-centers on the same consumer). Who gets which: apps/notifications/README.md.
 */
@Controller()
export class EventsConsumer {
  constructor(
    private readonly dispatcher: Dispatcher,
    private readonly recipients: Recipients,
    private readonly config: NotificationsConfig,
  ) {}

  private link(path: string): string {
    return `${this.config.NOTIFICATIONS_CONSOLE_URL.replace(/\/$/, '')}/${path}`;
  }

  private notice(e: Envelope, kind: NotificationKind, serviceCenterId: string | undefined, facts: Omit<Notice['facts'], 'kind'>): Notice {
    return { event: { id: e.id, type: e.type, occurredAt: e.occurredAt }, serviceCenterId, facts: { kind, ...facts } };
  }

  @OnEvent('ComplaintTransferred.v1')
  async transferred(e: EventOf<'ComplaintTransferred.v1'>): Promise<void> {
    const p = e.payload;
    const notice = this.notice(e, 'COMPLAINT_TRANSFERRED', p.serviceCenterId, {
      reference: p.number,
      link: this.link(`complaints/${p.complaintId}`),
      deadlineAt: p.firstReplyDueAt,
      vars: { cls: p.class },
    });
    await this.dispatcher.toStaff(notice, await this.recipients.named(p.serviceCenterId, [...p.to, ...p.cc]));
  }

  @OnEvent('ComplaintDeadlineWarning.v1')
  async complaintWarning(e: EventOf<'ComplaintDeadlineWarning.v1'>): Promise<void> {
    await this.complaintDeadline(e, 'COMPLAINT_DEADLINE_WARNING');
  }

  @OnEvent('ComplaintDeadlineBreached.v1')
  async complaintBreached(e: EventOf<'ComplaintDeadlineBreached.v1'>): Promise<void> {
    await this.complaintDeadline(e, 'COMPLAINT_DEADLINE_BREACHED');
  }

  private async complaintDeadline(e: EventOf<'ComplaintDeadlineWarning.v1'> | EventOf<'ComplaintDeadlineBreached.v1'>, kind: NotificationKind): Promise<void> {
    const p = e.payload;
    const notice = this.notice(e, kind, p.serviceCenterId, { reference: p.number, link: this.link(`complaints/${p.complaintId}`), deadlineAt: p.dueAt, vars: { clock: p.clock } });
    // HQ's own clock (forwarding to the distributor) is HQ's to meet.
    await this.dispatcher.toStaff(notice, await this.recipients.forKind(kind, p.serviceCenterId, HQ_COMPLAINT_CLOCKS.includes(p.clock)));
  }

  @OnEvent('ComplaintPostponed.v1')
  async postponed(e: EventOf<'ComplaintPostponed.v1'>): Promise<void> {
    const p = e.payload;
    const notice = this.notice(e, 'COMPLAINT_POSTPONED', p.serviceCenterId, { reference: p.number, link: this.link(`complaints/${p.complaintId}`), deadlineAt: p.until, vars: { reason: p.reason } });
    await this.dispatcher.toStaff(notice, await this.recipients.forKind('COMPLAINT_POSTPONED', p.serviceCenterId));
  }

  @OnEvent('ComplaintReclassified.v1')
  async reclassified(e: EventOf<'ComplaintReclassified.v1'>): Promise<void> {
    const p = e.payload;
    const notice = this.notice(e, 'COMPLAINT_RECLASSIFIED', p.serviceCenterId, {
      reference: p.number,
      link: this.link(`complaints/${p.complaintId}`),
      vars: { from: p.from, to: p.to, reason: p.reason },
    });
    await this.dispatcher.toStaff(notice, await this.recipients.forKind('COMPLAINT_RECLASSIFIED', p.serviceCenterId));
  }

  @OnEvent('JobOrderSlaWarning.v1')
  async slaWarning(e: EventOf<'JobOrderSlaWarning.v1'>): Promise<void> {
    const p = e.payload;
    const notice = this.notice(e, 'JOB_ORDER_SLA_WARNING', p.serviceCenterId, { reference: p.jobOrderId, link: this.link(`job-orders/${p.jobOrderId}`), deadlineAt: p.dueAt, vars: { clock: p.clock } });
    // An HQ-tier order's clock runs at HQ.
    await this.dispatcher.toStaff(notice, await this.recipients.forKind('JOB_ORDER_SLA_WARNING', p.serviceCenterId, p.tier === 'HQ'));
  }

  @OnEvent('JobOrderSlaBreached.v1')
  async slaBreached(e: EventOf<'JobOrderSlaBreached.v1'>): Promise<void> {
    const p = e.payload;
    const notice = this.notice(e, 'JOB_ORDER_ESCALATED', p.serviceCenterId, { reference: p.jobOrderId, link: this.link(`job-orders/${p.jobOrderId}`), deadlineAt: p.dueAt, vars: { clock: p.clock } });
    await this.dispatcher.toStaff(notice, await this.recipients.forKind('JOB_ORDER_ESCALATED', p.serviceCenterId));
  }

  @OnEvent('CustomerContactEscalated.v1')
  async contactEscalated(e: EventOf<'CustomerContactEscalated.v1'>): Promise<void> {
    const p = e.payload;
    const notice = this.notice(e, 'JOB_ORDER_ESCALATED', p.serviceCenterId, {
      reference: p.jobOrderId,
      link: this.link(`job-orders/${p.jobOrderId}`),
      deadlineAt: p.dueAt,
      vars: { clock: 'CUSTOMER_CONTACT' },
    });
    await this.dispatcher.toStaff(notice, await this.recipients.forKind('JOB_ORDER_ESCALATED', p.serviceCenterId));
  }

  /**
   * A rescue moved up the emergency plan: the people of the center acting for the new level (the
   * region's regional center; HQ's service department) must dispatch before its deadline.
   */
  @OnEvent('RescueEscalated.v1')
  async rescueEscalated(e: EventOf<'RescueEscalated.v1'>): Promise<void> {
    const p = e.payload;
    const notice = this.notice(e, 'RESCUE_ESCALATED', p.serviceCenterId, {
      reference: p.rescueId,
      link: this.link(`rescues/${p.rescueId}`),
      deadlineAt: p.dueAt,
      vars: { to: p.toLevel, reason: p.reason },
    });
    await this.toLevel(notice, p.toLevel, p.levelCenterId);
  }

  /**
   * The people of the center acting for a level of the emergency plan; at HQ level HQ's service
   * department, as for a region without a regional center (its level has nobody of its own).
   */
  private async toLevel(notice: Notice, level: 'REGION' | 'HQ', levelCenterId: string | undefined): Promise<void> {
    const hq = level === 'HQ' || !levelCenterId;
    await this.dispatcher.toStaff(notice, await this.recipients.forKind(notice.facts.kind, hq ? undefined : levelCenterId, hq));
  }

  /** Ask-the-experts: the level's experts (the people of its center) answer before the deadline. */
  @OnEvent('ExpertQuestionRouted.v1')
  async expertQuestion(e: EventOf<'ExpertQuestionRouted.v1'>): Promise<void> {
    const p = e.payload;
    const notice = this.notice(e, 'EXPERT_QUESTION', p.serviceCenterId, {
      reference: p.questionId,
      link: this.link(`expert-questions/${p.questionId}`),
      deadlineAt: p.dueAt,
      vars: { cls: p.faultCode },
    });
    await this.toLevel(notice, p.level, p.levelCenterId);
  }

  @OnEvent('LeadCreated.v1')
  async lead(e: EventOf<'LeadCreated.v1'>): Promise<void> {
    const p = e.payload;
    const notice = this.notice(e, 'LEAD_CREATED', p.serviceCenterId, { reference: p.leadId, link: this.link(`leads/${p.leadId}`) });
    await this.dispatcher.toStaff(notice, await this.recipients.forKind('LEAD_CREATED', p.serviceCenterId));
  }

  @OnEvent('SurveyLinkIssued.v1')
  async surveyLink(e: EventOf<'SurveyLinkIssued.v1'>): Promise<void> {
    const p = e.payload;
    const notice = { ...this.notice(e, 'SURVEY_LINK', p.serviceCenterId, { reference: p.invitationId, link: p.url, deadlineAt: p.expiresAt }), serviceCenterId: p.serviceCenterId };
    await this.dispatcher.toCustomer(notice, p.customer, isLanguage(p.language) ? p.language : 'en', `customer:${p.invitationId}`);
  }

  @OnEvent('PartClassChanged.v1')
  async partClass(e: EventOf<'PartClassChanged.v1'>): Promise<void> {
    const p = e.payload;
    const notice = this.notice(e, 'PART_CLASS_CHANGED', p.locationId, {
      reference: p.partNumber,
      link: this.link(`parts/${p.locationId}/${encodeURIComponent(p.partNumber)}`),
      vars: { from: p.fromAbc ?? '-', to: p.toAbc, location: p.locationId },
    });
    await this.dispatcher.toStaff(notice, await this.recipients.forKind('PART_CLASS_CHANGED', p.locationId));
  }
}
