import { Injectable } from '@nestjs/common';
import { createEvent, type AnyEvent, type LeadCreatedV1 } from '@aftersales/contracts';
import { changeLeadStatus, LeadInputError, receiveLead, type Lead, type LeadChange, type LeadStep } from '@aftersales/domain-job-orders';
import { Clock, ConflictError, NotFoundError, ValidationFailedError } from '@aftersales/platform-core';
import { canAccess, type Principal } from '@aftersales/platform-auth';
import { OutboxRelay } from '@aftersales/platform-kafka';
import { NetworkCenters } from '@aftersales/platform-centers';
import { JobOrdersConfig } from '../config';
import { plainCustomer } from '../job-orders/job-orders.service';
import { leadOf, leadRow, type LeadRow } from './lead.schema';
import { leadListFilter, LeadsRepository, scopedLeads, type LeadCursor, type LeadListFilter } from './leads.repository';

const SOURCE = 'job-orders';
const MAX_ATTEMPTS = 5;
const iso = (d: Date) => d.toISOString();

@Injectable()
export class LeadsService {
  constructor(
    private readonly repo: LeadsRepository,
    private readonly centers: NetworkCenters,
    private readonly relay: OutboxRelay,
    private readonly clock: Clock,
    private readonly config: JobOrdersConfig,
  ) {}

  /**
   * Calls handed a purchase lead to its nearest dealer: it lands in that dealer's inbox, due for contact
   * in the dealer's calendar from the moment of the hand-over. Idempotent: the lead id is the `_id`.
   */
  async onLeadCreated(p: LeadCreatedV1, correlationId?: string): Promise<void> {
    if (await this.repo.findById(p.leadId)) return;
    // A center the read model does not know yet has no calendar: the event waits for it.
    const center = await this.centers.announced(p.serviceCenterId);
    const lead = receiveLead(
      {
        id: p.leadId,
        callId: p.callId,
        serviceCenterId: p.serviceCenterId,
        regionId: center.regionId ?? null,
        intent: p.intent,
        model: p.model ?? null,
        receivedAt: new Date(p.createdAt),
      },
      this.centers.calendarOf(center),
      this.config.leadContactTarget,
    );
    const row = leadRow(lead, { customer: plainCustomer(p.customer), rev: 0, updatedAt: this.clock.now() });
    const event = createEvent(
      'LeadReceived.v1',
      {
        leadId: lead.id,
        callId: lead.callId,
        serviceCenterId: lead.serviceCenterId,
        ...(lead.regionId ? { regionId: lead.regionId } : {}),
        intent: lead.intent,
        receivedAt: iso(lead.receivedAt),
        contactDueAt: iso(lead.contactDueAt),
      },
      { source: SOURCE, serviceCenterId: lead.serviceCenterId, correlationId },
    );
    if (await this.repo.insert(row, [event])) this.relay.kick();
  }

  /** The dealer moves its lead on; a refused change is BAD_USER_INPUT naming each field and rule, and nothing is written. */
  async changeStatus(principal: Principal, id: string, change: Omit<LeadChange, 'by'>): Promise<LeadRow> {
    await this.visible(principal, id);
    for (let attempt = 1; ; attempt++) {
      const row = (await this.repo.findById(id))!;
      const now = this.clock.now();
      let result: { lead: Lead; step: LeadStep; contactedNow: boolean };
      try {
        result = changeLeadStatus(leadOf(row), { ...change, by: principal.subject }, now);
      } catch (err) {
        if (err instanceof LeadInputError) throw new ValidationFailedError(err.issues);
        throw err;
      }
      const next = leadRow(result.lead, { customer: row.customer, rev: row.rev + 1, updatedAt: now });
      if (await this.repo.replace(row.rev, next, [this.changed(result.lead, result.step, result.contactedNow)])) {
        this.relay.kick();
        return next;
      }
      if (attempt >= MAX_ATTEMPTS) throw new ConflictError(`lead ${id} is being changed concurrently; try again`);
    }
  }

  private changed(lead: Lead, step: LeadStep, contactedNow: boolean): AnyEvent {
    return createEvent(
      'LeadStatusChanged.v1',
      {
        leadId: lead.id,
        serviceCenterId: lead.serviceCenterId,
        from: step.from,
        to: step.to,
        at: iso(step.at),
        receivedAt: iso(lead.receivedAt),
        changedBy: step.by,
        ...(step.reason ? { reason: step.reason } : {}),
        ...(contactedNow ? { contactOnTime: step.at.getTime() <= lead.contactDueAt.getTime() } : {}),
      },
      { source: SOURCE, serviceCenterId: lead.serviceCenterId },
    );
  }

  /** Another dealer's lead does not exist for the caller. */
  async visible(principal: Principal, id: string): Promise<LeadRow> {
    const row = await this.repo.findById(id);
    if (!row || !canAccess(principal, { serviceCenterId: row.serviceCenterId, regionId: row.regionId })) throw new NotFoundError('Lead', id);
    return row;
  }

  /** A page of the caller's leads, newest first; `count` gives the total of the same filter when asked for. */
  async page(principal: Principal, filter: LeadListFilter, first: number, after?: LeadCursor) {
    const scope = scopedLeads(principal, leadListFilter(filter, this.clock.now()));
    return { ...(await this.repo.page(scope, first, after)), count: () => this.repo.count(scope) };
  }

  now(): Date {
    return this.clock.now();
  }
}
