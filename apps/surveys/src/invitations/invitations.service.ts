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
  dueAction,
  effectiveState,
  invitedDelta,
  issueToken,
  LANGUAGES,
  nextScheduledAction,
  periodOf,
  scheduleInvitation,
  surveyLanguage,
  transitionRefusal,
  TRANSITIONS,
  type InvitationState,
  type ScheduledInvitation,
  type SchedulePolicy,
  type TriggerKind,
  surveyDelaysOf,
} from '@aftersales/domain-surveys';
import { NetworkPolicies } from '@aftersales/platform-policies';
import { NetworkCenters } from '@aftersales/platform-centers';
import { SurveysConfig } from '../config';
import { KpiProjector } from '../kpis/kpi.projector';
import { QuestionnairesService } from '../questionnaires/questionnaires.service';
import type { CustomerInfo, InvitationDoc } from './invitation.schema';
import { InvitationsRepository } from './invitations.repository';
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

const CONSENT_ON_OPEN = '; consent is recorded on OPEN invitations only';

/** Refuses a state change out of order, naming the current state and what it allows. */
export function refuse(state: InvitationState, to: InvitationState, extra = ''): ConflictError {
  return new ConflictError(`${transitionRefusal(state, to)}${extra}`, { state, allowed: TRANSITIONS[state] });
}

/** An answer to an invitation no longer open (an expired one says since when). */
export function refuseAnswer(inv: Pick<InvitationDoc, 'expiresAt'>, state: InvitationState): ConflictError {
  return refuse(state, 'ANSWERED', state === 'EXPIRED' ? ` (expired at ${inv.expiresAt.toISOString()})` : '');
}

/** The scheduler's fields for an invitation in this state. */
export function nextActionOf(inv: ScheduledInvitation): Pick<InvitationDoc, 'nextActionAt' | 'nextAction'> {
  const next = nextScheduledAction(inv);
  return { nextActionAt: next?.at ?? null, nextAction: next?.action ?? null };
}

@Injectable()
export class InvitationsService {
  /** Expiry and reminder (deployment settings); the delay comes from each invitation's policy version. */
  private readonly schedule: Omit<SchedulePolicy, 'delayWorkingDays'>;
  private readonly linkKey: Buffer;

  constructor(
    private readonly invitations: InvitationsRepository,
    private readonly centers: NetworkCenters,
    private readonly questionnaires: QuestionnairesService,
    scheduler: Scheduler,
    private readonly kpis: KpiProjector,
    private readonly relay: OutboxRelay,
    private readonly config: SurveysConfig,
    @Inject(Clock) private readonly clock: Clock,
    @Inject(LOGGER) private readonly logger: Logger,
    private readonly policies: NetworkPolicies,
  ) {
    this.schedule = {
      expiryDays: config.SURVEYS_EXPIRY_DAYS,
      reminderAfterDays: config.SURVEYS_REMINDER_DAYS > 0 ? config.SURVEYS_REMINDER_DAYS : null,
    };
    // Link secrets are derived, not random, so two instances racing on the same action issue the same link.
    this.linkKey = createHmac('sha256', config.JWT_SECRET).update('survey-links').digest();
    scheduler.onHandle((id, now) => this.applyDue(id, now));
  }

