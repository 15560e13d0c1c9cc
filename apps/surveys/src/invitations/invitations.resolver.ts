import { Inject } from '@nestjs/common';
import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Clock } from '@aftersales/platform-core';
import { CurrentPrincipal, Roles, type Principal } from '@aftersales/platform-auth';
import { effectiveState } from '@aftersales/domain-surveys';
import type { InvitationDoc } from './invitation.schema';
import { Region, ServiceCenter } from '../kpis/kpi.model';
import { ConsentInput, SurveyInvitation } from './invitation.model';
import { InvitationsService } from './invitations.service';

export function toInvitation(doc: InvitationDoc, now: Date): SurveyInvitation {
  return {
    id: doc._id,
    serviceCenterId: doc.serviceCenterId,
    trigger: doc.trigger.kind,
    sourceId: doc.trigger.source.id,
    jobOrderId: doc.jobOrderId ?? null,
    repairOrderId: doc.repairOrderId ?? null,
    complaintId: doc.complaintId ?? null,
    channel: doc.channel,
    state: effectiveState(doc.state, doc.expiresAt, now),
    language: doc.language,
    customerName: doc.customer.name,
    dueAt: doc.dueAt,
    policyVersion: doc.policyVersion ?? 'SEED',
    remindAt: doc.remindAt,
    reminded: doc.reminded,
    expiresAt: doc.expiresAt,
    consent: doc.consent
      ? {
          given: doc.consent.given,
          at: doc.consent.at,
          by: doc.consent.by,
          incentiveKind: doc.consent.incentive?.kind ?? null,
          incentiveDescription: doc.consent.incentive?.description ?? null,
        }
      : null,
    answeredAt: doc.answeredAt,
    questionnaireId: doc.questionnaireId,
    questionnaireVersion: doc.questionnaireVersion,
    regionId: doc.regionId,
  };
}

@Resolver(() => SurveyInvitation)
export class InvitationsResolver {
  constructor(
    private readonly invitations: InvitationsService,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  @Query(() => SurveyInvitation, { description: 'An invitation within your scope' })
  async surveyInvitation(@CurrentPrincipal() principal: Principal, @Args('id', { type: () => ID }) id: string) {
    return toInvitation(await this.invitations.get(principal, id), this.clock.now());
  }

  @Mutation(() => SurveyInvitation, { description: 'Records whether the customer agreed to the survey, and any incentive' })
  @Roles('OUTBOUND_AGENT', 'HQ_ADMIN', 'DEALER')
  async recordSurveyConsent(@CurrentPrincipal() principal: Principal, @Args('input') input: ConsentInput) {
    return toInvitation(await this.invitations.recordConsent(principal, input), this.clock.now());
  }

  @ResolveField(() => ServiceCenter, { description: 'The dealer surveyed (resolved by the network service)' })
  serviceCenter(@Parent() invitation: SurveyInvitation): ServiceCenter {
    return { id: invitation.serviceCenterId };
  }

  @ResolveField(() => Region)
  region(@Parent() invitation: SurveyInvitation): Region {
    return { id: invitation.regionId };
  }
}
