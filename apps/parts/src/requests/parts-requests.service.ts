import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { createEvent, type EventOf } from '@aftersales/contracts';
import { Clock, LOGGER } from '@aftersales/platform-core';
import { OutboxRelay, outboxFields, withOutbox } from '@aftersales/platform-kafka';
import { available, PartsRuleError } from '@aftersales/domain-parts';
import { Inject } from '@nestjs/common';
import type { Logger } from 'pino';
import { isDuplicateKey, LocationStore } from '../common/store';
import { LocationsRepository } from '../locations/locations.repository';
import { DemandHistory } from '../planning/demand-history';
import { StockLedger } from '../stock/ledger';
import { PARTS_REQUEST_MODEL, type PartsRequestDoc } from './parts-request.schema';

export const SOURCE = 'parts';

/**
 * The workshop link: a repair order's PartsRequested.v1 reserves each line at its center (as much as is
 * available) and answers PartsReserved.v1 when every line is covered, else PartsShortage.v1 with what is
 * short per line. The request counts as demand either way: a part the workshop could not get was needed.
 */
@Injectable()
export class PartsRequestsService {
  constructor(
    @InjectModel(PARTS_REQUEST_MODEL) private readonly model: Model<PartsRequestDoc>,
    private readonly ledger: StockLedger,
    private readonly locations: LocationsRepository,
    private readonly demand: DemandHistory,
    private readonly relay: OutboxRelay,
    private readonly clock: Clock,
    private readonly store: LocationStore,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  get outboxModel(): Model<PartsRequestDoc> {
    return this.model;
  }

  async handle(event: EventOf<'PartsRequested.v1'>): Promise<void> {
    const p = event.payload;
    const now = this.clock.now();
    // Claimed before any stock moves: a redelivered or concurrently consumed request never reserves twice.
    // (A crash after the claim leaves the request unanswered rather than double-reserved; see README.)
    try {
      await this.store.shared<{ _id: string; at: Date }>('parts_request_claims').insertOne({ _id: p.requestId, at: now });
    } catch (err) {
      if (isDuplicateKey(err)) return;
      throw err;
    }
    const loc = this.locations.get(p.serviceCenterId);
    if (!loc) this.logger.warn({ serviceCenterId: p.serviceCenterId, requestId: p.requestId }, 'parts request for a center parts does not know: reported short');
    const lines: PartsRequestDoc['lines'] = [];
    for (const line of p.lines) {
      const reserved = loc ? await this.reserveUpTo(loc._id, line.partNumber, line.quantity, p.requestId, line.lineId, now) : 0;
      lines.push({ lineId: line.lineId, partNumber: line.partNumber, requested: line.quantity, reserved });
    }
    if (loc) {
      await this.demand.record(loc._id, p.lines.map((l) => ({ key: `req|${p.requestId}|${l.lineId}`, partNumber: l.partNumber, quantity: l.quantity })), now);
    }
    const meta = { source: SOURCE, serviceCenterId: p.serviceCenterId, correlationId: event.correlationId };
    const full = lines.filter((l) => l.reserved === l.requested).map((l) => ({ lineId: l.lineId, partNumber: l.partNumber, quantity: l.requested }));
    const outcome = full.length === lines.length ? 'RESERVED' : 'SHORTAGE';
    const answer =
      outcome === 'RESERVED'
        ? createEvent('PartsReserved.v1', { requestId: p.requestId, repairOrderId: p.repairOrderId, serviceCenterId: p.serviceCenterId, lines: full, reservedAt: now.toISOString() }, meta)
        : createEvent(
            'PartsShortage.v1',
            {
              requestId: p.requestId,
              repairOrderId: p.repairOrderId,
              serviceCenterId: p.serviceCenterId,
              lines: lines.filter((l) => l.reserved < l.requested).map((l) => ({ lineId: l.lineId, partNumber: l.partNumber, requested: l.requested, reserved: l.reserved, short: l.requested - l.reserved })),
              reservedLines: full,
              reportedAt: now.toISOString(),
            },
            meta,
          );
    try {
      await this.model.create({ _id: p.requestId, repairOrderId: p.repairOrderId, serviceCenterId: p.serviceCenterId, lines, outcome, at: now, ...outboxFields([answer]) });
    } catch (err) {
      if (!isDuplicateKey(err)) throw err;
      return;
    }
    this.relay.kick();
  }

  /**
   * Stock arriving at a location (a received shipment or transfer) serves the repair orders waiting
   * there for those parts, oldest request first: each short line reserves what is now available, and a
   * request covered in full is answered PartsReserved.v1 under its own request id, which is what puts
   * the workshop's order back to work. Finding the waiting requests scans `parts_requests` (the store
   * pushes down `_id` only); receipts are rare next to reservations, so the scan stays off the hot path.
   */
  async serveWaiting(locationId: string, partNumbers: readonly string[]): Promise<void> {
    const parts = new Set(partNumbers);
    const waiting = await this.model.find({ serviceCenterId: locationId, outcome: 'SHORTAGE' }).lean<PartsRequestDoc[]>();
    waiting.sort((a, b) => new Date(a.at).getTime() - new Date(b.at).getTime());
    for (const request of waiting) {
      if (request.lines.some((l) => l.reserved < l.requested && parts.has(l.partNumber))) await this.serve(request);
    }
  }

  private async serve(request: PartsRequestDoc): Promise<void> {
    const now = this.clock.now();
    const round = (request.serves ?? 0) + 1;
    // One server per request and round: two receipts at once never reserve the same shortfall twice.
    try {
      await this.store.shared<{ _id: string; at: Date }>('parts_request_claims').insertOne({ _id: `${request._id}|serve|${round}`, at: now });
    } catch (err) {
      if (isDuplicateKey(err)) return;
      throw err;
    }
    const lines: PartsRequestDoc['lines'] = [];
    for (const line of request.lines) {
      const more = line.reserved < line.requested ? await this.reserveUpTo(request.serviceCenterId, line.partNumber, line.requested - line.reserved, request._id, line.lineId, now) : 0;
      lines.push({ lineId: line.lineId, partNumber: line.partNumber, requested: line.requested, reserved: line.reserved + more });
    }
    const covered = lines.every((l) => l.reserved === l.requested);
    const events = covered
      ? [
          createEvent(
            'PartsReserved.v1',
            {
              requestId: request._id,
              repairOrderId: request.repairOrderId,
              serviceCenterId: request.serviceCenterId,
              lines: lines.map((l) => ({ lineId: l.lineId, partNumber: l.partNumber, quantity: l.requested })),
              reservedAt: now.toISOString(),
            },
            { source: SOURCE, serviceCenterId: request.serviceCenterId },
          ),
        ]
      : [];
    await this.model.updateOne({ _id: request._id }, withOutbox<PartsRequestDoc>({ $set: { lines, serves: round, ...(covered ? { outcome: 'RESERVED' as const } : {}) } }, events));
    if (covered) this.relay.kick();
  }

  /** Reserves the whole quantity, or what is available when that is less (a partial reservation). */
  private async reserveUpTo(locationId: string, partNumber: string, quantity: number, requestId: string, lineId: string, at: Date): Promise<number> {
    let qty = quantity;
    while (qty > 0) {
      try {
        await this.ledger.append(locationId, partNumber, { type: 'RESERVE', quantity: qty }, { kind: 'REPAIR_ORDER', id: requestId, lineId }, 'workshop', at);
        return qty;
      } catch (err) {
        if (!(err instanceof PartsRuleError)) throw err;
        qty = Math.min(qty - 1, available((await this.ledger.balance(locationId, partNumber)).balance));
      }
    }
    return 0;
  }
}
