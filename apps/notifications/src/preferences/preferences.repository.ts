import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { DEFAULT_PREFERENCES, PREFERENCE_MODEL, type PreferenceDoc } from './preference.schema';

/** The only door to notification preferences. A person who never chose has the defaults. */
@Injectable()
export class PreferencesRepository {
  constructor(@InjectModel(PREFERENCE_MODEL) private readonly model: Model<PreferenceDoc>) {}

  async of(staffId: string): Promise<PreferenceDoc> {
    return (await this.model.findById(staffId).lean<PreferenceDoc>().exec()) ?? { _id: staffId, ...DEFAULT_PREFERENCES, updatedAt: new Date(0) };
  }

  async ofMany(staffIds: readonly string[]): Promise<Map<string, PreferenceDoc>> {
    const docs = await this.model.find({ _id: { $in: [...staffIds] } }).lean<PreferenceDoc[]>().exec();
    const found = new Map(docs.map((d) => [d._id, d]));
    return new Map(staffIds.map((id) => [id, found.get(id) ?? { _id: id, ...DEFAULT_PREFERENCES, updatedAt: new Date(0) }]));
  }

  async save(doc: PreferenceDoc): Promise<PreferenceDoc> {
    await this.model.replaceOne({ _id: doc._id }, doc, { upsert: true }).exec();
    return doc;
  }
}
