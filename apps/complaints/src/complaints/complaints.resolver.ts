import { Args, Context, ID, Int, Mutation, Query, ResolveField, Parent, Resolver } from '@nestjs/graphql';
import { allowedActions, metOnTime, missingForArchive } from '@aftersales/domain-complaints';
import { CALL_CENTER_ROLES, CurrentPrincipal, hasRole, Roles, type Principal } from '@aftersales/platform-auth';
import { NetworkCenters } from '@aftersales/platform-centers';
import { ValidationFailedError } from '@aftersales/platform-core';
import { centerLoader } from '../centers/center-loader';
import { RegionRef, ServiceCenterRef } from '../common/entities';
import { ComplaintsConfig } from '../config';
import { tableValues } from '../exports/complaint-table';
import { ExportsService } from '../exports/exports.service';
import { Complaint, ComplaintPage, ExportFile } from './complaint.model';
import type { ComplaintState } from './complaint.schema';
import { ComplaintsRepository, scopedComplaints, type ComplaintFilter as StoreFilter } from './complaints.repository';
import { ComplaintsService } from './complaints.service';
import {
  CloseInput,
  ComplaintFilter,
  ConfirmClassInput,
  PostponeInput,
  ReclassifyInput,
  RegisterComplaintInput,
  ReplyInput,
  ReturnVisitInput,
  SignInput,
  SolutionDecisionInput,
  SolutionInput,
  TransferInput,
} from './dto/complaint.inputs';

/** Customer contact data is for the people handling the complaint: HQ's receivers and the assigned dealer. */
export function seesContact(principal: Principal): boolean {
  return hasRole(principal, 'HQ_ADMIN', 'INBOUND_AGENT', 'OUTBOUND_AGENT', 'DEALER');
}

export function toComplaint(s: ComplaintState, principal: Principal): Complaint {
  const contact = seesContact(principal);
  return {
    ...s,
    id: s._id,
    customer: { name: s.customer.name, phone: contact ? (s.customer.phone ?? null) : null, email: contact ? (s.customer.email ?? null) : null, language: s.customer.language ?? null },
    complainant: { name: s.complainant.name, contact: contact ? s.complainant.contact : null },
    vehicle: s.vehicle ? { vin: s.vehicle.vin, model: s.vehicle.model ?? null, mileageKm: s.vehicle.mileageKm ?? null } : null,
    allowedActions: allowedActions(s.status, s.class),
    closedLoop: s.closedAt !== null,
    clocks: s.clocks.map((c) => ({ ...c, onTime: metOnTime(c) })),
    jobOrder: s.jobOrder
      ? { id: s.jobOrder.id, number: s.jobOrder.number, lastReplyAccepted: s.jobOrder.lastReply?.accepted ?? null, closure: s.jobOrder.closure, reopenCount: s.jobOrder.reopenCount }
      : null,
    audit: s.audit.map((a) => ({ ...a, note: a.note ?? null })),
    policyVersion: s.policyVersion ?? null,
  } as Complaint;
}

const READERS = ['HQ_ADMIN', 'HQ_ANALYST', ...CALL_CENTER_ROLES, 'REGION_MANAGER', 'DEALER'] as const;

@Resolver(() => Complaint)
export class ComplaintsResolver {
  constructor(
    private readonly service: ComplaintsService,
    private readonly repository: ComplaintsRepository,
    private readonly centers: NetworkCenters,
    private readonly exportsService: ExportsService,
    private readonly config: ComplaintsConfig,
  ) {}

  @Query(() => Complaint)
  @Roles(...READERS)
  async complaint(@CurrentPrincipal() principal: Principal, @Args('id', { type: () => ID }) id: string) {
    return toComplaint(await this.service.get(principal, id), principal);
  }

