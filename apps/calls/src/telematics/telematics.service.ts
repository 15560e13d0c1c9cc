import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { createEvent, type AnyEvent, type CustomerRefV1, type VehicleRefV1 } from '@aftersales/contracts';
import { parseTelematicsEvent, reactionsOf, telematicsSummary, type TelematicsEvent } from '@aftersales/domain-calls';
import { Clock, ConflictError, NotFoundError, UnauthenticatedError, ValidationFailedError } from '@aftersales/platform-core';
import type { Principal } from '@aftersales/platform-auth';
import { OutboxRelay } from '@aftersales/platform-kafka';
import { NetworkCenters } from '@aftersales/platform-centers';
import { CallsService, SOURCE } from '../calls/calls.service';
import { CampaignsRepository } from '../campaigns/campaigns.repository';
import type { CampaignVehicleDoc } from '../campaigns/campaign.schema';
import { PostGate } from '../common/post-gate';
import { CallsConfig } from '../config';
import type { TaskDoc } from '../outbound/task.schema';
import { TasksRepository } from '../outbound/tasks.repository';
import { parseProviderSecrets, SIGNATURE_HEADER, TIMESTAMP_HEADER, verifySignature } from './signature';
import type { TelematicsChannel, TelematicsEventDoc, TelematicsReaction } from './telematics-event.schema';
import { scopedTelematics, TelematicsRepository } from './telematics.repository';

/** `source.kind` of the outbound tasks a telematics event sets off; `source.id` is the event. */
export const TELEMATICS_SOURCE = 'TELEMATICS';
const PROVIDER = /^[a-z0-9][a-z0-9-]{0,39}$/;

export interface IngestResult {
  id: string | null;
  duplicate: boolean;
  status: TelematicsEventDoc['status'] | null;
}

/** The event's id in our store: stable per provider and event id, so a redelivered feed message finds it. */
export const telematicsEventId = (provider: string, eventId: string) =>
  `tme-${createHash('sha256').update(`${provider}\u0000${eventId}`).digest('hex').slice(0, 24)}`;

@Injectable()
export class TelematicsService {
  private readonly secrets: Map<string, string>;

  constructor(
    private readonly events: TelematicsRepository,
    private readonly vehicles: CampaignsRepository,
    private readonly tasks: TasksRepository,
    private readonly calls: CallsService,
    private readonly centers: NetworkCenters,
    private readonly relay: OutboxRelay,
    private readonly gate: PostGate,
    @Inject(CallsConfig) private readonly config: CallsConfig,
    @Inject(Clock) private readonly clock: Clock,
  ) {
    this.secrets = parseProviderSecrets(config.TELEMATICS_PROVIDER_SECRETS);
  }

  /** A provider's webhook call: signature and replay window first, then the same intake as the feed. */
  async receiveSigned(provider: string, headers: Record<string, string | string[] | undefined>, rawBody: Buffer | undefined, body: unknown): Promise<IngestResult> {
    const header = (name: string) => {
      const v = headers[name];
      return Array.isArray(v) ? v[0] : v;
    };
    const verdict = verifySignature({
      secret: this.secrets.get(provider),
      timestamp: header(TIMESTAMP_HEADER),
      signature: header(SIGNATURE_HEADER),
      rawBody,
      now: this.clock.now(),
      windowSec: this.config.TELEMATICS_REPLAY_WINDOW_SEC,
    });
    if (verdict !== 'ok') throw new UnauthenticatedError(`Telematics call refused: ${verdict}`);
    const eventId = (body as { eventId?: unknown } | null)?.eventId;
    // A signed call sent again within the window: the event id was taken by the first one.
    if (typeof eventId === 'string' && (await this.events.seen(provider, eventId.trim()))) throw new UnauthenticatedError('Telematics call refused: replayed');
    return this.ingest(provider, body, 'WEBHOOK');
  }

