import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { createEvent, type AnyEvent } from '@aftersales/contracts';
import { OutboxRelay, outboxFields, withOutbox } from '@aftersales/platform-kafka';
import { Clock, ConflictError, ForbiddenError, NotFoundError, ValidationFailedError } from '@aftersales/platform-core';
import { canAccess, hasRole, scoped, type Principal } from '@aftersales/platform-auth';
import { NetworkCenters } from '@aftersales/platform-centers';
import { NetworkPolicies } from '@aftersales/platform-policies';
import { clockExpired, emergencyPolicyOf, keywordsOf, normalizeFaultCode } from '@aftersales/domain-workshop';
import { updateAtRevision } from '../common/revisions';
import { RepairOrdersService } from '../repair-orders/repair-orders.service';
import { EmergencyLevels, type LevelSeat } from '../rescue/emergency-levels';
import { RescueService, SOURCE } from '../rescue/rescue.service';
import { dueQuestionsFilter, EXPERT_QUESTION_MODEL, knowledgeFilter, questionsOfFilter, type ExpertLevel, type ExpertQuestionDoc } from './expert-question.schema';
import type { AnswerExpertQuestionInput, AskExpertsInput, KnowledgeQueryInput } from './expert-question.types';

const SCAN_BATCH = 200;

/**
 * Ask-the-experts (seed 000's emergency plan). The network has no expert post, so the experts are the
 * people who answer for each level: the region's technical experts are its region managers (role
 * REGION_MANAGER, scoped to their regions), HQ's are HQ admins. A question goes to the region first,
 * with the regional center's clock; unanswered when it runs out, it goes to HQ with HQ's clock.
 */
@Injectable()
export class ExpertsService {
  constructor(
    @InjectModel(EXPERT_QUESTION_MODEL) private readonly model: Model<ExpertQuestionDoc>,
    private readonly orders: RepairOrdersService,
    private readonly rescues: RescueService,
    private readonly centers: NetworkCenters,
    private readonly levels: EmergencyLevels,
    private readonly policies: NetworkPolicies,
    private readonly clock: Clock,
    private readonly relay: OutboxRelay,
  ) {}

  get outboxModel(): Model<ExpertQuestionDoc> {
    return this.model;
  }

  /** The level's experts are told (notifications): the question, the center answering for the level, its deadline. */
  private routed(doc: ExpertQuestionDoc, seat: LevelSeat, at: Date, dueAt: Date, escalated: boolean): AnyEvent {
    return createEvent(
      'ExpertQuestionRouted.v1',
      {
        questionId: doc._id,
        subjectKind: doc.subjectKind,
        subjectId: doc.subjectId,
        serviceCenterId: doc.serviceCenterId,
        regionId: doc.regionId,
        level: seat.level as ExpertLevel,
        ...(seat.center ? { levelCenterId: seat.center._id } : {}),
        faultCode: doc.faultCode,
        escalated,
        routedAt: at.toISOString(),
        dueAt: dueAt.toISOString(),
      },
      { source: SOURCE, serviceCenterId: doc.serviceCenterId },
    );
  }

  /** The subject must be one the caller may see (NOT_FOUND otherwise), and exactly one is named. */
  async ask(principal: Principal, input: AskExpertsInput): Promise<ExpertQuestionDoc> {
    if (!!input.repairOrderId === !!input.rescueId) {
      throw new ValidationFailedError([{ field: 'input.repairOrderId', rule: 'exactlyOne', message: 'name either repairOrderId or rescueId' }]);
    }
    const subject = input.repairOrderId
      ? { kind: 'REPAIR_ORDER' as const, doc: await this.orders.get(principal, input.repairOrderId) }
      : { kind: 'RESCUE' as const, doc: await this.rescues.get(principal, input.rescueId!) };
    const serving = await this.centers.get(subject.doc.serviceCenterId);
    if (!hasRole(principal, 'HQ_ADMIN') && !principal.serviceCenterIds.includes(serving._id)) {
      throw new ForbiddenError(`Only the outlet's own people (or HQ) raise questions on ${subject.doc._id}`);
    }
    const now = this.clock.now();
    const policy = await this.policies.effectivePolicy(serving._id, now);
    const seat = await this.levels.seat('REGION', serving);
    const doc: ExpertQuestionDoc = {
      _id: `eq-${randomUUID()}`,
      subjectKind: subject.kind,
      subjectId: subject.doc._id,
      serviceCenterId: serving._id,
      regionId: serving.regionId,
      faultCode: normalizeFaultCode(input.faultCode),
      question: input.question,
      askedBy: principal.subject,
      askedAt: now,
      level: 'REGION',
      levelDueAt: this.levels.deadline(seat, now, emergencyPolicyOf(policy.values).expertAnswerWorkingHours.REGION),
      escalations: [],
      status: 'OPEN',
      answer: null,
      keywords: keywordsOf(input.question),
      policyVersion: policy.version,
      rev: 0,
    };
    await this.model.create({ ...doc, ...outboxFields([this.routed(doc, seat, now, doc.levelDueAt!, false)]) } as ExpertQuestionDoc);
    this.relay.kick();
    return doc;
  }

