import { Schema, type Model } from 'mongoose';
import type { EventKey, EventOf } from '@aftersales/contracts';
import { canAccess, scopeKindOf, type Principal } from '@aftersales/platform-auth';
import { isDuplicateKey, NotFoundError } from '@aftersales/platform-core';
import type { NetworkCenters } from './network-centers';

/**
 * What a service knows of another service's object it lets users name (a job order on a repair order,
 * ...): the centers the object belongs to now, as its owner last announced them.
 */
export interface ReferenceDoc {
  _id: string;
  /** The centers the object belongs to now (a job order: the centers holding it, after any redistribution). */
  centers: string[];
  /** The owner's time of that announcement: an older or redelivered event never overwrites a newer one. */
  at: string;
}

/** One announcement of an owner's event: the object and the centers it belongs to from `at` on. */
export interface ReferenceUpdate {
  id: string;
  centers: readonly string[];
  at: string;
}

/** Which of the owner's events feed the read model, and how each one reads as an update (null: it does not). */
export type ReferenceFeed = { [K in EventKey]?: (event: EventOf<K>) => ReferenceUpdate | null };

export interface ReferenceKind {
  /** The owner's name of the object, used in NOT_FOUND ('JobOrder'). */
  entity: string;
  /** This service's collection of it ('ref_job_orders'). */
  collection: string;
  feed: ReferenceFeed;
}

/** A reference as a mutation names it: which input field, which id, and the center of the object being written. */
export interface ReferenceCheck {
  field: string;
  id: string;
  /** The center of the object being written: the referenced object must belong to it. */
  serviceCenterId: string;
}

export interface ReferenceOptions {
  /**
   * How long a check waits for the read model before answering NOT_FOUND: the owner's event may still
   * be on its way (a job order created and linked at once, or just redistributed). 0: no wait.
   */
  waitMs: number;
  /** Re-read interval while waiting. */
  pollMs?: number;
}

export function referenceSchema(collection: string): Schema<ReferenceDoc> {
  // Every lookup is by _id (the object the user names): the primary index is the one it needs.
  return new Schema<ReferenceDoc>(
    { _id: { type: String, required: true }, centers: { type: [String], required: true }, at: { type: String, required: true } },
    { collection, versionKey: false },
  );
}

/**
 * A service's read model of another service's objects (id → the centers they belong to), kept from the
 * owner's events, and the one check every mutation that names such an object makes: the object exists,
 * the caller may see it, and it belongs to the center of what is written. Anything else is NOT_FOUND
 * naming the field, so a foreign id cannot be told from one that does not exist.
 */
export class References {
  constructor(
    readonly kind: Pick<ReferenceKind, 'entity'>,
    private readonly model: Model<ReferenceDoc>,
    private readonly centers: Pick<NetworkCenters, 'regionsOf'>,
    private readonly options: ReferenceOptions,
  ) {}

  async find(id: string): Promise<ReferenceDoc | null> {
    return this.model.findById(id).lean<ReferenceDoc>().exec();
  }

  /**
   * Applies an announcement unless a newer one is stored: an owner may key an object's events by its
   * center, so after a move its events come on another partition, in any order. An equal time applies
   * (a redelivery writes what is already there). A refused condition on an existing object surfaces as
   * a duplicate key.
   */
  async apply(update: ReferenceUpdate): Promise<boolean> {
    try {
      await this.model
        .updateOne({ _id: update.id, at: { $lte: update.at } }, { $set: { centers: [...new Set(update.centers)], at: update.at } }, { upsert: true })
        .exec();
      return true;
    } catch (err) {
      if (isDuplicateKey(err)) return false;
      throw err;
    }
  }

  /**
   * The check of one named reference; NOT_FOUND (with the field) unless the object is known, belongs to
   * `serviceCenterId` and the caller may see that center. A refusal first waits up to `waitMs` for the
   * read model, which may not have the owner's latest event yet.
   */
  async require(principal: Principal, check: ReferenceCheck): Promise<ReferenceDoc> {
    const notFound = () => new NotFoundError(this.kind.entity, check.id, check.field);
    // The caller's scope does not change while we wait: outside it, the answer is final now.
    if (!(await this.visibleTo(principal, check.serviceCenterId))) throw notFound();
    const deadline = Date.now() + this.options.waitMs;
    for (;;) {
      const doc = await this.find(check.id);
      if (doc?.centers.includes(check.serviceCenterId)) return doc;
      if (Date.now() >= deadline) throw notFound();
      await new Promise((resolve) => setTimeout(resolve, Math.min(this.options.pollMs ?? 100, deadline - Date.now())));
    }
  }

  private async visibleTo(principal: Principal, serviceCenterId: string): Promise<boolean> {
    if (scopeKindOf(principal) !== 'regions') return canAccess(principal, { serviceCenterId });
    const regionId = (await this.centers.regionsOf([serviceCenterId])).get(serviceCenterId);
    return canAccess(principal, { serviceCenterId, regionId: regionId ?? null });
  }
}
