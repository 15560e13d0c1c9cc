import { createHmac } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { Logger } from 'pino';
import { createEvent, type AnyEvent, type SourceKind } from '@aftersales/contracts';
import { Clock, ConflictError, LOGGER, NotFoundError } from '@aftersales/platform-core';
import { canAccess, type Principal } from '@aftersales/platform-auth';
import { OutboxRelay } from '@aftersales/platform-kafka';
import {
  applyAction,
  canTransition,
  chooseChannel,
  deterministicUuid,
  effectiveState,
  invitedDelta,
  issueToken,
  LANGUAGES,
  periodOf,
  scheduleInvitation,
  surveyLanguage,
  transitionRefusal,
  TRANSITIONS,
  type InvitationState,
  type SchedulePolicy,
  type TriggerKind,
} from '@aftersales/domain-surveys';
import { CentersRepository } from '../centers/centers.repository';
import { SurveysConfig } from '../config';
import { KpiProjector } from '../kpis/kpi.projector';
import { QuestionnairesService } from '../questionnaires/questionnaires.service';
import type { CustomerInfo, InvitationDoc } from './invitation.schema';
import { InvitationsRepository } from './invitations.repository';
import type { ScheduleItem } from './schedule.repository';
import { Scheduler } from './scheduler';

export const SOURCE = 'surveys';

export interface TriggerInput {
  /** Unique per survey-worthy fact: the invitation's `_id` is `<kind>:<key>`. */
  key: string;
  kind: TriggerKind;
  source: { kind: SourceKind; id: string };
  serviceCenterId: string;
  occurredAt: Date;
  customer: CustomerInfo;
  vehicle?: { vin: string; model?: string; mileageKm?: number };
  links: { jobOrderId?: string; repairOrderId?: string; complaintId?: string };
  correlationId: string;
}

export interface ConsentInput {
  invitationId: string;
  given: boolean;
  incentiveKind?: 'NONE' | 'GIFT' | 'DISCOUNT';
  incentiveDescription?: string;
}

/** Refuses a state change out of order, naming the current state and what it allows. */
export function refuse(state: InvitationState, to: InvitationState, extra = ''): ConflictError {
  return new ConflictError(`${transitionRefusal(state, to)}${extra}`, { state, allowed: TRANSITIONS[state] });
}

@Injectable()
export class InvitationsService {
  private readonly policy: SchedulePolicy;
  private readonly linkKey: Buffer;