  /** Schedules the survey of a service event; a redelivered event changes nothing. */
  async scheduleFromTrigger(t: TriggerInput): Promise<InvitationDoc | null> {
    const id = `${t.kind}:${t.key}`;
    const center = await this.centers.find(t.serviceCenterId);
    // Thrown so the consumer retries and finally dead-letters it: replayable once the center is known.
    if (!center) throw new Error(`service center ${t.serviceCenterId} is not known yet (no ServiceCenterUpserted.v1 seen)`);
    const channel = chooseChannel(t.customer);
    if (!channel) {
      this.logger.info({ invitationId: id }, 'customer has neither e-mail nor phone: no survey');
      return null;
    }
    const { questionnaire } = await this.questionnaires.current();
    const now = this.clock.now();
    // The delay in force at the center when the invitation is created; a later policy change never moves it.
    const policy = await this.policies.effectivePolicy(center._id, now);
    const schedule = scheduleInvitation(this.centers.calendarOf(center), t.kind, t.occurredAt, channel, { ...this.schedule, delayWorkingDays: surveyDelaysOf(policy.values) });
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
      ...nextActionOf({ state: 'SCHEDULED', ...schedule, reminded: false }),
      policyVersion: policy.version,
      createdAt: now,
      updatedAt: now,
    };
    const created = await this.invitations.insert(doc);
    return created ? doc : this.invitations.findById(id);
  }

  /** Runs what is due of an invitation at `now`: open (issue link / request call), remind once, expire. */
  async applyDue(invitationId: string, now: Date): Promise<void> {
    const inv = await this.invitations.findById(invitationId);
    if (!inv) return;
    const action = dueAction(inv, now);
    const step = action && applyAction(inv.state, action, inv.reminded);
    if (!action || !step) return;
    const set: Partial<InvitationDoc> = { state: step.to, updatedAt: now };
    const events: AnyEvent[] = [];
    const meta = (name: string) => ({ source: SOURCE, serviceCenterId: inv.serviceCenterId, id: deterministicUuid(`${inv._id}:${name}`), correlationId: inv._id });
    const trigger = { kind: inv.trigger.source.kind, id: inv.trigger.source.id };
    if (action === 'OPEN' || action === 'REMIND') {
      if (inv.channel === 'WEB_LINK') {
        const { token, secretHash } = issueToken(inv._id, this.linkSecret(inv._id, action));
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
              reminder: action === 'REMIND',
              expiresAt: inv.expiresAt.toISOString(),
            },
            meta(action),
          ),
        );
      } else if (action === 'OPEN') {
        events.push(
          createEvent(
            'SurveyCallRequested.v1',
            { invitationId: inv._id, serviceCenterId: inv.serviceCenterId, trigger, customer: inv.customer, dueAt: inv.dueAt.toISOString(), expiresAt: inv.expiresAt.toISOString() },
            meta(action),
          ),
        );
      }
      if (step.remind) set.reminded = true;
    }
    Object.assign(set, nextActionOf({ ...inv, ...set } as InvitationDoc));
    // Decided on this state: an answer, a refusal or another instance's scheduler that came first wins.
    if (!(await this.invitations.transition(inv._id, { state: inv.state, reminded: inv.reminded }, set, events))) return;
    if (events.length) this.relay.kick();
    if (action === 'OPEN') {
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
    if (state !== 'OPEN') throw refuse(state, input.given ? 'ANSWERED' : 'DECLINED', CONSENT_ON_OPEN);
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
      Object.assign(set, nextActionOf({ ...inv, state: 'DECLINED' }));
    }
    if (!(await this.invitations.transition(inv._id, { state: 'OPEN', expiresAt: { $gt: now } }, set))) {
      throw await this.refusedNow(inv._id, (_, state) => refuse(state, input.given ? 'ANSWERED' : 'DECLINED', CONSENT_ON_OPEN));
    }
    return { ...inv, ...set };
  }

  /** Why a conditional change found the invitation moved on (answered, declined, expired) since it was read. */
  async refusedNow(id: string, refusal: (inv: InvitationDoc, state: InvitationState) => ConflictError): Promise<ConflictError> {
    const inv = await this.invitations.findById(id);
    const state = inv ? effectiveState(inv.state, inv.expiresAt, this.clock.now()) : 'OPEN';
    if (!inv || state === 'OPEN') return new ConflictError(`invitation ${id} changed concurrently; try again`, { state, allowed: TRANSITIONS[state] });
    return refusal(inv, state);
  }

  private linkSecret(invitationId: string, action: string): Buffer {
    return createHmac('sha256', this.linkKey).update(`${invitationId}:${action}`).digest().subarray(0, 24);
  }
}

function definedLinks(links: TriggerInput['links']): Pick<InvitationDoc, 'jobOrderId' | 'repairOrderId' | 'complaintId'> {
  return Object.fromEntries(Object.entries(links).filter(([, v]) => typeof v === 'string' && v.length > 0));
}
