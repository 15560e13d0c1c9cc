import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { scoped, unscoped, type Principal, type Scoped } from '@aftersales/platform-auth';
import type { PastVisit } from '@aftersales/domain-workshop';
import { REPAIR_ORDER_MODEL, vehicleVisitsFilter, type RepairOrderDoc } from './repair-order.schema';

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

type VisitFields = Pick<RepairOrderDoc, '_id' | 'serviceCenterId' | 'regionId' | 'openedAt' | 'deliveredAt' | 'faultCode' | 'items' | 'technicianId' | 'walkAround' | 'repeatOf'>;
const VISIT_FIELDS = { serviceCenterId: 1, regionId: 1, openedAt: 1, deliveredAt: 1, faultCode: 1, items: 1, technicianId: 1, walkAround: 1, repeatOf: 1 } as const;

/**
 * A vehicle's repair history across the network: its repair orders, found by VIN through an index.
 * Reception reads it to check the history and to recognise a repeat repair.
 */
@Injectable()
export class VehicleHistory {
  constructor(@InjectModel(REPAIR_ORDER_MODEL) private readonly model: Model<RepairOrderDoc>) {}

  private async visits(filter: Scoped<object>): Promise<VisitDoc[]> {
    const orders = await this.model.find(filter, VISIT_FIELDS).sort({ openedAt: 1 }).lean<VisitFields[]>().exec();
    return orders.map((o) => ({
      repairOrderId: o._id,
      serviceCenterId: o.serviceCenterId,
      regionId: o.regionId,
      openedAt: o.openedAt,
      deliveredAt: o.deliveredAt,
      faultCode: o.faultCode,
      operations: o.items.filter((i) => i.kind === 'LABOR').map((i) => i.code),
      technicianId: o.technicianId,
      mileageKm: o.walkAround.mileageKm,
      repeatRepair: o.repeatOf !== null,
    }));
  }

  /** The caller sees only visits at centers in its scope. */
  visible(principal: Principal, vin: string): Promise<VisitDoc[]> {
    return this.visits(scoped(principal, vehicleVisitsFilter(vin)));
  }

  /** Finished visits, wherever they were: repeat detection uses the whole network's history. */
  async pastVisits(vin: string): Promise<PastVisit[]> {
    const visits = await this.visits(unscoped('a repeat repair counts wherever the first visit was', vehicleVisitsFilter(vin)));
    return visits.flatMap((v) =>
      v.deliveredAt
        ? [{ repairOrderId: v.repairOrderId, serviceCenterId: v.serviceCenterId, deliveredAt: v.deliveredAt, faultCode: v.faultCode, operations: v.operations, technicianId: v.technicianId }]
        : [],
    );
  }
}
