import { Args, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { CampaignKind as Kind } from '@aftersales/domain-calls';
import { CurrentPrincipal, Roles, type Principal } from '@aftersales/platform-auth';
import { ValidationFailedError } from '@aftersales/platform-core';
import { CampaignKind } from '../common/enums';
import { OutboundTaskModel, toTaskModel } from '../outbound/dto';
import { CampaignsService, type CampaignHead } from './campaigns.service';
import { CampaignCenterProgressModel, CampaignFiguresModel, CampaignModel, CreateCampaignInput, RecordCampaignCallInput } from './dto';

const toModel = (c: CampaignHead): CampaignModel => ({
  id: c._id,
  kind: c.kind,
  name: c.name,
  description: c.description,
  startsAt: c.startsAt,
  endsAt: c.endsAt,
  daysAfterDelivery: c.daysAfterDelivery,
  scope: c.scope,
  vehicles: c.vehicleCount,
  createdBy: c.createdBy,
  createdAt: c.createdAt,
});

/** Who reads campaigns: HQ and the call center all of them, region managers and dealers those calling for theirs. */
const READERS = ['HQ_ADMIN', 'HQ_ANALYST', 'INBOUND_AGENT', 'OUTBOUND_AGENT', 'MANAGEMENT_AGENT', 'QC_AGENT', 'REGION_MANAGER', 'DEALER'] as const;

@Resolver(() => CampaignModel)
export class CampaignsResolver {
  /** Keyed by the campaign object of one answer, so it lives as long as that answer. */
  private readonly reads = new WeakMap<CampaignModel, ReturnType<CampaignsService['progress']>>();

  constructor(private readonly service: CampaignsService) {}

  @Mutation(() => CampaignModel, { description: 'HQ defines a RECALL or SERVICE campaign over a VIN list (one call task per vehicle, in the pool) or a CARE campaign (a call some working days after each delivery)' })
  @Roles('HQ_ADMIN')
  async createCampaign(@CurrentPrincipal() principal: Principal, @Args('input') input: CreateCampaignInput) {
    return toModel(await this.service.create(principal, input));
  }

  @Mutation(() => OutboundTaskModel, { description: 'What a campaign call came to; publishes CampaignCallRecorded.v1 (the workshop books the appointment, complaints registers the complaint)' })
  // Any agent may try; the qualification gate answers CONFLICT naming the outbound post the call needs.
  @Roles('INBOUND_AGENT', 'OUTBOUND_AGENT', 'HQ_ADMIN')
  async recordCampaignCall(@CurrentPrincipal() principal: Principal, @Args('input') input: RecordCampaignCallInput) {
    return toTaskModel(await this.service.record(principal, input));
  }

  @Query(() => CampaignModel)
  @Roles(...READERS)
  async campaign(@CurrentPrincipal() principal: Principal, @Args('id', { type: () => ID }) id: string) {
    return toModel(await this.service.get(principal, id));
  }

  @Query(() => [CampaignModel], { description: 'Newest first' })
  @Roles(...READERS)
  async campaigns(
    @CurrentPrincipal() principal: Principal,
    @Args('kind', { type: () => CampaignKind, nullable: true }) kind?: Kind,
    @Args('first', { type: () => Int, defaultValue: 50 }) first?: number,
  ) {
    const n = first ?? 50;
    if (!Number.isInteger(n) || n < 1 || n > 200) throw new ValidationFailedError([{ field: 'first', rule: 'range', message: 'must be between 1 and 200' }]);
    return (await this.service.list(principal, kind, n)).map(toModel);
  }

  @ResolveField(() => [CampaignCenterProgressModel], { description: 'Per center you may see, by center id: targeted, called, booked, refused, unreachable, complaints, cancelled, pending' })
  async progress(@CurrentPrincipal() principal: Principal, @Parent() campaign: CampaignModel): Promise<CampaignCenterProgressModel[]> {
    return (await this.progressOf(principal, campaign)).rows.map((r) => ({ ...r, serviceCenter: { id: r.serviceCenterId } }));
  }

  @ResolveField(() => CampaignFiguresModel, { description: 'The figures of the centers in `progress`, added up' })
  async total(@CurrentPrincipal() principal: Principal, @Parent() campaign: CampaignModel): Promise<CampaignFiguresModel> {
    return (await this.progressOf(principal, campaign)).total;
  }

  /** `progress` and `total` of one campaign in one answer come from one read of its tasks. */
  private progressOf(principal: Principal, campaign: CampaignModel): ReturnType<CampaignsService['progress']> {
    let read = this.reads.get(campaign);
    if (!read) this.reads.set(campaign, (read = this.service.progress(principal, campaign.id)));
    return read;
  }
}
