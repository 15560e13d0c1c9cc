import { randomUUID } from 'node:crypto';
import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import type { Logger } from 'pino';
import { createEvent, type CampaignCallRecordedV1, type EventOf } from '@aftersales/contracts';
import {
  campaignDefinitionIssues,
  campaignProgress,
  campaignResultIssues,
  campaignTaskKind,
  careCallDue,
  careCampaignCovers,
  normalizePhone,
  outletQuery,
  type CampaignKind,
  type Issue,
} from '@aftersales/domain-calls';
import { scoped, type Principal } from '@aftersales/platform-auth';
import { Clock, LOGGER, NotFoundError, ValidationFailedError } from '@aftersales/platform-core';
import { NetworkCenters, type NetworkCenter } from '@aftersales/platform-centers';
import { SOURCE } from '../calls/calls.service';
import { CAMPAIGN_SOURCE, type TaskDoc } from '../outbound/task.schema';
import { TasksRepository } from '../outbound/tasks.repository';
import { TasksService } from '../outbound/tasks.service';
import type { CampaignDoc, CampaignTarget } from './campaign.schema';
import { CampaignsRepository } from './campaigns.repository';
import type { CreateCampaignInput, RecordCampaignCallInput } from './dto';

export type CampaignHead = Omit<CampaignDoc, 'targets'>;

const KIND_LABEL: Record<CampaignKind, string> = { RECALL: 'Recall', SERVICE: 'Service', CARE: 'Care' };
const REPAIR_OUTLETS = outletQuery('REPAIR');
/** Who a campaign is listed for below HQ: the centers and regions it calls for. */
const VISIBILITY = { center: 'centerIds', region: 'regionIds' };

const recallTaskId = (campaignId: string, vin: string) => `campaign:${campaignId}:${vin}`;
const careTaskId = (campaignId: string, repairOrderId: string) => `campaign:${campaignId}:ro:${repairOrderId}`;

/**
 * Campaigns HQ defines and the call center works: a RECALL or SERVICE campaign is one call task per
 * listed vehicle at the center that serves it; a CARE campaign gets a task for each delivery in its
 * scope, due some working days later. Each call's result is settled on its task together with
 * CampaignCallRecorded.v1 (one conditional write), which the workshop and complaints act on.
 */
