import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentPrincipal, Roles, type Principal } from '@aftersales/platform-auth';
import { claimMachine } from '@aftersales/domain-warranty';
import type { WarrantyClaimDoc } from './warranty-claim.schema';
import { SubmitWarrantyClaimInput, WarrantyClaimModel, WarrantyClaimStatus, WarrantyKpisModel } from './warranty-claim.types';
import { WarrantyClaimsService } from './warranty-claims.service';

function toClaim(d: WarrantyClaimDoc): WarrantyClaimModel {
  return {
    id: d._id,
    serviceCenterId: d.serviceCenterId,
    regionId: d.regionId,
    repairOrderId: d.repairOrderId,
    vin: d.vin,
    lines: d.lines,
    total: d.total,
    status: d.status as WarrantyClaimStatus,
    allowedActions: claimMachine.allowedActions(d.status),
    submittedAt: d.submittedAt,
    decidedAt: d.decidedAt,
    decidedBy: d.decidedBy,
    rejectionReason: d.rejectionReason,
    daysToDecision: d.daysToDecision,
    history: d.history,
  };
}

const id = () => ID;
const note = (name: string, description: string) => ({ name, type: () => String, nullable: true, description });

@Resolver(() => WarrantyClaimModel)
export class WarrantyClaimsResolver {
  constructor(private readonly claims: WarrantyClaimsService) {}

  @Query(() => WarrantyClaimModel)
  async warrantyClaim(@CurrentPrincipal() principal: Principal, @Args('id', { type: id }) claimId: string) {
    return toClaim(await this.claims.get(principal, claimId));
  }

  @Query(() => [WarrantyClaimModel], { description: "A center's claims, or a region's (its manager's queue), oldest first; within your scope" })
  async warrantyClaims(
    @CurrentPrincipal() principal: Principal,
    @Args('serviceCenterId', { type: id, nullable: true }) serviceCenterId?: string,
    @Args('regionId', { type: id, nullable: true }) regionId?: string,
    @Args('status', { type: () => WarrantyClaimStatus, nullable: true }) status?: WarrantyClaimStatus,
  ) {
    return (await this.claims.list(principal, { serviceCenterId: serviceCenterId ?? undefined, regionId: regionId ?? undefined, status: status ?? undefined })).map(toClaim);
  }

  @Query(() => WarrantyKpisModel, { description: "Warranty KPIs of a center over local months from..to (yyyy-mm, inclusive): claim rate, rejection rate, working days to decision" })
  async warrantyKpis(
    @CurrentPrincipal() principal: Principal,
    @Args('serviceCenterId', { type: id }) centerId: string,
    @Args('from') from: string,
    @Args('to') to: string,
  ): Promise<WarrantyKpisModel> {
    return { serviceCenterId: centerId, from, to, ...(await this.claims.kpis(principal, centerId, from, to)) };
  }

  @Mutation(() => WarrantyClaimModel, { description: 'The dealer submits covered items of one repair order to its region' })
  @Roles('DEALER')
  async submitWarrantyClaim(@CurrentPrincipal() principal: Principal, @Args('input') input: SubmitWarrantyClaimInput) {
    return toClaim(await this.claims.submit(principal, input));
  }

  @Mutation(() => WarrantyClaimModel)
  @Roles('REGION_MANAGER', 'HQ_ADMIN')
  async approveWarrantyClaim(@CurrentPrincipal() principal: Principal, @Args('id', { type: id }) claimId: string, @Args(note('note', 'Optional note')) text?: string) {
    return toClaim(await this.claims.decide(principal, claimId, 'approve', text ?? undefined));
  }

  @Mutation(() => WarrantyClaimModel, { description: 'Rejects the claim; the reason is required' })
  @Roles('REGION_MANAGER', 'HQ_ADMIN')
  async rejectWarrantyClaim(@CurrentPrincipal() principal: Principal, @Args('id', { type: id }) claimId: string, @Args(note('reason', 'Required')) reason?: string) {
    return toClaim(await this.claims.decide(principal, claimId, 'reject', reason?.trim() || undefined));
  }

  @Mutation(() => WarrantyClaimModel, { description: 'Asks the dealer for more information (what is missing is required)' })
  @Roles('REGION_MANAGER', 'HQ_ADMIN')
  async requestWarrantyClaimInfo(@CurrentPrincipal() principal: Principal, @Args('id', { type: id }) claimId: string, @Args(note('reason', 'Required: what is missing')) reason?: string) {
    return toClaim(await this.claims.decide(principal, claimId, 'requestInfo', reason?.trim() || undefined));
  }

  @Mutation(() => WarrantyClaimModel, { description: "The dealer answers the region's question and resubmits" })
  @Roles('DEALER')
  async resubmitWarrantyClaim(@CurrentPrincipal() principal: Principal, @Args('id', { type: id }) claimId: string, @Args('answer') answer: string) {
    const text = answer.trim();
    return toClaim(await this.claims.resubmit(principal, claimId, text));
  }
}