  async get(principal: Principal, id: string): Promise<ExpertQuestionDoc> {
    const doc = await this.model.findById(id).lean<ExpertQuestionDoc>().exec();
    if (!doc || !canAccess(principal, doc)) throw new NotFoundError('ExpertQuestion', id);
    return doc;
  }

  /** The questions of a repair order or rescue the caller already sees. */
  async of(principal: Principal, subjectKind: ExpertQuestionDoc['subjectKind'], subjectId: string): Promise<ExpertQuestionDoc[]> {
    return this.model.find(scoped(principal, questionsOfFilter(subjectKind, subjectId))).sort({ askedAt: 1 }).lean<ExpertQuestionDoc[]>().exec();
  }

  /** The region's experts answer while the question is theirs; HQ's at any time. */
  async answer(principal: Principal, id: string, input: AnswerExpertQuestionInput): Promise<ExpertQuestionDoc> {
    const doc = await this.get(principal, id);
    const level: ExpertLevel = hasRole(principal, 'HQ_ADMIN') ? 'HQ' : 'REGION';
    if (level === 'REGION' && doc.level !== 'REGION') throw new ForbiddenError(`Question ${id} went to HQ's experts: they answer it now`);
    if (doc.status !== 'OPEN') throw new ConflictError(`Question ${id} is answered already`, { entity: 'ExpertQuestion', currentState: doc.status });
    const now = this.clock.now();
    const changes: Partial<ExpertQuestionDoc> = {
      status: 'ANSWERED',
      answer: { text: input.answer, by: principal.subject, level, at: now },
      levelDueAt: null,
      keywords: keywordsOf(doc.question, input.answer),
    };
    await updateAtRevision(this.model, 'ExpertQuestion', doc, { $set: changes });
    return { ...doc, ...changes, rev: doc.rev + 1 };
  }

  /**
   * The knowledge list: answered questions by fault code and/or words (all must appear). Shared
   * knowledge across the network on purpose (an answer found in one region helps every other); it
   * shows no customer, center or vehicle.
   */
  async knowledge(input: KnowledgeQueryInput): Promise<ExpertQuestionDoc[]> {
    const words = input.text ? keywordsOf(input.text) : [];
    if (!input.faultCode && !words.length) {
      throw new ValidationFailedError([{ field: 'input.faultCode', rule: 'requiredWithout', message: 'give a fault code or words to search for' }]);
    }
    return this.model.find(knowledgeFilter(input.faultCode ? normalizeFaultCode(input.faultCode) : null, words)).sort({ 'answer.at': -1, _id: 1 }).limit(input.first ?? 20).lean<ExpertQuestionDoc[]>().exec();
  }

  /** The sweeper: an open question the region did not answer in time goes to HQ, once. */
  async escalateDue(now: Date = this.clock.now()): Promise<number> {
    const due = await this.model.find(dueQuestionsFilter(now)).sort({ levelDueAt: 1, _id: 1 }).limit(SCAN_BATCH).lean<ExpertQuestionDoc[]>().exec();
    let moved = 0;
    for (const doc of due) {
      if (!clockExpired(doc.levelDueAt, now)) continue;
      const serving = await this.centers.find(doc.serviceCenterId);
      if (!serving) continue;
      const seat = await this.levels.seat('HQ', serving);
      const dueAt = this.levels.deadline(seat, now, emergencyPolicyOf((await this.policies.policyOf(doc.policyVersion)).values).expertAnswerWorkingHours.HQ);
      const changes = { level: 'HQ' as const, levelDueAt: dueAt, escalations: [...doc.escalations, { fromLevel: 'REGION' as const, toLevel: 'HQ' as const, automatic: true, at: now, dueAt }] };
      try {
        await updateAtRevision(this.model, 'ExpertQuestion', doc, withOutbox<ExpertQuestionDoc>({ $set: changes }, [this.routed(doc, seat, now, dueAt, true)]));
        this.relay.kick();
        moved++;
      } catch (e) {
        if (!(e instanceof ConflictError)) throw e;
      }
    }
    return moved;
  }
}