  /**
   * Validates, drops duplicates, keeps unknown VINs apart, and otherwise starts the reactions: the
   * rescue and the proposed appointment as events written with the record, the call center's task
   * after it (its id is derived from the event, so a retry of the same event cannot make two).
   */
  async ingest(provider: string, body: unknown, channel: TelematicsChannel): Promise<IngestResult> {
    const now = this.clock.now();
    const { event, issues } = parseTelematicsEvent(body, now);
    if (!PROVIDER.test(provider)) issues.unshift({ field: 'provider', rule: 'provider', message: 'must be a provider id: lowercase letters, digits and dashes' });
    if (issues.length || !event) throw new ValidationFailedError(issues);
    const id = telematicsEventId(provider, event.eventId);
    if (await this.events.seen(provider, event.eventId)) return { id, duplicate: true, status: null };

    const vehicle = (await this.vehicles.vehiclesByVin([event.vin])).get(event.vin) ?? null;
    const base: TelematicsEventDoc = {
      _id: id,
      provider,
      eventId: event.eventId,
      channel,
      vin: event.vin,
      kind: event.kind,
      occurredAt: event.occurredAt,
      receivedAt: now,
      location: event.location,
      heading: event.heading,
      airbagDeployed: event.airbagDeployed,
      dtc: event.dtc,
      description: event.description,
      status: vehicle ? 'ACTED' : 'UNKNOWN_VIN',
      dealerId: vehicle?.serviceCenterId ?? null,
      centerIds: vehicle ? [vehicle.serviceCenterId] : [],
      regionId: null,
      reactions: [],
      resolvedBy: null,
    };
    if (!vehicle) {
      const inserted = await this.events.insert(base, []);
      return { id, duplicate: !inserted, status: inserted ? base.status : null };
    }
    const { doc, events, task } = await this.react(base, event, vehicle, now);
    // The task first: its id is the event's, so a second insert is a no-op. Written after the event, a
    // process dying between the two would lose it for good, as the provider's retry is then a replay.
    if (task) await this.tasks.insert(task);
    if (!(await this.events.insert(doc, events))) return { id, duplicate: true, status: null };
    this.relay.kick();
    return { id, duplicate: false, status: doc.status };
  }

  private async react(doc: TelematicsEventDoc, event: TelematicsEvent, vehicle: CampaignVehicleDoc, now: Date) {
    const plan = reactionsOf(event, this.config.telematicsTiming);
    const summary = telematicsSummary(event);
    const dealer = await this.centers.find(vehicle.serviceCenterId);
    const customer: CustomerRefV1 = {
      name: vehicle.customer.name,
      ...(vehicle.customer.phone ? { phone: vehicle.customer.phone } : {}),
      country: vehicle.customer.country,
    };
    const vehicleRef: VehicleRefV1 = { vin: event.vin, ...(vehicle.model ? { model: vehicle.model } : {}), ...(event.dtc ? { mileageKm: event.dtc.odometerKm } : {}) };
    const reactions: TelematicsReaction[] = [];
    const events: AnyEvent[] = [];
    const centerIds = new Set(doc.centerIds);
    let regionId = dealer?.regionId ?? null;
    const meta = (serviceCenterId: string) => ({ source: SOURCE, serviceCenterId, correlationId: doc._id });

    let call = plan.call;
    if (plan.rescue && event.location) {
      const routed = await this.calls.route(event.location, 'RESCUE');
      if (routed) {
        const outlet = routed.outlet;
        reactions.push({ kind: 'RESCUE', serviceCenterId: outlet.id, taskId: null, dueAt: null });
        centerIds.add(outlet.id);
        regionId = regionId ?? outlet.regionId ?? null;
        events.push(
          createEvent(
            'RescueRequested.v1',
            {
              callId: doc._id,
              serviceCenterId: outlet.id,
              customer,
              vehicle: vehicleRef,
              location: { lat: event.location.lat, lng: event.location.lng, address: `Reported by the vehicle${event.heading !== null ? `, heading ${event.heading}°` : ''}` },
              fault: summary,
              requestedAt: now.toISOString(),
            },
            meta(outlet.id),
          ),
        );
      } else {
        // No outlet with 24 h rescue is known: a person must call the driver now and arrange help.
        call = { reaction: 'DRIVER_CALL', dueInMinutes: 0 };
      }
    }
    if (plan.proposeAppointment && event.dtc && (event.dtc.severity === 'MAJOR' || event.dtc.severity === 'CRITICAL')) {
      reactions.push({ kind: 'APPOINTMENT_PROPOSED', serviceCenterId: vehicle.serviceCenterId, taskId: null, dueAt: null });
      events.push(
        createEvent(
          'VehicleFaultReported.v1',
          {
            reportId: doc._id,
            serviceCenterId: vehicle.serviceCenterId,
            customer,
            vehicle: vehicleRef,
            faultCode: event.dtc.code,
            severity: event.dtc.severity,
            odometerKm: Math.round(event.dtc.odometerKm),
            description: summary,
            reportedAt: now.toISOString(),
          },
          meta(vehicle.serviceCenterId),
        ),
      );
    }
    let task: TaskDoc | null = null;
    if (call) {
      const dueAt = new Date(now.getTime() + call.dueInMinutes * 60_000);
      task = {
        _id: `telematics:${doc._id}`,
        kind: 'CUSTOMER_CARE',
        state: 'OPEN',
        agentId: null,
        dueAt,
        customer: { name: vehicle.customer.name, phone: vehicle.customer.phone, country: vehicle.customer.country },
        serviceCenterId: vehicle.serviceCenterId,
        regionId,
        source: { kind: TELEMATICS_SOURCE, id: doc._id },
        jobOrderId: null,
        vehicle: { vin: event.vin, model: vehicle.model },
        askedAt: null,
        notes: `${call.reaction}: ${summary}`.slice(0, 4000),
        result: null,
        settledAt: null,
        createdAt: now,
      };
      reactions.push({ kind: call.reaction, serviceCenterId: vehicle.serviceCenterId, taskId: task._id, dueAt });
    }
    return { doc: { ...doc, reactions, centerIds: [...centerIds], regionId }, events, task };
  }

