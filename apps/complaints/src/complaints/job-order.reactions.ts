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

  private async complaintOf(source: SourceRef, links: SourceRef[] = []): Promise<ComplaintState | null> {
    for (const ref of [source, ...links]) {
      const id = ref.kind === 'COMPLAINT' ? ref.id : intakeIdOf(ref.kind, ref.id);
      if (!id) continue;
      const found = await this.complaints.findSystem(id);
      if (found) return found;
    }
    return null;
  }

  @OnEvent('JobOrderCreated.v1')
  async onCreated(e: EventOf<'JobOrderCreated.v1'>): Promise<void> {
    const p = e.payload;
    const complaint = await this.complaintOf(p.source, p.links);
    if (!complaint || complaint.jobOrder?.id === p.jobOrderId) return;
    await this.complaints.record({ system: 'job-orders' }, complaint, 'JOB_ORDER_LINKED', async (s) => {
      s.jobOrder = { id: p.jobOrderId, number: p.number, lastReply: null, closure: null, reopenCount: 0 };
      return [];
    }, `job order ${p.number}`);
  }

  @OnEvent('JobOrderReplied.v1')
  async onReplied(e: EventOf<'JobOrderReplied.v1'>): Promise<void> {
    const p = e.payload;
    const complaint = await this.complaintOf(p.source);
    if (!complaint) return;
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
    const complaint = await this.complaintOf(p.source, p.links);
    if (!complaint) return;
    // The complaint closes on its own return visit; the job order's closure is recorded beside it.
    await this.complaints.record({ system: 'job-orders' }, complaint, 'JOB_ORDER_CLOSED', async (s) => {
      s.jobOrder = { ...(s.jobOrder ?? { id: p.jobOrderId, number: p.number, lastReply: null, reopenCount: 0 }), closure: p.closure, reopenCount: p.reopenCount };
      return [];
    }, `job order closed ${p.closure}`);
  }

  @OnEvent('JobOrderReopened.v1')
  async onReopened(e: EventOf<'JobOrderReopened.v1'>): Promise<void> {
    const p = e.payload;
    const complaint = await this.complaintOf(p.source);
    if (!complaint) return;
    const update = async (s: ComplaintState) => {
      if (s.jobOrder) s.jobOrder = { ...s.jobOrder, closure: null, reopenCount: p.reopenCount };
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
