import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { createEvent, type AnyEvent, type CustomerRefV1, type GeoLocationV1, type VehicleRefV1 } from '@aftersales/contracts';
import {
  callIssues,
  consequencesOf,
  Counters as CounterNames,
  nearestOutlet,
  normalizePhone,
  outletQuery,
  type InboundCallInput,
  type GeoPoint,
  type Issue,
  type RoutingPurpose,
} from '@aftersales/domain-calls';
import { Clock, NotFoundError, ValidationFailedError } from '@aftersales/platform-core';
import { unscoped, type Principal } from '@aftersales/platform-auth';
import { OutboxRelay } from '@aftersales/platform-kafka';
import { NetworkCenters, type NetworkCenter } from '@aftersales/platform-centers';
import { Counters } from '../reports/counters';
import type { CallDoc } from './call.schema';
import { CallsRepository, scopedCalls, type CallFilterQuery } from './calls.repository';
import type { CallFilter, LogCallInput } from './dto';
import { PostGate } from '../common/post-gate';

export const SOURCE = 'calls';
/** Silent calls and wrong numbers have no name; events still need one. */
const UNKNOWN_CALLER = 'Unknown caller';
const SYSTEM_READ = 'calls-internal: consumers and QC read a call by id for the system';
/**
 * Outlets fetched nearest first for routing: the domain's rule then picks among them, so outlets at
 * the same distance still break on id.
 */
const ROUTING_CANDIDATES = 5;