  @Query(() => ComplaintPage, { description: 'The register within your scope, newest first' })
  @Roles(...READERS)
  async complaints(
    @CurrentPrincipal() principal: Principal,
    // Typed without `| undefined` (it may be absent): SWC's metadata for a union is Object, and the
    // validation pipe would then neither check nor normalize the filter (a loosely typed VIN).
    @Args('filter', { type: () => ComplaintFilter, nullable: true }) filter: ComplaintFilter,
    @Args('first', { type: () => Int, defaultValue: 50 }) first: number,
    @Args('offset', { type: () => Int, defaultValue: 0 }) offset: number,
  ): Promise<ComplaintPage> {
    const max = this.config.COMPLAINTS_MAX_PAGE_SIZE;
    const issues = [];
    if (first < 1 || first > max) issues.push({ field: 'first', rule: 'range', message: `must be between 1 and ${max}` });
    if (offset < 0) issues.push({ field: 'offset', rule: 'min', message: 'must not be negative' });
    if (issues.length) throw new ValidationFailedError(issues);
    const scope = scopedComplaints(principal, storeFilter(filter));
    const [items, totalCount] = await Promise.all([this.repository.list(scope, first, offset), this.repository.count(scope)]);
    return { items: items.map((s) => toComplaint(s, principal)), totalCount };
  }

  @Query(() => ExportFile, { description: 'The CLIENTS COMPLAINT TABLE of one complaint as PDF' })
  @Roles(...READERS)
  async complaintPdf(@CurrentPrincipal() principal: Principal, @Args('id', { type: () => ID }) id: string): Promise<ExportFile> {
    const s = await this.service.get(principal, id);
    const center = s.serviceCenterId ? await this.centers.find(s.serviceCenterId) : null;
    const pdf = await this.exportsService.complaintPdf(tableValues(s, center?.timeZone || 'UTC', seesContact(principal)));
    return { filename: `${s.number}.pdf`, contentType: 'application/pdf', base64: pdf.toString('base64') };
  }