  async vehicleEvents(principal: Principal, vin: string, first: number, after?: string): Promise<{ docs: TelematicsEventDoc[]; hasNextPage: boolean }> {
    const docs = await this.events.page(scopedTelematics(principal, { vin: vin.trim().toUpperCase(), status: { $ne: 'UNKNOWN_VIN' } }), first + 1, after ? decodeCursor(after) : undefined);
    return { docs: docs.slice(0, first), hasNextPage: docs.length > first };
  }

  /** HQ's review list: events whose VIN no delivery told the call center about. */
  async unknownVins(principal: Principal, first: number): Promise<TelematicsEventDoc[]> {
    await this.gate.caller(principal, ['MANAGEMENT_AGENT']);
    return this.events.unknownVins(first);
  }

  /** HQ looked at an unknown-VIN event and lets it go (a test car, a VIN from another market). */
  async dismissUnknown(principal: Principal, id: string): Promise<TelematicsEventDoc> {
    await this.gate.caller(principal, ['MANAGEMENT_AGENT']);
    const doc = await this.events.dismiss(id, principal.subject);
    if (!doc) {
      const [existing] = await this.events.page(scopedTelematics(principal, { _id: id }), 1);
      if (!existing) throw new NotFoundError('TelematicsEvent', id);
      throw new ConflictError(`Telematics event ${id} is not waiting for review (${existing.status})`);
    }
    return doc;
  }

  /** HQ's figures (the resolver admits HQ roles only): the whole network, unknown VINs under no region. */
  async counts(from: Date, to: Date) {
    if (!(from < to)) throw new ValidationFailedError([{ field: 'to', rule: 'after', message: 'must be after from' }]);
    return this.events.counts(from, to);
  }
}

export function encodeTelematicsCursor(doc: TelematicsEventDoc): string {
  return Buffer.from(`${doc.occurredAt.toISOString()}|${doc._id}`, 'utf8').toString('base64url');
}

function decodeCursor(cursor: string): { at: Date; id: string } {
  const [at, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  const date = new Date(at);
  if (!id || Number.isNaN(date.getTime())) throw new ValidationFailedError([{ field: 'after', rule: 'cursor', message: 'is not a cursor returned by this query' }]);
  return { at: date, id };
}
