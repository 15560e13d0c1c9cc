import { Args, Context, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Public } from '@aftersales/platform-core';
import { CurrentPrincipal, Roles, type Principal } from '@aftersales/platform-auth';
import { LanguageEnum } from '../common/enums';
import { CallSurveyInput, SubmitSurveyInput, SurveyForm, SurveySubmission } from './answers.model';
import { AnswersService } from './answers.service';

type RequestContext = { req?: { ip?: string; socket?: { remoteAddress?: string } } };
const clientOf = (ctx: RequestContext) => ctx.req?.ip ?? ctx.req?.socket?.remoteAddress ?? 'unknown';

@Resolver()
export class AnswersResolver {
  constructor(private readonly answers: AnswersService) {}

  @Public()
  @Query(() => SurveyForm, { description: 'Public (no login): the survey behind a link token' })
  surveyForm(
    @Args('token') token: string,
    @Context() ctx: RequestContext,
    @Args('language', { type: () => LanguageEnum, nullable: true }) language?: string,
  ) {
    return this.answers.form(token, language, clientOf(ctx));
  }

  @Public()
  @Mutation(() => SurveySubmission, { description: 'Public (no login): answers a survey once, by its link token' })
  submitSurveyAnswers(@Args('input') input: SubmitSurveyInput, @Context() ctx: RequestContext) {
    return this.answers.submitByToken(input.token, input.answers, clientOf(ctx));
  }

  @Mutation(() => SurveySubmission, { description: 'Call center: answers taken on the phone' })
  @Roles('OUTBOUND_AGENT', 'HQ_ADMIN')
  submitSurveyAnswersByCall(@CurrentPrincipal() principal: Principal, @Args('input') input: CallSurveyInput) {
    return this.answers.submitByCall(principal, input.invitationId, input.answers);
  }
}