  @Query(() => ExportFile, { description: 'The filtered register as XLSX with the bilingual EN/ZH headers of the complaint table' })
  @Roles(...READERS)
  async complaintRegisterXlsx(
    @CurrentPrincipal() principal: Principal,
    @Args('filter', { type: () => ComplaintFilter, nullable: true }) filter?: ComplaintFilter,
  ): Promise<ExportFile> {
    const rows = await this.repository.list(scopedComplaints(principal, storeFilter(filter)), 10_000);
    const contact = seesContact(principal);
    const centers = await this.centers.findMany(rows.flatMap((s) => (s.serviceCenterId ? [s.serviceCenterId] : [])));
    const values = rows.map((s) => tableValues(s, (s.serviceCenterId && centers.get(s.serviceCenterId)?.timeZone) || 'UTC', contact));
    const xlsx = await this.exportsService.registerXlsx(values);
    return { filename: 'complaint-register.xlsx', contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', base64: xlsx.toString('base64') };
  }

  @Mutation(() => Complaint, { description: 'Receive a complaint (email, website, dealer, phone): classified automatically, to be confirmed' })
  @Roles('HQ_ADMIN', 'INBOUND_AGENT', 'OUTBOUND_AGENT', 'DEALER')
  async registerComplaint(@CurrentPrincipal() principal: Principal, @Args('input') input: RegisterComplaintInput) {
    return toComplaint(await this.service.register(principal, input), principal);
  }

  @Mutation(() => Complaint, { description: 'The receiver confirms the proposed class or sets another with a reason' })
  async confirmComplaintClass(@CurrentPrincipal() p: Principal, @Args('id', { type: () => ID }) id: string, @Args('input') input: ConfirmClassInput) {
    return toComplaint(await this.service.confirmClass(p, id, input), p);
  }

  @Mutation(() => Complaint, { description: 'Change the class later; the reason is recorded and running deadlines follow' })
  async reclassifyComplaint(@CurrentPrincipal() p: Principal, @Args('id', { type: () => ID }) id: string, @Args('input') input: ReclassifyInput) {
    return toComplaint(await this.service.reclassify(p, id, input), p);
  }

  @Mutation(() => Complaint, { description: "Forward to the distributor's key people; starts the reply and solution deadlines" })
  async transferComplaint(@CurrentPrincipal() p: Principal, @Args('id', { type: () => ID }) id: string, @Args('input') input: TransferInput) {
    return toComplaint(await this.service.transfer(p, id, input), p);
  }

  @Mutation(() => Complaint, { description: 'The distributor signs for the complaint' })
  async signComplaint(@CurrentPrincipal() p: Principal, @Args('id', { type: () => ID }) id: string, @Args('input') input: SignInput) {
    return toComplaint(await this.service.sign(p, id, input), p);
  }

  @Mutation(() => Complaint, { description: "The distributor's first reply to the customer" })
  async replyToComplaint(@CurrentPrincipal() p: Principal, @Args('id', { type: () => ID }) id: string, @Args('input') input: ReplyInput) {
    return toComplaint(await this.service.reply(p, id, input), p);
  }

  @Mutation(() => Complaint, { description: 'Feedback: solution, fact affirmation, cause analysis, corrective and preventive measures' })
  async submitComplaintSolution(@CurrentPrincipal() p: Principal, @Args('id', { type: () => ID }) id: string, @Args('input') input: SolutionInput) {
    return toComplaint(await this.service.submitSolution(p, id, input), p);
  }

  @Mutation(() => Complaint, { description: 'A: the general manager or service director approves (or rejects) the solution' })
  async decideComplaintSolution(@CurrentPrincipal() p: Principal, @Args('id', { type: () => ID }) id: string, @Args('input') input: SolutionDecisionInput) {
    return toComplaint(await this.service.decideSolution(p, id, input), p);
  }

  @Mutation(() => Complaint, { description: 'The distributor cannot meet the solution deadline: new date and reason' })
  async postponeComplaint(@CurrentPrincipal() p: Principal, @Args('id', { type: () => ID }) id: string, @Args('input') input: PostponeInput) {
    return toComplaint(await this.service.postpone(p, id, input), p);
  }

  @Mutation(() => Complaint, { description: "HQ's return visit: satisfied, refused to comment, or not satisfied (back to the distributor)" })
  async recordComplaintReturnVisit(@CurrentPrincipal() p: Principal, @Args('id', { type: () => ID }) id: string, @Args('input') input: ReturnVisitInput) {
    return toComplaint(await this.service.recordReturnVisit(p, id, input), p);
  }

  @Mutation(() => Complaint)
  async closeComplaint(@CurrentPrincipal() p: Principal, @Args('id', { type: () => ID }) id: string, @Args('input', { type: () => CloseInput, nullable: true }) input?: CloseInput) {
    return toComplaint(await this.service.close(p, id, input ?? {}), p);
  }

  @Mutation(() => Complaint, { description: 'A suggestion without response or specific requirement from the customer' })
  async closeSuggestionWithoutResponse(@CurrentPrincipal() p: Principal, @Args('id', { type: () => ID }) id: string, @Args('note') note: string) {
    return toComplaint(await this.service.closeSuggestionWithoutResponse(p, id, note), p);
  }

  @Mutation(() => Complaint, { description: 'Archive a closed complaint whose table is complete' })
  async archiveComplaint(@CurrentPrincipal() p: Principal, @Args('id', { type: () => ID }) id: string) {
    const complaint = await this.service.archive(p, id, (s) => missingForArchive(tableValues(s, 'UTC', true)));
    return toComplaint(complaint, p);
  }

  @Mutation(() => Complaint, { description: "Counted in the distributor's annual assessment" })
  async assessComplaint(@CurrentPrincipal() p: Principal, @Args('id', { type: () => ID }) id: string) {
    return toComplaint(await this.service.assess(p, id), p);
  }

  @ResolveField(() => ServiceCenterRef, { nullable: true, description: 'The distributor (resolved by the network subgraph)' })
  serviceCenter(@Parent() c: Complaint): ServiceCenterRef | null {
    return c.serviceCenterId ? { id: c.serviceCenterId } : null;
  }

  @ResolveField(() => RegionRef, { nullable: true, description: 'Resolved by the network subgraph' })
  region(@Parent() c: Complaint): RegionRef | null {
    return c.regionId ? { id: c.regionId } : null;
  }

  @ResolveField(() => String, { nullable: true, description: "The distributor's time zone the deadlines run in" })
  async timeZone(@Parent() c: Complaint, @Context() ctx: object): Promise<string | null> {
    return c.serviceCenterId ? ((await centerLoader(ctx, this.centers).load(c.serviceCenterId))?.timeZone ?? null) : null;
  }
}

function storeFilter(f: ComplaintFilter | undefined): StoreFilter {
  const q: StoreFilter = {};
  if (!f) return q;
  if (f.serviceCenterId) q.serviceCenterId = f.serviceCenterId;
  if (f.class) q.class = f.class as ComplaintState['class'];
  if (f.status) q.status = f.status as ComplaintState['status'];
  if (f.vin) q['vehicle.vin'] = f.vin;
  if (f.from || f.to) q.receivedAt = { ...(f.from ? { $gte: f.from } : {}), ...(f.to ? { $lt: f.to } : {}) };
  return q;
}
