import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model, UpdateQuery } from 'mongoose';
import type { AnyEvent } from '@aftersales/contracts';
import { outboxFields, withOutbox } from '@aftersales/platform-kafka';
import { isDuplicateKey } from '@aftersales/platform-core';
import { INVITATION_MODEL, type InvitationDoc } from './invitation.schema';

/**
 * The only door to invitations. Every access is by `_id`: callers check scope on the loaded
 * document (its center and region) because the store cannot filter cheaply on anything else.
 */
@Injectable()
export class InvitationsRepository {
  constructor(@InjectModel(INVITATION_MODEL) private readonly model: Model<InvitationDoc>) {}

  get outboxModel(): Model<InvitationDoc> {
    return this.model;
  }

  get collectionName(): string {
    return this.model.collection.collectionName;
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

  async update(id: string, set: Partial<InvitationDoc>, events: AnyEvent[] = []): Promise<void> {
    await this.model.updateOne({ _id: id }, withOutbox<InvitationDoc>({ $set: set } as UpdateQuery<InvitationDoc>, events)).exec();
  }
}
