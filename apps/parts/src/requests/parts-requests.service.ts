import { Inject, Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import type { Logger } from 'pino';
import { createEvent, type EventOf } from '@aftersales/contracts';
import { Clock, isDuplicateKey, LOGGER } from '@aftersales/platform-core';
import { OutboxRelay, withOutbox } from '@aftersales/platform-kafka';
import { PartsLocations } from '../locations/parts-locations';
import { CatalogService } from '../catalog/catalog.service';
import { DemandHistory } from '../planning/demand-history';
import { StockStore } from '../stock/stock-store';
import type { MovementRef } from '../stock/stock.schema';
import { PARTS_REQUEST_MODEL, type PartsRequestDoc } from './parts-request.schema';

export const SOURCE = 'parts';

type Line = PartsRequestDoc['lines'][number];

/**
 * The workshop link: a repair order's PartsRequested.v1 reserves each line at its center (as much as is
 * available) and answers PartsReserved.v1 when every line is covered, else PartsShortage.v1 with what is
 * short per line. The request counts as demand either way: a part the workshop could not get was needed.
 */
@Injectable()
export class PartsRequestsService {
  constructor(
    @InjectModel(PARTS_REQUEST_MODEL) private readonly model: Model<PartsRequestDoc>,
    private readonly stock: StockStore,
    private readonly locations: PartsLocations,
    private readonly demand: DemandHistory,
    private readonly catalog: CatalogService,
    private readonly relay: OutboxRelay,
    private readonly clock: Clock,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  get outboxModel(): Model<PartsRequestDoc> {
    return this.model;
  }

  async handle(event: EventOf<'PartsRequested.v1'>): Promise<void> {
    // A superseded number is reserved, answered and counted as demand under its newest replacement.
    const current = await this.catalog.currentOf(event.payload.lines.map((l) => l.partNumber));
    const p = { ...event.payload, lines: event.payload.lines.map((l) => ({ ...l, partNumber: current.get(l.partNumber) ?? l.partNumber })) };
    const now = this.clock.now();
    // The request's document is written before any stock moves: a redelivered or concurrently consumed
    // request finds it and reserves nothing again. (A crash before the answer leaves it PENDING and
    // unanswered rather than reserved twice; see README.)
    try {
      await this.model.create({
        _id: p.requestId,
        repairOrderId: p.repairOrderId,
        serviceCenterId: p.serviceCenterId,
        lines: p.lines.map((l) => ({ lineId: l.lineId, partNumber: l.partNumber, requested: l.quantity, reserved: 0 })),
        outcome: 'PENDING',
        short: p.lines.reduce((sum, l) => sum + l.quantity, 0),
        at: now,
      });
    } catch (err) {
      if (isDuplicateKey(err)) return;
      throw err;
    }
    const loc = await this.locations.find(p.serviceCenterId);
    if (!loc) this.logger.warn({ serviceCenterId: p.serviceCenterId, requestId: p.requestId }, 'parts request for a center parts does not know: reported short');
    const lines: Line[] = [];
    for (const line of p.lines) {
      const reserved = loc ? await this.stock.moveUpTo(loc._id, line.partNumber, 'RESERVE', line.quantity, refOf(p.requestId, line.lineId), 'workshop', now) : 0;
      lines.push({ lineId: line.lineId, partNumber: line.partNumber, requested: line.quantity, reserved });
    }
    if (loc) await this.demand.record(loc._id, p.lines, now);
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
    const short = lines.reduce((sum, l) => sum + l.requested - l.reserved, 0);
    await this.model.updateOne({ _id: p.requestId, outcome: 'PENDING' }, withOutbox<PartsRequestDoc>({ $set: { lines, outcome, short } }, [answer])).exec();
    this.relay.kick();
  }

  /**
   * Stock arriving at a location (a received shipment or transfer) serves the repair orders waiting
   * there for those parts, oldest request first: each short line reserves what is now available, and a
   * request covered in full is answered PartsReserved.v1 under its own request id, which is what puts
   * the workshop's order back to work.
   */
  async serveWaiting(locationId: string, partNumbers: readonly string[]): Promise<void> {
    const parts = new Set(partNumbers);
    const waiting = await this.model
      .find({ serviceCenterId: locationId, outcome: 'SHORTAGE', 'lines.partNumber': { $in: [...parts] } })
      .sort({ at: 1 })
      .lean<PartsRequestDoc[]>()
      .exec();
    for (const request of waiting) {
      if (request.lines.some((l) => l.reserved < l.requested && parts.has(l.partNumber))) await this.serve(request);
    }
  }

  private async serve(request: PartsRequestDoc): Promise<void> {
    const now = this.clock.now();
    for (const line of request.lines) {
      if (line.reserved >= line.requested) continue;
      const got = await this.stock.moveUpTo(request.serviceCenterId, line.partNumber, 'RESERVE', line.requested - line.reserved, refOf(request._id, line.lineId), 'workshop', now);
      if (got > 0) await this.hold(request, line, got, now);
    }
    const event = createEvent(
      'PartsReserved.v1',
      {
        requestId: request._id,
        repairOrderId: request.repairOrderId,
        serviceCenterId: request.serviceCenterId,
        lines: request.lines.map((l) => ({ lineId: l.lineId, partNumber: l.partNumber, quantity: l.requested })),
        reservedAt: now.toISOString(),
      },
      { source: SOURCE, serviceCenterId: request.serviceCenterId },
    );
    // Covered in full: of two arrivals serving it at once, exactly one answers.
    const answered = await this.model.updateOne({ _id: request._id, outcome: 'SHORTAGE', short: 0 }, withOutbox<PartsRequestDoc>({ $set: { outcome: 'RESERVED' } }, [event])).exec();
    if (answered.modifiedCount) this.relay.kick();
  }

  /**
   * Counts `got` reserved units on the request line, with the line's reserved count as read as the
   * condition: another arrival serving the same line meanwhile makes it read again, and whatever the
   * line no longer needs is released at once.
   */
  private async hold(request: PartsRequestDoc, line: Line, got: number, now: Date): Promise<void> {
    let seen = line.reserved;
    let left = got;
    for (;;) {
      const keep = Math.min(left, line.requested - seen);
      if (keep <= 0) break;
      const res = await this.model
        .updateOne(
          { _id: request._id, outcome: 'SHORTAGE', lines: { $elemMatch: { lineId: line.lineId, reserved: seen } } },
          { $inc: { 'lines.$.reserved': keep, short: -keep } },
        )
        .exec();
      if (res.modifiedCount) {
        left -= keep;
        break;
      }
      const fresh = await this.model.findById(request._id).lean<PartsRequestDoc>().exec();
      const current = fresh?.outcome === 'SHORTAGE' ? fresh.lines.find((l) => l.lineId === line.lineId) : undefined;
      if (!current) break;
      seen = current.reserved;
    }
    if (left > 0) await this.stock.move(request.serviceCenterId, line.partNumber, { type: 'RELEASE', quantity: left }, refOf(request._id, line.lineId), 'workshop', now);
  }
}

function refOf(requestId: string, lineId: string): MovementRef {
  return { kind: 'REPAIR_ORDER', id: requestId, lineId };
}
