import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentPrincipal, Roles, type Principal } from '@aftersales/platform-auth';
import { RepairOrder } from '../repair-orders/repair-order.types';
import { Rescue } from '../rescue/rescue.types';
import type { ExpertQuestionDoc } from './expert-question.schema';
import { AnswerExpertQuestionInput, AskExpertsInput, ExpertQuestion, KnowledgeEntry, KnowledgeQueryInput, type ExpertLevel, type ExpertQuestionStatus } from './expert-question.types';
import { ExpertsService } from './experts.service';

function toQuestion(d: ExpertQuestionDoc): ExpertQuestion {
  return {
    id: d._id,
    subjectKind: d.subjectKind,
    subjectId: d.subjectId,
    serviceCenterId: d.serviceCenterId,
    faultCode: d.faultCode,
    question: d.question,
    askedBy: d.askedBy,
    askedAt: d.askedAt,
    level: d.level as ExpertLevel,
    levelDueAt: d.levelDueAt,
    escalations: d.escalations.map((e) => ({ ...e, fromLevel: e.fromLevel as ExpertLevel, toLevel: e.toLevel as ExpertLevel })),
    status: d.status as ExpertQuestionStatus,
    answer: d.answer ? { ...d.answer, level: d.answer.level as ExpertLevel } : null,
  };
}

@Resolver(() => ExpertQuestion)
export class ExpertsResolver {
  constructor(private readonly experts: ExpertsService) {}

  @Query(() => ExpertQuestion)
  async expertQuestion(@CurrentPrincipal() principal: Principal, @Args('id', { type: () => ID }) id: string) {
    return toQuestion(await this.experts.get(principal, id));
  }

  @Query(() => [KnowledgeEntry], { description: "Answered experts' questions by fault code and/or words, newest first" })
  async expertKnowledge(@Args('input') input: KnowledgeQueryInput): Promise<KnowledgeEntry[]> {
    return (await this.experts.knowledge(input)).map((d) => ({
      questionId: d._id,
      faultCode: d.faultCode,
      question: d.question,
      answer: d.answer!.text,
      answeredLevel: d.answer!.level as ExpertLevel,
      answeredAt: d.answer!.at,
    }));
  }

  @Mutation(() => ExpertQuestion, { description: "A technical question on a repair order or rescue, to the region's experts first, then HQ's" })
  @Roles('DEALER', 'HQ_ADMIN')
  async askExperts(@CurrentPrincipal() principal: Principal, @Args('input') input: AskExpertsInput) {
    return toQuestion(await this.experts.ask(principal, input));
  }

  @Mutation(() => ExpertQuestion, { description: 'The region manager (while the question is the region\'s) or HQ answers; the answer joins the knowledge list' })
  @Roles('REGION_MANAGER', 'HQ_ADMIN')
  async answerExpertQuestion(@CurrentPrincipal() principal: Principal, @Args('id', { type: () => ID }) id: string, @Args('input') input: AnswerExpertQuestionInput) {
    return toQuestion(await this.experts.answer(principal, id, input));
  }
}

/** The questions beside the repair order they were raised on. */
@Resolver(() => RepairOrder)
export class RepairOrderQuestionsResolver {
  constructor(private readonly experts: ExpertsService) {}

  @ResolveField(() => [ExpertQuestion])
  async expertQuestions(@CurrentPrincipal() principal: Principal, @Parent() order: RepairOrder) {
    return (await this.experts.of(principal, 'REPAIR_ORDER', order.id)).map(toQuestion);
  }
}

/** The questions beside the rescue they were raised on. */
@Resolver(() => Rescue)
export class RescueQuestionsResolver {
  constructor(private readonly experts: ExpertsService) {}

  @ResolveField(() => [ExpertQuestion])
  async expertQuestions(@CurrentPrincipal() principal: Principal, @Parent() rescue: Rescue) {
    return (await this.experts.of(principal, 'RESCUE', rescue.id)).map(toQuestion);
  }
}