@Injectable()
export class CallsService {
  constructor(
    private readonly calls: CallsRepository,
    private readonly centers: NetworkCenters,
    private readonly counters: Counters,
    private readonly relay: OutboxRelay,
    private readonly gate: PostGate,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  /**
   * Checks every rule of the category, routes what must be routed (from the network read model), then
   * writes the call with the events it sets off in one insert. Nothing is written when a rule fails.
   */
  async log(principal: Principal, input: LogCallInput): Promise<CallDoc> {
    const now = this.clock.now();
    const point = input.location?.lat !== undefined && input.location?.lat !== null && input.location?.lng !== undefined && input.location?.lng !== null
      ? { lat: input.location.lat, lng: input.location.lng }
      : null;
    const domainInput: InboundCallInput = { ...input, location: input.location ? { point, description: input.location.description } : null };
    const issues: Issue[] = callIssues(domainInput, now);
    const named = input.serviceCenterId ? await this.centers.find(input.serviceCenterId) : null;
    const effects = consequencesOf(domainInput);
    const purpose: RoutingPurpose | null = effects.rescue ? 'RESCUE' : effects.lead ? 'LEAD' : effects.jobOrder === 'FAULT_REPAIR' && !named ? 'REPAIR' : null;
    const routed = purpose && point ? await this.route(point, purpose) : null;
    if (purpose && point && !routed && purpose !== 'REPAIR') {
      issues.push({
        field: 'location.point',
        rule: 'noOutlet',
        message: purpose === 'RESCUE' ? 'no active outlet with 24 h rescue is known' : 'no active dealer is known to take the lead',
      });
    }
    if (issues.length) throw new ValidationFailedError(issues);
    // A dealer the network never announced is not found, as any id of another service's object.
    if (input.serviceCenterId && !named) throw new NotFoundError('ServiceCenter', input.serviceCenterId, 'serviceCenterId');
    // Answering the hotline is the inbound agents' post.
    await this.gate.caller(principal, ['INBOUND_AGENT']);

    const phone = normalizePhone(input.customer.phone, input.customer.country) as { e164: string };
    const center: NetworkCenter | null = named ?? routed?.outlet ?? null;
    const id = `call-${randomUUID()}`;
    const doc: CallDoc = {
      _id: id,
      category: input.category,
      subtype: input.subtype ?? null,
      customer: { name: input.customer.name?.trim() || null, phone: phone.e164, country: input.customer.country.toUpperCase() },
      vehicle: input.vehicle
        ? { vin: input.vehicle.vin || null, model: input.vehicle.model ?? null, mileageKm: input.vehicle.mileageKm ?? null }
        : null,
      location: input.location ? { lat: point?.lat ?? null, lng: point?.lng ?? null, description: input.location.description ?? null } : null,
      agentId: principal.subject,
      startedAt: input.startedAt,
      ringStartedAt: input.ringStartedAt ?? null,
      durationSec: input.durationSec,
      record: {
        who: input.record.who!.trim(),
        when: input.record.when!.trim(),
        where: input.record.where!.trim(),
        what: input.record.what!.trim(),
        why: input.record.why!.trim(),
        how: input.record.how!.trim(),
      },
      fault: input.fault ?? null,
      requirement: input.requirement ?? null,
      resolved: input.resolved ?? true,
      intent: input.intent ?? null,
      interestedModels: input.interestedModels ?? [],
      serviceCenterId: center?._id ?? null,
      regionId: center?.regionId ?? null,
      routing: routed && purpose ? { purpose, serviceCenterId: routed.outlet.id, distanceKm: routed.distanceKm } : null,
      jobOrderReason: effects.jobOrder,
      leadId: effects.lead ? `lead-${id.slice(5)}` : null,
      qc: null,
      createdAt: now,
    };
    const events = this.eventsOf(doc, now);
    const written = await this.calls.insert(doc, events);
    // Published at once: a cycle would first look through every outbox collection of the service for it.
    void this.relay.publishWritten(this.calls.outboxModel, [written]);
    await this.count(doc);
    return doc;
  }

  /** The nearest outlet that may take the purpose, from the network read model's 2dsphere index. */
  async route(point: GeoPoint, purpose: RoutingPurpose) {
    const near = await this.centers.nearest(point, ROUTING_CANDIDATES, outletQuery(purpose));
    return nearestOutlet(near.map(({ center }) => ({ ...center, id: center._id })), point, purpose);
  }

  private eventsOf(doc: CallDoc, now: Date): AnyEvent[] {
    const meta = { source: SOURCE, serviceCenterId: doc.serviceCenterId, correlationId: doc._id };
    const customer: CustomerRefV1 = { name: doc.customer.name ?? UNKNOWN_CALLER, phone: doc.customer.phone, country: doc.customer.country };
    const vehicle: VehicleRefV1 | undefined = doc.vehicle?.vin
      ? { vin: doc.vehicle.vin, ...(doc.vehicle.model ? { model: doc.vehicle.model } : {}), ...(doc.vehicle.mileageKm !== null ? { mileageKm: doc.vehicle.mileageKm } : {}) }
      : undefined;
    const location: GeoLocationV1 | undefined =
      doc.location?.lat !== null && doc.location?.lat !== undefined && doc.location.lng !== null
        ? { lat: doc.location.lat, lng: doc.location.lng, ...(doc.location.description ? { address: doc.location.description } : {}) }
        : undefined;
    const opt = <T>(v: T | undefined, key: string) => (v === undefined ? {} : { [key]: v });
    const events: AnyEvent[] = [
      createEvent(
        'CallLogged.v1',
        {
          callId: doc._id,
          category: doc.category,
          ...(doc.subtype ? { subtype: doc.subtype } : {}),
          customer,
          ...opt(vehicle, 'vehicle'),
          ...opt(location, 'location'),
          ...(doc.serviceCenterId ? { serviceCenterId: doc.serviceCenterId } : {}),
          agentId: doc.agentId,
          startedAt: doc.startedAt.toISOString(),
          ...(doc.ringStartedAt ? { ringStartedAt: doc.ringStartedAt.toISOString() } : {}),
          durationSec: doc.durationSec,
          ...(doc.fault ? { fault: doc.fault } : {}),
          ...(doc.requirement ? { requirement: doc.requirement } : {}),
          record: doc.record,
          resolved: doc.resolved,
        },
        meta,
      ),
    ];
    if (doc.jobOrderReason) {
      events.push(
        createEvent(
          'JobOrderRequested.v1',
          {
            callId: doc._id,
            reason: doc.jobOrderReason,
            ...(doc.serviceCenterId ? { serviceCenterId: doc.serviceCenterId } : {}),
            toHq: !doc.serviceCenterId,
            customer,
            ...opt(vehicle, 'vehicle'),
            ...opt(location, 'location'),
            description: [doc.fault, doc.record.what].filter(Boolean).join(' / '),
            ...(doc.requirement ? { requirement: doc.requirement } : {}),
            requestedAt: now.toISOString(),
          },
          meta,
        ),
      );
    }
    if (doc.leadId && doc.routing) {
      events.push(
        createEvent(
          'LeadCreated.v1',
          {
            leadId: doc.leadId,
            callId: doc._id,
            serviceCenterId: doc.routing.serviceCenterId,
            intent: doc.intent!,
            ...(doc.interestedModels.length ? { model: doc.interestedModels.join(', ').slice(0, 200) } : {}),
            customer,
            createdAt: now.toISOString(),
          },
          meta,
        ),
      );
    }
    if (doc.category === 'EMERGENCY_RESCUE' && doc.routing && location) {
      events.push(
        createEvent(
          'RescueRequested.v1',
          { callId: doc._id, serviceCenterId: doc.routing.serviceCenterId, customer, ...opt(vehicle, 'vehicle'), location, fault: doc.fault!, requestedAt: now.toISOString() },
          meta,
        ),
      );
    }
    return events;
  }

  /** Report and KPI counters follow the insert; a crash in between leaves the counts one call short, never double. */
  private async count(doc: CallDoc): Promise<void> {
    const counts: Record<string, number> = { [CounterNames.inbound(doc.category)]: 1 };
    if (doc.jobOrderReason) counts[CounterNames.jobOrdersRequested] = 1;
    if (doc.leadId) counts[CounterNames.leads] = 1;
    if (doc.routing?.purpose === 'RESCUE') counts[CounterNames.rescues] = 1;
    await this.counters.report(doc.startedAt, counts);
    await this.counters.center(doc.serviceCenterId, doc.regionId, { inboundCalls: 1, ...(doc.category === 'COMPLAINT' ? { complaints: 1 } : {}), ...counts });
  }

  async get(principal: Principal, id: string): Promise<CallDoc> {
    const doc = await this.calls.findOne(scopedCalls(principal), id);
    if (!doc) throw new NotFoundError('Call', id);
    return doc;
  }

  /** For system work (consumers, QC): by id without a caller's scope. */
  findForSystem(id: string): Promise<CallDoc | null> {
    return this.calls.findOne(unscoped(SYSTEM_READ, {}), id);
  }

  /** The agent who took each of these calls, by call id, for system work (a consumer's batch). */
  async agentsForSystem(ids: readonly string[]): Promise<Map<string, string | null>> {
    const docs = await this.calls.findMany(unscoped(SYSTEM_READ, {}), [...new Set(ids)], ['agentId']);
    return new Map(docs.map((d) => [d._id, d.agentId ?? null]));
  }

  async page(principal: Principal, filter: CallFilter, first: number, after?: string): Promise<{ docs: CallDoc[]; hasNextPage: boolean }> {
    const q: CallFilterQuery = {};
    if (filter.category) q.category = filter.category;
    if (filter.agentId) q.agentId = filter.agentId;
    if (filter.serviceCenterId) q.serviceCenterId = filter.serviceCenterId;
    if (filter.from || filter.to) q.startedAt = { ...(filter.from ? { $gte: filter.from } : {}), ...(filter.to ? { $lt: filter.to } : {}) };
    const docs = await this.calls.page(scopedCalls(principal, q), first + 1, after ? decodeCursor(after) : undefined);
    return { docs: docs.slice(0, first), hasNextPage: docs.length > first };
  }

  setQcOnce(id: string, qc: NonNullable<CallDoc['qc']>): Promise<boolean> {
    return this.calls.setQcOnce(id, qc);
  }
}

export function encodeCursor(doc: CallDoc): string {
  return Buffer.from(`${doc.startedAt.toISOString()}|${doc._id}`, 'utf8').toString('base64url');
}

function decodeCursor(cursor: string): { startedAt: Date; id: string } {
  const [at, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  const startedAt = new Date(at);
  if (!id || Number.isNaN(startedAt.getTime())) {
    throw new ValidationFailedError([{ field: 'after', rule: 'cursor', message: 'is not a cursor returned by this query' }]);
  }
  return { startedAt, id };
}
