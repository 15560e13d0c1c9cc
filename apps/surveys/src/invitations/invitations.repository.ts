import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model, QueryFilter, UpdateQuery } from 'mongoose';
import type { AnyEvent } from '@aftersales/contracts';
import { outboxFields, withOutbox } from '@aftersales/platform-kafka';
import { isDuplicateKey } from '@aftersales/platform-core';
import { HAS_VERBATIM, INVITATION_MODEL, type InvitationDoc } from './invitation.schema';

export interface VerbatimRow {
  _id: string;
  answeredAt: Date;
  language: string;
  response: { verbatimMasked: string; scored: { nps: number | null; csi: number | null } };
}

/** The only door to invitations (and the responses they hold). */
@Injectable()
export class InvitationsRepository {
  constructor(@InjectModel(INVITATION_MODEL) private readonly model: Model<InvitationDoc>) {}

  get outboxModel(): Model<InvitationDoc> {
    return this.model;
  }

  findById(id: string): Promise<InvitationDoc | null> {
    return this.model.findById(id).lean<InvitationDoc>().exec();
  }

  /** False when the invitation already exists (the trigger event was redelivered). */
  async insert(doc: InvitationDoc, events: AnyEvent[] = []): Promise<boolean> {
    try {
      await this.model.create({ ...doc, ...outboxFields(events) } as InvitationDoc);
      return true;
    } catch (err) {
      if (isDuplicateKey(err)) return false;
      throw err;
    }
  }

  /**
   * Writes a change (and its events) only if the invitation still matches `expected` (its state, and
   * whatever else the change was decided on); false when another change came first.
   */
  async transition(id: string, expected: QueryFilter<InvitationDoc>, set: Partial<InvitationDoc>, events: AnyEvent[] = []): Promise<boolean> {
    const res = await this.model.updateOne({ ...expected, _id: id }, withOutbox<InvitationDoc>({ $set: set } as UpdateQuery<InvitationDoc>, events)).exec();
    return res.matchedCount === 1;
  }

  /** Invitations whose next scheduled action is due at `now`, oldest first, after `after` (a pass pages through them). */
  due(now: Date, limit: number, after?: { at: Date; id: string }): Promise<{ _id: string; nextActionAt: Date }[]> {
    return this.dueQuery(now, limit, after).exec();
  }

  dueQuery(now: Date, limit: number, after?: { at: Date; id: string }) {
    const filter: QueryFilter<InvitationDoc> = after
      ? { nextActionAt: { $gte: after.at, $lte: now }, $nor: [{ nextActionAt: after.at, _id: { $lte: after.id } }] }
      : { nextActionAt: { $lte: now } };
    return this.model.find(filter, { _id: 1, nextActionAt: 1 }).sort({ nextActionAt: 1, _id: 1 }).limit(limit).lean<{ _id: string; nextActionAt: Date }[]>();
  }

  /** A center's latest masked comments of a month, newest first. */
  verbatims(serviceCenterId: string, period: string, limit: number): Promise<VerbatimRow[]> {
    return this.verbatimsQuery(serviceCenterId, period, limit).exec();
  }

  verbatimsQuery(serviceCenterId: string, period: string, limit: number) {
    return this.model
      .find(
        { serviceCenterId, 'response.period': period, ...HAS_VERBATIM },
        { answeredAt: 1, language: 1, 'response.verbatimMasked': 1, 'response.scored.nps': 1, 'response.scored.csi': 1 },
      )
      .sort({ answeredAt: -1 })
      .limit(limit)
      .lean<VerbatimRow[]>();
  }
}
