import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { DateTime } from 'luxon';
import { Clock, NotFoundError, type FieldIssue } from '@aftersales/platform-core';
import { canAccess, scoped, unscoped, type Principal } from '@aftersales/platform-auth';
import { NetworkCenters } from '@aftersales/platform-centers';
import { itemAmount } from '@aftersales/domain-workshop';
import { claimLineIssues, claimMachine, warrantyKpisOf, workingDaysToDecision, type ClaimAction, type ClaimStatus } from '@aftersales/domain-warranty';
import { monthRangeIssues, monthsBetween } from '@aftersales/calendar';
import { textIssue } from '@aftersales/values';
import { assertTransition, concurrentChange, refuseIf } from '../../common/errors';
import { assertCenterWrite } from '../../setup/setup.service';
import { RepairOrdersService } from '../../repair-orders/repair-orders.service';
import { claimListFilter, claimsDecidedFilter, claimsSubmittedFilter, WARRANTY_CLAIM_MODEL, type ClaimEventDoc, type WarrantyClaimDoc } from './warranty-claim.schema';
import type { SubmitWarrantyClaimInput } from './warranty-claim.types';

/** Free text on a decision: required where `requiredMessage` says why; the shared free-text rules, at most 4000 characters. */
function noteIssues(field: string, text: string | undefined, requiredMessage: string | null): FieldIssue[] {
  if (!text) return requiredMessage ? [{ field, rule: 'required', message: requiredMessage }] : [];
  if (text.length > 4000) return [{ field, rule: 'maxLength', message: 'at most 4000 characters' }];
  const issue = textIssue('freeText', text);
  return issue ? [{ field, ...issue }] : [];
}

const cents = (v: number) => Math.round(v * 100) / 100;
/** KPI ranges: whole local months, at most two years at once. */
const MAX_KPI_MONTHS = 24;

export interface WarrantyKpiMonth {
  month: string;
  repairOrders: number;
  claimsSubmitted: number;
  approved: number;
  rejected: number;
  claimRate: number | null;
  rejectionRate: number | null;
  averageDaysToDecision: number | null;
}

/**
 * Warranty claims: the dealer submits covered items of one repair order to its region; the region's
 * manager or HQ approves, rejects (with a reason) or asks for more; the dealer answers and resubmits.
 */
@Injectable()
export class WarrantyClaimsService {
  constructor(
    @InjectModel(WARRANTY_CLAIM_MODEL) private readonly model: Model<WarrantyClaimDoc>,
    private readonly orders: RepairOrdersService,
    private readonly centers: NetworkCenters,
    private readonly clock: Clock,
  ) {}

  /** Another center's (or region's) claim does not exist for the caller. */
  async get(principal: Principal, id: string): Promise<WarrantyClaimDoc> {
    const doc = await this.model.findById(id).lean<WarrantyClaimDoc>().exec();
    if (!doc || !canAccess(principal, { serviceCenterId: doc.serviceCenterId, regionId: doc.regionId })) throw new NotFoundError('WarrantyClaim', id);
    return doc;
  }

  async list(principal: Principal, filter: { serviceCenterId?: string; regionId?: string; status?: ClaimStatus }): Promise<WarrantyClaimDoc[]> {
    refuseIf(!filter.serviceCenterId && !filter.regionId ? [{ field: 'serviceCenterId', rule: 'centerOrRegion', message: 'name a service center or a region' }] : []);
    return this.model.find(scoped(principal, claimListFilter(filter))).sort({ submittedAt: 1 }).limit(500).lean<WarrantyClaimDoc[]>().exec();
  }

  async submit(principal: Principal, input: SubmitWarrantyClaimInput): Promise<WarrantyClaimDoc> {
    const order = await this.orders.get(principal, input.repairOrderId);
    const center = await this.centers.get(order.serviceCenterId);
    assertCenterWrite(principal, center);
    const claimable = order.items.map((i) => ({ id: i.id, amount: itemAmount(i), covered: i.warranty?.covered ?? false, claimId: i.warranty?.claimId ?? null }));
    refuseIf(claimLineIssues(input.lines, claimable));
    const now = this.clock.now();
    const lines = input.lines.map((l) => {
      const item = order.items.find((i) => i.id === l.itemId)!;
      return { itemId: item.id, kind: item.kind, code: item.code, description: item.description, policyId: item.warranty?.policyId ?? null, amount: l.amount };
    });
    const doc: WarrantyClaimDoc = {
      _id: `wc-${randomUUID()}`,
      serviceCenterId: center._id,
      regionId: center.regionId,
      repairOrderId: order._id,
      vin: order.vehicle.vin,
      lines,
      total: cents(lines.reduce((a, l) => a + l.amount, 0)),
      status: 'SUBMITTED',
      rev: 0,
      submittedAt: now,
      decidedAt: null,
      decidedBy: null,
      rejectionReason: null,
      daysToDecision: null,
      history: [{ action: 'SUBMITTED', by: principal.subject, at: now, note: input.note ?? null }],
    };
    // The claim first, then the items marked at the order's revision: when another claim took an item
    // (or the order changed) meanwhile, this claim is removed again and the caller gets CONFLICT.
    await this.model.create(doc);
    try {
      await this.orders.markClaimed(order, lines.map((l) => l.itemId), doc._id);
    } catch (e) {
      await this.model.deleteOne({ _id: doc._id }).exec();
      throw e;
    }
    return doc;
  }