@Injectable()
export class CampaignsService implements OnApplicationBootstrap {
  constructor(
    private readonly campaigns: CampaignsRepository,
    private readonly tasks: TasksRepository,
    private readonly taskService: TasksService,
    private readonly centers: NetworkCenters,
    @Inject(Clock) private readonly clock: Clock,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  /** A crash between a campaign and its tasks leaves it unfinished: its tasks are created at the next start. */
  async onApplicationBootstrap(): Promise<void> {
    for (const campaign of await this.campaigns.unfinished()) {
      await this.createTasks(campaign);
      this.logger.info({ campaignId: campaign._id }, 'tasks of an unfinished campaign created');
    }
  }

  async create(principal: Principal, input: CreateCampaignInput): Promise<CampaignHead> {
    const now = this.clock.now();
    const startsAt = input.startsAt ?? now;
    const vehicles = input.vehicles ?? [];
    const scope = { serviceCenterIds: [...new Set(input.scope?.serviceCenterIds ?? [])], regionIds: [...new Set(input.scope?.regionIds ?? [])] };
    const issues = campaignDefinitionIssues({
      kind: input.kind,
      vins: vehicles.map((v) => v.vin),
      daysAfterDelivery: input.daysAfterDelivery,
      careScope: scope.serviceCenterIds.length + scope.regionIds.length > 0,
      defaultCenter: !!input.defaultServiceCenterId,
      startsAt,
      endsAt: input.endsAt,
    });
    if (issues.length) throw new ValidationFailedError(issues);

    const id = `cmp-${randomUUID()}`;
    const targets = input.kind === 'CARE' ? [] : await this.targetsOf(input);
    if (input.kind === 'CARE') await this.checkScope(scope);
    const doc: CampaignDoc = {
      _id: id,
      kind: input.kind,
      name: input.name.trim(),
      description: input.description ?? null,
      startsAt,
      endsAt: input.endsAt ?? null,
      daysAfterDelivery: input.kind === 'CARE' ? input.daysAfterDelivery! : null,
      scope,
      targets,
      vehicleCount: targets.length,
      tasksCreated: input.kind === 'CARE',
      centerIds: [...new Set([...targets.map((t) => t.serviceCenterId), ...scope.serviceCenterIds])],
      regionIds: [...new Set([...targets.flatMap((t) => (t.regionId ? [t.regionId] : [])), ...scope.regionIds])],
      createdBy: principal.subject,
      createdAt: now,
    };
    await this.campaigns.insert(doc);
    if (!doc.tasksCreated) await this.createTasks(doc);
    const { targets: _targets, ...head } = doc;
    return { ...head, tasksCreated: true };
  }

  /**
   * Each vehicle's center and customer: those named for it, else its last delivery's, else (center
   * only) the campaign's default center. Refused, nothing written: a vehicle without a center or a
   * customer to call, a phone that is not one, an unknown center (NOT_FOUND naming the field), a
   * center that does not repair cars.
   */
  private async targetsOf(input: CreateCampaignInput): Promise<CampaignTarget[]> {
    const vehicles = input.vehicles ?? [];
    const known = await this.campaigns.vehiclesByVin(vehicles.map((v) => v.vin));
    const issues: Issue[] = [];
    const drafts = vehicles.map((v, i) => {
      const last = known.get(v.vin);
      const at = `vehicles.${i}`;
      const centerField = v.serviceCenterId ? `${at}.serviceCenterId` : last ? null : 'defaultServiceCenterId';
      const serviceCenterId = v.serviceCenterId ?? last?.serviceCenterId ?? input.defaultServiceCenterId ?? null;
      if (!serviceCenterId) {
        issues.push({ field: `${at}.serviceCenterId`, rule: 'centerUnknown', message: `no delivery of ${v.vin} is known: name its center, or give defaultServiceCenterId` });
      }
      let customer: CampaignTarget['customer'] | null = null;
      if (v.customer) {
        const phone = normalizePhone(v.customer.phone, v.customer.country);
        if ('issue' in phone) issues.push({ field: `${at}.customer.phone`, ...phone.issue });
        if (!v.customer.name?.trim()) issues.push({ field: `${at}.customer.name`, rule: 'required', message: 'is required' });
        if (!/^[A-Za-z]{2}$/.test(v.customer.country)) issues.push({ field: `${at}.customer.country`, rule: 'isISO31661Alpha2', message: 'must be an ISO 3166-1 alpha-2 country code' });
        if ('e164' in phone && v.customer.name?.trim()) customer = { name: v.customer.name.trim(), phone: phone.e164, country: v.customer.country.toUpperCase() };
      } else if (!last) {
        issues.push({ field: `${at}.customer`, rule: 'customerUnknown', message: `no delivery of ${v.vin} is known: give the customer to call` });
      } else if (!last.customer.phone) {
        issues.push({ field: `${at}.customer`, rule: 'phoneUnknown', message: `the last delivery of ${v.vin} has no phone: give the customer to call` });
      } else {
        customer = { name: last.customer.name, phone: last.customer.phone, country: last.customer.country };
      }
      return { vin: v.vin, model: v.model?.trim() || last?.model || null, serviceCenterId, centerField, customer };
    });
    if (issues.length) throw new ValidationFailedError(issues);

    const centers = await this.centers.findMany(drafts.map((d) => d.serviceCenterId!));
    const unknown = drafts.find((d) => !centers.has(d.serviceCenterId!));
    // A center taken from the vehicle's last delivery was known then; still, the network read model decides.
    if (unknown) throw new NotFoundError('ServiceCenter', unknown.serviceCenterId!, unknown.centerField ?? `vehicles.${drafts.indexOf(unknown)}.serviceCenterId`);
    const outletIssues = drafts.flatMap((d, i) => {
      const center = centers.get(d.serviceCenterId!)!;
      return isRepairOutlet(center) ? [] : [{ field: d.centerField ?? `vehicles.${i}.serviceCenterId`, rule: 'repairOutlet', message: `${center._id} is not an active service center or fast repair shop` }];
    });
    if (outletIssues.length) throw new ValidationFailedError(outletIssues);
    return drafts.map((d) => ({ vin: d.vin, model: d.model, serviceCenterId: d.serviceCenterId!, regionId: centers.get(d.serviceCenterId!)!.regionId ?? null, customer: d.customer! }));
  }

  private async checkScope(scope: CampaignDoc['scope']): Promise<void> {
    const centers = await this.centers.findMany(scope.serviceCenterIds);
    const i = scope.serviceCenterIds.findIndex((id) => !centers.has(id));
    if (i >= 0) throw new NotFoundError('ServiceCenter', scope.serviceCenterIds[i]!, `scope.serviceCenterIds.${i}`);
    for (const [j, regionId] of scope.regionIds.entries()) {
      if (!(await this.centers.idsInRegion(regionId)).length) throw new NotFoundError('Region', regionId, `scope.regionIds.${j}`);
    }
  }

  /** One task per target, in the unassigned pool, due when the campaign starts; ids derive from campaign and VIN. */
  private async createTasks(campaign: CampaignDoc): Promise<void> {
    const createdAt = this.clock.now();
    const docs: TaskDoc[] = campaign.targets.map((t) => ({
      _id: recallTaskId(campaign._id, t.vin),
      kind: campaignTaskKind(campaign.kind),
      state: 'OPEN',
      agentId: null,
      dueAt: campaign.startsAt,
      customer: t.customer,
      serviceCenterId: t.serviceCenterId,
      regionId: t.regionId,
      source: { kind: CAMPAIGN_SOURCE, id: campaign._id },
      jobOrderId: null,
      vehicle: { vin: t.vin, model: t.model },
      askedAt: null,
      notes: `${KIND_LABEL[campaign.kind]} campaign "${campaign.name}": call about ${t.vin}${campaign.description ? `. ${campaign.description}` : ''}`,
      result: null,
      settledAt: null,
      createdAt,
    }));
    for (let i = 0; i < docs.length; i += 500) await this.tasks.insertMany(docs.slice(i, i + 500));
    await this.campaigns.markTasksCreated(campaign._id);
  }

  /**
   * A delivery: remember the vehicle (a later recall finds its center and customer) and give it a
   * care call from every care campaign that covers it. Idempotent: the vehicle keeps its latest
   * delivery, a task's id derives from campaign and repair order.
   */
  async onVehicleDelivered(e: EventOf<'VehicleDelivered.v1'>): Promise<void> {
    const p = e.payload;
    const deliveredAt = new Date(p.deliveredAt);
    const customer = { name: p.customer.name, phone: p.customer.phone ?? null, country: p.customer.country };
    await this.campaigns.recordDelivery({ _id: p.vehicle.vin, serviceCenterId: p.serviceCenterId, model: p.vehicle.model ?? null, customer, deliveredAt });
    const running = await this.campaigns.careStartedBy(deliveredAt);
    if (!running.length) return;
    // Thrown, the event is retried: the workshop delivered at a center the network announced, so calls hears of it too.
    const center = await this.centers.get(p.serviceCenterId);
    for (const campaign of running) {
      if (!careCampaignCovers({ startsAt: campaign.startsAt, endsAt: campaign.endsAt, ...campaign.scope }, { serviceCenterId: center._id, regionId: center.regionId ?? null, deliveredAt })) continue;
      await this.tasks.insert({
        _id: careTaskId(campaign._id, p.repairOrderId),
        kind: campaignTaskKind('CARE'),
        state: 'OPEN',
        agentId: null,
        dueAt: careCallDue(this.centers.calendarOf(center), deliveredAt, campaign.daysAfterDelivery!),
        customer,
        serviceCenterId: center._id,
        regionId: center.regionId ?? null,
        source: { kind: CAMPAIGN_SOURCE, id: campaign._id },
        jobOrderId: null,
        vehicle: { vin: p.vehicle.vin, model: p.vehicle.model ?? null },
        askedAt: null,
        notes: `Care campaign "${campaign.name}": delivered ${p.deliveredAt} (repair order ${p.repairOrderId})${campaign.description ? `. ${campaign.description}` : ''}`,
        result: null,
        settledAt: null,
        createdAt: this.clock.now(),
      });
      await this.campaigns.concerns(campaign._id, center._id, center.regionId ?? null);
    }
  }

  /**
   * Settles a campaign call with its result event in one conditional write: of two agents recording
   * the same call one wins, the other gets CONFLICT. What a result needs is checked first.
   */
  async record(principal: Principal, input: RecordCampaignCallInput): Promise<TaskDoc> {
    const task = await this.taskService.forAgent(principal, input.taskId);
    if (task.source.kind !== CAMPAIGN_SOURCE || !task.serviceCenterId || !task.vehicle) {
      throw new ValidationFailedError([{ field: 'taskId', rule: 'campaignCall', message: `task ${task._id} is a ${task.kind} task, not a call of an HQ campaign` }]);
    }
    const now = this.clock.now();
    const reason = input.reason?.trim() || null;
    const issues = campaignResultIssues({ outcome: input.outcome, reason, appointment: input.appointment, complaint: input.complaint }, now);
    if (issues.length) throw new ValidationFailedError(issues);
    await this.taskService.requirePostFor(principal, task);
    const campaign = await this.campaigns.find(scoped(principal, { _id: task.source.id }, VISIBILITY));
    if (!campaign) throw new Error(`campaign ${task.source.id} of task ${task._id} is missing`);
    const payload: CampaignCallRecordedV1 = {
      campaignId: campaign._id,
      campaignKind: campaign.kind,
      campaignName: campaign.name,
      taskId: task._id,
      serviceCenterId: task.serviceCenterId,
      customer: { name: task.customer.name, ...(task.customer.phone ? { phone: task.customer.phone } : {}), country: task.customer.country },
      vehicle: { vin: task.vehicle.vin, ...(task.vehicle.model ? { model: task.vehicle.model } : {}) },
      outcome: input.outcome,
      ...(reason ? { reason } : {}),
      ...(input.outcome === 'APPOINTMENT_BOOKED'
        ? { appointment: { slotStart: input.appointment!.slotStart.toISOString(), ...(input.appointment!.request ? { request: input.appointment!.request } : {}) } }
        : {}),
      ...(input.outcome === 'COMPLAINT' ? { complaint: { text: input.complaint!.text, ...(input.complaint!.requirement ? { requirement: input.complaint!.requirement } : {}) } } : {}),
      agentId: principal.subject,
      recordedAt: now.toISOString(),
    };
    const event = createEvent('CampaignCallRecorded.v1', payload, { source: SOURCE, serviceCenterId: task.serviceCenterId, correlationId: task._id });
    return this.taskService.settleOrConflict(
      task,
      'COMPLETE',
      now,
      { contacted: input.outcome !== 'UNREACHABLE', solved: null, satisfied: null, reason, notes: input.notes ?? null, recordedBy: principal.subject, outcome: input.outcome },
      [event],
    );
  }

  /** A campaign the caller may see (HQ and the call center: any; below: those calling for their centers or regions). */
  async get(principal: Principal, id: string): Promise<CampaignHead> {
    const campaign = await this.campaigns.find(scoped(principal, { _id: id }, VISIBILITY));
    if (!campaign) throw new NotFoundError('Campaign', id);
    return campaign;
  }

  list(principal: Principal, kind: CampaignKind | null | undefined, first: number): Promise<CampaignHead[]> {
    return this.campaigns.list(scoped(principal, kind ? { kind } : {}, VISIBILITY), first);
  }

  /** Progress per center the caller may see, from the campaign's tasks as they are now. */
  async progress(principal: Principal, campaignId: string) {
    const tasks = await this.tasks.campaignTasks(scoped(principal, { 'source.kind': CAMPAIGN_SOURCE, 'source.id': campaignId }));
    return campaignProgress(tasks.map((t) => ({ serviceCenterId: t.serviceCenterId!, state: t.state, outcome: t.result?.outcome ?? null })));
  }
}

function isRepairOutlet(center: NetworkCenter): boolean {
  return center.status === REPAIR_OUTLETS.status && (REPAIR_OUTLETS.kinds as readonly string[]).includes(center.kind);
}
