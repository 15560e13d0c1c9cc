import { Inject, Injectable } from '@nestjs/common';
import { createEvent, type AnyEvent } from '@aftersales/contracts';
import { Clock, ValidationFailedError } from '@aftersales/platform-core';
import type { Principal } from '@aftersales/platform-auth';
import { OutboxRelay } from '@aftersales/platform-kafka';
import {
  deterministicUuid,
  dissatisfactionReasons,
  effectiveState,
  isLanguage,
  localize,
  maskContactData,
  parseToken,
  periodOf,
  responseDelta,
  scoreResponse,
  secretMatches,
  validateAnswers,
  type Answer,
  type DissatisfactionReason,
  type Language,
  type ScoredResponse,
} from '@aftersales/domain-surveys';
import { SurveysConfig } from '../config';
import type { InvitationDoc, SurveyResponse } from '../invitations/invitation.schema';
import { InvitationsRepository } from '../invitations/invitations.repository';
import { InvitationsService, nextActionOf, refuse, refuseAnswer, SOURCE } from '../invitations/invitations.service';
import { KpiProjector } from '../kpis/kpi.projector';
import { QuestionnairesService } from '../questionnaires/questionnaires.service';
import { RateLimiter } from './rate-limiter';

const NO_CONSENT = '; record the customer’s consent first (recordSurveyConsent)';
const INVALID_TOKEN = new ValidationFailedError([{ field: 'token', rule: 'invalid', message: 'is not a valid survey link' }]);

export interface Submission {
  invitationId: string;
  answeredAt: Date;
  followUp: boolean;
}

@Injectable()
export class AnswersService {
  private readonly perToken: RateLimiter;
  private readonly perClient: RateLimiter;

  constructor(
    private readonly invitations: InvitationsRepository,
    private readonly invitationsService: InvitationsService,
    private readonly questionnaires: QuestionnairesService,
    private readonly kpis: KpiProjector,
    private readonly relay: OutboxRelay,
    config: SurveysConfig,
    @Inject(Clock) private readonly clock: Clock,
  ) {
    this.perToken = new RateLimiter(config.SURVEYS_ATTEMPTS_PER_TOKEN_PER_HOUR, 3_600_000, 'attempts for this survey link');
    this.perClient = new RateLimiter(config.SURVEYS_REQUESTS_PER_IP_PER_MINUTE, 60_000, 'survey requests from your address');
  }

  /** The form behind a link, in the customer's language unless another one is asked for. */
  async form(token: string, language: string | undefined, client: string) {
    const inv = await this.byToken(token, client);
    const state = effectiveState(inv.state, inv.expiresAt, this.clock.now());
    if (state !== 'OPEN') throw refuse(state, 'ANSWERED');
    const { questionnaire } = await this.questionnaires.get(inv.questionnaireId, inv.questionnaireVersion);
    const lang: Language = language && isLanguage(language) ? language : inv.language;
    return { ...localize(questionnaire, lang), questionnaireId: questionnaire.id, expiresAt: inv.expiresAt };
  }

  /** A customer answers through the link, without logging in. */
  async submitByToken(token: string, answers: Answer[], client: string): Promise<Submission> {
    const inv = await this.byToken(token, client);
    // Only while the link is the current one (a reminder issues a new link).
    return this.answer(inv, answers, 'customer', { given: true, at: this.clock.now(), by: 'customer', incentive: inv.consent?.incentive ?? null }, { secretHash: inv.secretHash });
  }

  /** An agent enters the answers given on the phone, after recording the customer's consent. */
  async submitByCall(principal: Principal, invitationId: string, answers: Answer[]): Promise<Submission> {
    const inv = await this.invitationsService.get(principal, invitationId);
    const state = effectiveState(inv.state, inv.expiresAt, this.clock.now());
    if (state === 'OPEN' && !inv.consent?.given) throw refuse(state, 'ANSWERED', NO_CONSENT);
    return this.answer(inv, answers, principal.subject, inv.consent, { 'consent.given': true });
  }

  private async byToken(token: string, client: string): Promise<InvitationDoc> {
    this.perClient.hit(client);
    const parsed = parseToken(token);
    if (!parsed) throw INVALID_TOKEN;
    this.perToken.hit(parsed.invitationId);
    const inv = await this.invitations.findById(parsed.invitationId);
    if (!inv?.secretHash || !secretMatches(parsed.secret, inv.secretHash)) throw INVALID_TOKEN;
    return inv;
  }

