import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import type { AnyEvent } from '@aftersales/contracts';
import { outboxFields } from '@aftersales/platform-kafka';
import { isDuplicateKey } from '@aftersales/platform-core';
import { RESPONSE_MODEL, type ResponseDoc } from './response.schema';

@Injectable()
export class ResponsesRepository {
  constructor(@InjectModel(RESPONSE_MODEL) private readonly model: Model<ResponseDoc>) {}

  get outboxModel(): Model<ResponseDoc> {
    return this.model;
  }

  get collectionName(): string {
    return this.model.collection.collectionName;
  }

  /** The single-use claim: false when a response for this invitation already exists. */
  async claim(doc: ResponseDoc, events: AnyEvent[]): Promise<boolean> {
    try {
      await this.model.collection.insertOne({ ...doc, ...outboxFields(events) } as never);
      return true;
    } catch (err) {
      if (isDuplicateKey(err)) return false;
      throw err;
    }
  }
}