  constructor(
    private readonly invitations: InvitationsRepository,
    private readonly centers: CentersRepository,
    private readonly questionnaires: QuestionnairesService,
    private readonly scheduler: Scheduler,
    private readonly kpis: KpiProjector,
    private readonly relay: OutboxRelay,
    private readonly config: SurveysConfig,
    @Inject(Clock) private readonly clock: Clock,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {
    this.policy = {
      delayWorkingDays: {
        VEHICLE_DELIVERED: config.SURVEYS_DELAY_DELIVERY_DAYS,
        JOB_ORDER_CLOSED: config.SURVEYS_DELAY_JOB_ORDER_DAYS,
        COMPLAINT_CLOSED: config.SURVEYS_DELAY_COMPLAINT_DAYS,
      },
      expiryDays: config.SURVEYS_EXPIRY_DAYS,
      reminderAfterDays: config.SURVEYS_REMINDER_DAYS > 0 ? config.SURVEYS_REMINDER_DAYS : null,
    };
    // Link secrets are derived, not random, so two instances racing on the same action issue the same link.
    this.linkKey = createHmac('sha256', config.JWT_SECRET).update('survey-links').digest();
    scheduler.onHandle((item) => this.applyScheduled(item));
  }

  /** Schedules the survey of a service event; a redelivered event changes nothing. */
  async scheduleFromTrigger(t: TriggerInput): Promise<InvitationDoc | null> {
    const id = `${t.kind}:${t.key}`;
    const center = await this.centers.get(t.serviceCenterId);
    // Thrown so the consumer retries and finally dead-letters it: replayable once the center is known.
    if (!center) throw new Error(`service center ${t.serviceCenterId} is not known yet (no ServiceCenterUpserted.v1 seen)`);
    const channel = chooseChannel(t.customer);
    if (!channel) {
      this.logger.info({ invitationId: id }, 'customer has neither e-mail nor phone: no survey');
      return null;
    }
    const { questionnaire } = await this.questionnaires.current();
    const schedule = scheduleInvitation({ ...center.calendar, timeZone: center.timeZone, country: center.country }, t.kind, t.occurredAt, channel, this.policy);
    const now = this.clock.now();
    const doc: InvitationDoc = {
      _id: id,
      serviceCenterId: center._id,
      regionId: center.regionId,
      country: center.country,
      timeZone: center.timeZone,
      trigger: { kind: t.kind, source: t.source, occurredAt: t.occurredAt },
      ...definedLinks(t.links),
      customer: t.customer,
      ...(t.vehicle ? { vehicle: t.vehicle } : {}),
      language: surveyLanguage(t.customer.language, LANGUAGES, 'en'),
      channel,
      questionnaireId: questionnaire.id,
      questionnaireVersion: questionnaire.version,
      state: 'SCHEDULED',
      dueAt: schedule.dueAt,
      remindAt: schedule.remindAt,
      expiresAt: schedule.expiresAt,
      reminded: false,
      secretHash: null,
      consent: null,
      answeredAt: null,
      createdAt: now,
      updatedAt: now,
    };
    const created = await this.invitations.insert(doc);
    // Scheduling again after a redelivery is harmless (actions are idempotent) and heals a crash between the two writes.
    const items: ScheduleItem[] = [
      { invitationId: id, at: schedule.dueAt, action: 'OPEN' },
      ...(schedule.remindAt ? [{ invitationId: id, at: schedule.remindAt, action: 'REMIND' as const }] : []),
      { invitationId: id, at: schedule.expiresAt, action: 'EXPIRE' },
    ];
    await this.scheduler.add(items);
    return created ? doc : this.invitations.findById(id);
  }

  /** Runs a due action of the scheduler: open (issue link / request call), remind once, expire. */
  async applyScheduled(item: ScheduleItem): Promise<void> {
    const inv = await this.invitations.findById(item.invitationId);
    if (!inv) return;
    const step = applyAction(inv.state, item.action, inv.reminded);
    if (!step) return;
    const now = this.clock.now();
    const set: Partial<InvitationDoc> = { state: step.to, updatedAt: now };
    const events: AnyEvent[] = [];
    const meta = (name: string) => ({ source: SOURCE, serviceCenterId: inv.serviceCenterId, id: deterministicUuid(`${inv._id}:${name}`), correlationId: inv._id });
    const trigger = { kind: inv.trigger.source.kind, id: inv.trigger.source.id };
    if (item.action === 'OPEN' || item.action === 'REMIND') {
      if (inv.channel === 'WEB_LINK') {
        const { token, secretHash } = issueToken(inv._id, this.linkSecret(inv._id, item.action));
        set.secretHash = secretHash;
        events.push(
          createEvent(
            'SurveyLinkIssued.v1',
            {
              invitationId: inv._id,
              serviceCenterId: inv.serviceCenterId,
              trigger,
              customer: inv.customer,
              url: `${this.config.SURVEYS_PUBLIC_URL}${token}`,
              token,
              language: inv.language,
              reminder: item.action === 'REMIND',
              expiresAt: inv.expiresAt.toISOString(),
            },
            meta(item.action),
          ),
        );
      } else if (item.action === 'OPEN') {
        events.push(
          createEvent(
            'SurveyCallRequested.v1',
            { invitationId: inv._id, serviceCenterId: inv.serviceCenterId, trigger, customer: inv.customer, dueAt: inv.dueAt.toISOString(), expiresAt: inv.expiresAt.toISOString() },
            meta(item.action),
          ),
        );
      }
      if (step.remind) set.reminded = true;
    }
    await this.invitations.update(inv._id, set, events);
    if (events.length) this.relay.kick();
    if (item.action === 'OPEN') {
      this.kpis.record({ serviceCenterId: inv.serviceCenterId, regionId: inv.regionId, country: inv.country, period: periodOf(now, inv.timeZone) }, invitedDelta());
    }
  }

  /** An invitation the caller may see (another dealer's invitation does not exist for them). */
  async get(principal: Principal, id: string): Promise<InvitationDoc> {
    const inv = await this.invitations.findById(id);
    if (!inv || !canAccess(principal, { serviceCenterId: inv.serviceCenterId, regionId: inv.regionId })) throw new NotFoundError('SurveyInvitation', id);
    return inv;
  }

  /** The call center (or the dealer) asked the customer for time first: record the answer and any incentive offered. */
  async recordConsent(principal: Principal, input: ConsentInput): Promise<InvitationDoc> {
    const inv = await this.get(principal, input.invitationId);
    const now = this.clock.now();
    const state = effectiveState(inv.state, inv.expiresAt, now);
    if (state !== 'OPEN') throw refuse(state, input.given ? 'ANSWERED' : 'DECLINED', '; consent is recorded on OPEN invitations only');
    const consent = {
      given: input.given,
      at: now,
      by: principal.subject,
      incentive: input.incentiveKind ? { kind: input.incentiveKind, ...(input.incentiveDescription ? { description: input.incentiveDescription } : {}) } : null,
    };
    const set: Partial<InvitationDoc> = { consent, updatedAt: now };
    if (!input.given) {
      if (!canTransition(state, 'DECLINED')) throw refuse(state, 'DECLINED');
      set.state = 'DECLINED';
    }
    await this.invitations.update(inv._id, set);
    return { ...inv, ...set };
  }

  private linkSecret(invitationId: string, action: string): Buffer {
    return createHmac('sha256', this.linkKey).update(`${invitationId}:${action}`).digest().subarray(0, 24);
  }
}

function definedLinks(links: TriggerInput['links']): Pick<InvitationDoc, 'jobOrderId' | 'repairOrderId' | 'complaintId'> {
  return Object.fromEntries(Object.entries(links).filter(([, v]) => typeof v === 'string' && v.length > 0));
}
