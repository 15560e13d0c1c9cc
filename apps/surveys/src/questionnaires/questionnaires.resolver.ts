import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Roles } from '@aftersales/platform-auth';
import { CSI_FACTORS } from '@aftersales/domain-surveys';
import { QuestionnaireInput, QuestionnaireModel } from './questionnaire.model';
import { QuestionnairesService, type Published } from './questionnaires.service';

export function toQuestionnaireModel({ questionnaire: q, publishedAt }: Published): QuestionnaireModel {
  return {
    id: q.id,
    version: q.version,
    title: q.title,
    questions: q.questions,
    factorWeights: CSI_FACTORS.map((factor) => ({ factor, weight: q.factorWeights[factor] })),
    dissatisfaction: q.dissatisfaction,
    publishedAt,
  };
}

@Resolver(() => QuestionnaireModel)
export class QuestionnairesResolver {
  constructor(private readonly questionnaires: QuestionnairesService) {}

  @Query(() => QuestionnaireModel, { description: 'A questionnaire version (the current one when version is omitted)' })
  async questionnaire(
    @Args('id', { type: () => ID, defaultValue: 'after-sales-csi' }) id: string,
    @Args('version', { type: () => Int, nullable: true }) version?: number,
  ) {
    return toQuestionnaireModel(version ? await this.questionnaires.get(id, version) : await this.questionnaires.current(id));
  }

  @Mutation(() => QuestionnaireModel, { description: 'HQ only: publish the next version of a questionnaire' })
  @Roles('HQ_ADMIN')
  async publishQuestionnaire(@Args('input') input: QuestionnaireInput) {
    return toQuestionnaireModel(await this.questionnaires.publish(input));
  }
}