  /**
   * Exactly once per invitation: the answer, the invitation's new state and the CustomerDissatisfied
   * event are one write conditional on the invitation being open (and on `expected`), so of two
   * concurrent submits one is written and the other is refused with the state it found.
   */
  private async answer(inv: InvitationDoc, answers: Answer[], by: string, consent: InvitationDoc['consent'], expected: Record<string, unknown>): Promise<Submission> {
    const now = this.clock.now();
    const state = effectiveState(inv.state, inv.expiresAt, now);
    if (state !== 'OPEN') throw refuseAnswer(inv, state);
    const { questionnaire } = await this.questionnaires.get(inv.questionnaireId, inv.questionnaireVersion);
    const plain = answers.map(plainAnswer);
    const issues = validateAnswers(questionnaire, plain);
    if (issues.length) throw new ValidationFailedError(issues);
    const scored = scoreResponse(questionnaire, plain);
    const reasons = dissatisfactionReasons(questionnaire, scored);
    const period = periodOf(now, inv.timeZone);
    const verbatimMasked = scored.verbatim ? maskContactData(scored.verbatim, inv.customer.country) : null;
    const response: SurveyResponse = {
      period,
      questionnaireId: questionnaire.id,
      questionnaireVersion: questionnaire.version,
      answeredBy: by,
      answers: plain,
      scored,
      reasons,
      verbatimMasked,
    };
    const events: AnyEvent[] = reasons.length ? [this.dissatisfied(inv, scored, reasons, now)] : [];
    const answered = await this.invitations.transition(
      inv._id,
      { state: 'OPEN', expiresAt: { $gt: now }, ...expected },
      { state: 'ANSWERED', answeredAt: now, updatedAt: now, consent, response, ...nextActionOf({ ...inv, state: 'ANSWERED' }) },
      events,
    );
    if (!answered) throw await this.invitationsService.refusedNow(inv._id, refuseAnswer);
    if (events.length) this.relay.kick();
    this.kpis.record({ serviceCenterId: inv.serviceCenterId, regionId: inv.regionId, country: inv.country, period }, responseDelta(scored));
    return { invitationId: inv._id, answeredAt: now, followUp: reasons.length > 0 };
  }

  /** The response id in events is the invitation's: one response per invitation. */
  private dissatisfied(inv: InvitationDoc, scored: ScoredResponse, reasons: DissatisfactionReason[], answeredAt: Date): AnyEvent {
    return createEvent(
      'CustomerDissatisfied.v1',
      {
        responseId: inv._id,
        invitationId: inv._id,
        serviceCenterId: inv.serviceCenterId,
        trigger: inv.trigger.source,
        ...(inv.jobOrderId ? { jobOrderId: inv.jobOrderId } : {}),
        ...(inv.repairOrderId ? { repairOrderId: inv.repairOrderId } : {}),
        ...(inv.complaintId ? { complaintId: inv.complaintId } : {}),
        reasons: reasons.map((r) => ({ kind: r.kind, detail: reasonDetail(r, scored.verbatim) })),
        ...(scored.nps !== null ? { nps: scored.nps } : {}),
        ...(scored.csi !== null ? { csi: scored.csi } : {}),
        // The complaint handler needs the customer's own words, unmasked, like the contact data beside them.
        ...(scored.verbatim ? { verbatim: scored.verbatim.slice(0, 8000) } : {}),
        customer: inv.customer,
        ...(inv.vehicle ? { vehicle: inv.vehicle } : {}),
        answeredAt: answeredAt.toISOString(),
      },
      { source: SOURCE, serviceCenterId: inv.serviceCenterId, id: deterministicUuid(`${inv._id}:dissatisfied`), correlationId: inv._id },
    );
  }
}

function reasonDetail(r: DissatisfactionReason, verbatim: string | null): string {
  switch (r.kind) {
    case 'NPS_DETRACTOR':
      return `nps=${r.nps}`;
    case 'FACTOR_BELOW_THRESHOLD':
      return `${r.factor}=${r.score}<${r.threshold}`;
    case 'EXPLICIT_COMPLAINT':
      return verbatim ? verbatim.slice(0, 4000) : 'the customer asked for a complaint';
  }
}

/** GraphQL input objects to plain answers (absent fields stay absent, so answer-kind checks see only what was sent). */
function plainAnswer(a: Answer): Answer {
  const out: Answer = { questionId: a.questionId };
  if (a.value !== undefined && a.value !== null) out.value = a.value;
  if (a.yes !== undefined && a.yes !== null) out.yes = a.yes;
  if (a.choices !== undefined && a.choices !== null) out.choices = [...a.choices];
  if (a.text !== undefined && a.text !== null) out.text = a.text;
  return out;
}
