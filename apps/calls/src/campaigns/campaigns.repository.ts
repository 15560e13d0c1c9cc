import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model, QueryFilter } from 'mongoose';
import type { Scoped } from '@aftersales/platform-auth';
import { isDuplicateKey } from '@aftersales/platform-core';
import { CAMPAIGN_MODEL, CAMPAIGN_VEHICLE_MODEL, type CampaignDoc, type CampaignVehicleDoc } from './campaign.schema';

/** Campaign fields a list or a single read returns: everything but the (long) target list. */
const HEAD = { targets: 0 } as const;

/** The only door to campaigns and to the call center's read model of delivered vehicles. */
@Injectable()
export class CampaignsRepository {
  constructor(
    @InjectModel(CAMPAIGN_MODEL) private readonly campaigns: Model<CampaignDoc>,
    @InjectModel(CAMPAIGN_VEHICLE_MODEL) private readonly vehicles: Model<CampaignVehicleDoc>,
  ) {}

  async insert(doc: CampaignDoc): Promise<void> {
    await this.campaigns.create(doc);
  }

  find(filter: Scoped<QueryFilter<CampaignDoc>>): Promise<Omit<CampaignDoc, 'targets'> | null> {
    return this.campaigns.findOne(filter, HEAD).lean<Omit<CampaignDoc, 'targets'>>().exec();
  }

  list(filter: Scoped<QueryFilter<CampaignDoc>>, first: number): Promise<Omit<CampaignDoc, 'targets'>[]> {
    return this.campaigns.find(filter, HEAD).sort({ createdAt: -1, _id: -1 }).limit(first).lean<Omit<CampaignDoc, 'targets'>[]>().exec();
  }

  /** Campaigns whose tasks were not all created (a crash between the campaign and its tasks). */
  unfinished(): Promise<CampaignDoc[]> {
    return this.campaigns.find({ tasksCreated: false }).lean<CampaignDoc[]>().exec();
  }

  async markTasksCreated(id: string): Promise<void> {
    await this.campaigns.updateOne({ _id: id }, { $set: { tasksCreated: true } }).exec();
  }

  /** Care campaigns that had started by `at` (their end and scope are checked by the caller). */
  careStartedBy(at: Date): Promise<Omit<CampaignDoc, 'targets'>[]> {
    return this.campaigns.find({ kind: 'CARE', startsAt: { $lte: at } }, HEAD).lean<Omit<CampaignDoc, 'targets'>[]>().exec();
  }

  /** A care call landed at this center: the campaign now concerns it (and its region). */
  async concerns(id: string, serviceCenterId: string, regionId: string | null): Promise<void> {
    const add = regionId ? { centerIds: serviceCenterId, regionIds: regionId } : { centerIds: serviceCenterId };
    await this.campaigns.updateOne({ _id: id }, { $addToSet: add }).exec();
  }

  /** Known vehicles by normalized VIN. */
  async vehiclesByVin(vins: readonly string[]): Promise<Map<string, CampaignVehicleDoc>> {
    if (!vins.length) return new Map();
    const docs = await this.vehicles.find({ _id: { $in: [...vins] } }).lean<CampaignVehicleDoc[]>().exec();
    return new Map(docs.map((d) => [d._id, d]));
  }

  /**
   * Keeps a vehicle's latest delivery: the condition and the write are one upsert, so an older or
   * redelivered event finds the newer document, and its upsert collides on `_id` (changes nothing).
   */
  async recordDelivery(doc: CampaignVehicleDoc): Promise<void> {
    const { _id, ...fields } = doc;
    try {
      await this.vehicles.updateOne({ _id, deliveredAt: { $lt: doc.deliveredAt } }, { $set: fields }, { upsert: true }).exec();
    } catch (e) {
      if (!isDuplicateKey(e)) throw e;
    }
  }
}
