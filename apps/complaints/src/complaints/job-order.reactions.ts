import { Controller } from '@nestjs/common';
import type { EventOf } from '@aftersales/contracts';
import { reopenClock } from '@aftersales/domain-complaints';
import { OnEvent } from '@aftersales/platform-kafka';
import type { ComplaintState } from './complaint.schema';
import { ComplaintsService } from './complaints.service';
import { intakeIdOf } from './intake.consumer';

type SourceRef = { kind: string; id: string };

const REOPENABLE: ComplaintState['status'][] = ['SOLUTION_DELIVERED', 'RETURN_VISITED', 'CLOSED'];

/**
 * The complaint's job order lives in job-orders: ComplaintRegistered.v1 asks for it, and its events
 * come back here. A job order points at its complaint through its source or links (COMPLAINT:id),
 * or through the call, survey answer or follow-up the complaint was received from.
 */
@Controller()
export class JobOrderReactions {
  constructor(
    private readonly complaints: ComplaintsService,
  ) {}

  /**
   * Every complaint the order points at, each once: the call's complaint and the one it was registered
   * as share an order, and a complaint from a survey answer about an order is linked to that order.
   */
  private async complaintsOf(source: SourceRef, links: SourceRef[] = []): Promise<ComplaintState[]> {
    const found = new Map<string, ComplaintState>();
    for (const ref of [source, ...links]) {
      const id = ref.kind === 'COMPLAINT' ? ref.id : intakeIdOf(ref.kind, ref.id);
      if (!id || found.has(id)) continue;
      const complaint = await this.complaints.findSystem(id);
      if (complaint) found.set(complaint._id, complaint);
    }
    return [...found.values()];
  }

  @OnEvent('JobOrderCreated.v1')
  async onCreated(e: EventOf<'JobOrderCreated.v1'>): Promise<void> {
    const p = e.payload;
    for (const complaint of await this.complaintsOf(p.source, p.links)) {
      if (complaint.jobOrder?.id === p.jobOrderId) continue;
      await this.complaints.record({ system: 'job-orders' }, complaint, 'JOB_ORDER_LINKED', async (s) => {
        s.jobOrder = { id: p.jobOrderId, number: p.number, lastReply: null, closure: null, reopenCount: 0 };
        return [];
      }, `job order ${p.number}`);
    }
  }

  @OnEvent('JobOrderReplied.v1')
  async onReplied(e: EventOf<'JobOrderReplied.v1'>): Promise<void> {
    for (const complaint of await this.complaintsOf(e.payload.source, e.payload.links)) await this.repliedOn(complaint, e.payload);
  }

  private async repliedOn(complaint: ComplaintState, p: EventOf<'JobOrderReplied.v1'>['payload']): Promise<void> {
    const reply = { accepted: p.accepted, reasons: [...p.reasons], text: p.text, at: new Date(p.repliedAt) };
    const update = async (s: ComplaintState) => {
      s.jobOrder = { ...(s.jobOrder ?? { id: p.jobOrderId, number: p.jobOrderId, closure: null, reopenCount: 0 }), lastReply: reply };
      return [];
    };
    const note = p.accepted ? `job order reply accepted` : `job order reply returned: ${p.reasons.join(', ')}`;
    // An accepted reply on the job order is the distributor's first reply when none was recorded here.
    if (p.accepted && complaint.status === 'SIGNED') {
      await this.complaints.apply({ system: 'job-orders' }, complaint, 'REPLY', async (s, now) => {
        await update(s);
        s.firstReply = { message: p.text || 'reply on the job order', at: now, by: 'system:job-orders' };
        s.clocks = s.clocks.map((c) => (c.kind === 'FIRST_REPLY' && !c.metAt ? { ...c, metAt: now } : c));
        return [];
      }, note);
    } else {
      await this.complaints.record({ system: 'job-orders' }, complaint, 'JOB_ORDER_REPLIED', update, note);
    }
  }

  @OnEvent('JobOrderClosed.v1')
  async onClosed(e: EventOf<'JobOrderClosed.v1'>): Promise<void> {
    const p = e.payload;
    for (const complaint of await this.complaintsOf(p.source, p.links)) {
      // The complaint closes on its own return visit; the job order's closure is recorded beside it.
      await this.complaints.record({ system: 'job-orders' }, complaint, 'JOB_ORDER_CLOSED', async (s) => {
        // The number too: a complaint linked to an existing order learns it here (replies and reopens do not carry it).
        s.jobOrder = { ...(s.jobOrder ?? { id: p.jobOrderId, lastReply: null, reopenCount: 0 }), number: p.number, closure: p.closure, reopenCount: p.reopenCount };
        return [];
      }, `job order closed ${p.closure}`);
    }
  }

  @OnEvent('JobOrderReopened.v1')
  async onReopened(e: EventOf<'JobOrderReopened.v1'>): Promise<void> {
    const p = e.payload;
    for (const complaint of await this.complaintsOf(p.source, [...(p.cause ? [p.cause] : []), ...(p.links ?? [])])) await this.reopenedOn(complaint, p);
  }

  private async reopenedOn(complaint: ComplaintState, p: EventOf<'JobOrderReopened.v1'>['payload']): Promise<void> {
    const update = async (s: ComplaintState) => {
      s.jobOrder = { ...(s.jobOrder ?? { id: p.jobOrderId, number: p.jobOrderId, lastReply: null }), closure: null, reopenCount: p.reopenCount };
      return [];
    };
    if (!REOPENABLE.includes(complaint.status)) return void (await this.complaints.record({ system: 'job-orders' }, complaint, 'REOPEN', update, p.reason));
    await this.complaints.apply({ system: 'job-orders' }, complaint, 'REOPEN', async (s) => {
      await update(s);
      s.closure = null;
      s.closedAt = null;
      s.solutionDeliveredAt = null;
      s.actualCompletionTime = null;
      s.clocks = reopenClock(s.clocks, 'SOLUTION');
      return [];
    }, `job order reopened: ${p.reason}`);
  }
}