  /** Approve, reject (reason required) or ask for more information (question required): the region's manager or HQ. */
  async decide(principal: Principal, id: string, action: Exclude<ClaimAction, 'resubmit'>, note: string | undefined): Promise<WarrantyClaimDoc> {
    const doc = await this.get(principal, id);
    assertTransition(claimMachine, doc.status, action);
    const field = action === 'approve' ? 'note' : 'reason';
    refuseIf(noteIssues(field, note, action === 'reject' ? 'a rejection states its reason' : action === 'requestInfo' ? 'say what information is missing' : null));
    const now = this.clock.now();
    if (action === 'requestInfo') return this.write(doc, { status: 'INFO_REQUESTED' }, { action: 'INFO_REQUESTED', by: principal.subject, at: now, note: note! });
    const center = await this.centers.get(doc.serviceCenterId);
    const days = workingDaysToDecision(this.centers.calendarOf(center), doc.submittedAt, now);
    const approved = action === 'approve';
    return this.write(
      doc,
      { status: approved ? 'APPROVED' : 'REJECTED', decidedAt: now, decidedBy: principal.subject, rejectionReason: approved ? null : note!, daysToDecision: days },
      { action: approved ? 'APPROVED' : 'REJECTED', by: principal.subject, at: now, note: note ?? null },
    );
  }

  /** The dealer answers the region's question and the claim goes back to it. */
  async resubmit(principal: Principal, id: string, answer: string): Promise<WarrantyClaimDoc> {
    const doc = await this.get(principal, id);
    assertCenterWrite(principal, { _id: doc.serviceCenterId, regionId: doc.regionId });
    assertTransition(claimMachine, doc.status, 'resubmit');
    refuseIf(noteIssues('answer', answer, 'answer the question before resubmitting'));
    return this.write(doc, { status: 'SUBMITTED' }, { action: 'RESUBMITTED', by: principal.subject, at: this.clock.now(), note: answer });
  }

  /** One conditional update at the claim's revision: two deciders racing, exactly one wins. */
  private async write(doc: WarrantyClaimDoc, changes: Partial<WarrantyClaimDoc>, event: ClaimEventDoc): Promise<WarrantyClaimDoc> {
    const { matchedCount } = await this.model.updateOne({ _id: doc._id, rev: doc.rev }, { $set: changes, $inc: { rev: 1 }, $push: { history: event } }).exec();
    if (matchedCount === 0) throw concurrentChange('WarrantyClaim', doc._id);
    return { ...doc, ...changes, rev: doc.rev + 1, history: [...doc.history, event] };
  }

  /**
   * Per local month of the center and over the range: claim rate = claims first submitted / repair
   * orders opened; rejection rate = rejected / decided; mean working days from first submission to
   * decision (claims decided in the month). Out of scope: NOT_FOUND, as for an unknown center.
   */
  async kpis(principal: Principal, centerId: string, from: string, to: string): Promise<{ total: WarrantyKpiMonth; months: WarrantyKpiMonth[] }> {
    refuseIf(monthRangeIssues(from, to, MAX_KPI_MONTHS));
    const center = await this.centers.find(centerId);
    if (!center || !canAccess(principal, { serviceCenterId: center._id, regionId: center.regionId })) throw new NotFoundError('ServiceCenter', centerId);
    const months = await Promise.all(
      monthsBetween(from, to, MAX_KPI_MONTHS).map(async (month) => {
        const start = DateTime.fromISO(`${month}-01`, { zone: center.timeZone });
        const [a, b] = [start.toJSDate(), start.plus({ months: 1 }).toJSDate()];
        const reason = 'the caller may read this center (checked above)';
        const [repairOrders, claimsSubmitted, decided] = await Promise.all([
          this.orders.countOpened(center._id, a, b),
          this.model.countDocuments(unscoped(reason, claimsSubmittedFilter(center._id, a, b))).exec(),
          this.model
            .find(unscoped(reason, claimsDecidedFilter(center._id, a, b)), { status: 1, daysToDecision: 1 })
            .lean<Pick<WarrantyClaimDoc, 'status' | 'daysToDecision'>[]>()
            .exec(),
        ]);
        return { month, repairOrders, claimsSubmitted, approved: decided.filter((d) => d.status === 'APPROVED').length, rejected: decided.filter((d) => d.status === 'REJECTED').length, days: decided.map((d) => d.daysToDecision ?? 0) };
      }),
    );
    const row = (month: string, c: { repairOrders: number; claimsSubmitted: number; approved: number; rejected: number; days: number[] }): WarrantyKpiMonth => ({
      month,
      repairOrders: c.repairOrders,
      claimsSubmitted: c.claimsSubmitted,
      approved: c.approved,
      rejected: c.rejected,
      ...warrantyKpisOf({ ...c, daysToDecision: c.days }),
    });
    const sum = months.reduce(
      (acc, m) => ({ repairOrders: acc.repairOrders + m.repairOrders, claimsSubmitted: acc.claimsSubmitted + m.claimsSubmitted, approved: acc.approved + m.approved, rejected: acc.rejected + m.rejected, days: [...acc.days, ...m.days] }),
      { repairOrders: 0, claimsSubmitted: 0, approved: 0, rejected: 0, days: [] as number[] },
    );
    return { total: row('total', sum), months: months.map((m) => row(m.month, m)) };
  }
}
