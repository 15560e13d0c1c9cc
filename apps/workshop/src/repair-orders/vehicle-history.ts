import { Injectable } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import type { Connection } from 'mongoose';
import { canAccess, type Principal } from '@aftersales/platform-auth';
import type { PastVisit } from '@aftersales/domain-workshop';

export interface VisitDoc {
  repairOrderId: string;
  serviceCenterId: string;
  regionId: string;
  openedAt: Date;
  deliveredAt: Date | null;
  faultCode: string;
  operations: string[];
  technicianId: string | null;
  mileageKm: number | null;
  repeatRepair: boolean;
}

interface VehicleDoc {
  _id: string;
  visits: Record<string, VisitDoc>;
}

/**
 * A vehicle's repair history across the network, one document per VIN (`_id`), visits keyed by
 * repair order id so a visit is updated with a plain `$set` (no arrayFilters on the store).
 * Reception reads it to check the history and to recognise a repeat repair.
 */
@Injectable()
export class VehicleHistory {
  constructor(@InjectConnection() private readonly connection: Connection) {}

  private get collection() {
    return this.connection.collection<VehicleDoc>('vehicles');
  }

  async visits(vin: string): Promise<VisitDoc[]> {
    const doc = await this.collection.findOne({ _id: vin });
    return Object.values(doc?.visits ?? {}).sort((a, b) => a.openedAt.getTime() - b.openedAt.getTime());
  }

  /** The caller sees only visits at centers in its scope; repeat detection uses the whole history. */
  async visible(principal: Principal, vin: string): Promise<VisitDoc[]> {
    return (await this.visits(vin)).filter((v) => canAccess(principal, { serviceCenterId: v.serviceCenterId, regionId: v.regionId }));
  }

  async pastVisits(vin: string): Promise<PastVisit[]> {
    return (await this.visits(vin)).flatMap((v) =>
      v.deliveredAt
        ? [{ repairOrderId: v.repairOrderId, serviceCenterId: v.serviceCenterId, deliveredAt: v.deliveredAt, faultCode: v.faultCode, operations: v.operations, technicianId: v.technicianId }]
        : [],
    );
  }

  async record(vin: string, visit: VisitDoc): Promise<void> {
    await this.collection.updateOne({ _id: vin }, { $set: { [`visits.${visit.repairOrderId}`]: visit } }, { upsert: true });
  }
}
