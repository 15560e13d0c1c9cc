import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { scoped, unscoped, type Principal, type Scoped } from '@aftersales/platform-auth';
import type { PastVisit } from '@aftersales/domain-workshop';
import { REPAIR_ORDER_MODEL, vehicleVisitsFilter, type RepairOrderDoc } from './repair-order.schema';
import { DMS_VISIT_MODEL, dmsVisitsOfVehicleFilter, type DmsVisitDoc } from '../dms-imports/dms-visit.schema';

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
  /** PLATFORM for the network's own repair orders, DMS for past visits imported from a dealer's DMS. */
  source: 'PLATFORM' | 'DMS';
  dmsRoNumber: string | null;
}

type VisitFields = Pick<RepairOrderDoc, '_id' | 'serviceCenterId' | 'regionId' | 'openedAt' | 'deliveredAt' | 'faultCode' | 'items' | 'technicianId' | 'walkAround' | 'repeatOf'>;
const VISIT_FIELDS = { serviceCenterId: 1, regionId: 1, openedAt: 1, deliveredAt: 1, faultCode: 1, items: 1, technicianId: 1, walkAround: 1, repeatOf: 1 } as const;

/**
 * A vehicle's repair history across the network: its repair orders, found by VIN through an index.
 * Reception reads it to check the history and to recognise a repeat repair.
 */
@Injectable()
export class VehicleHistory {
  constructor(
    @InjectModel(REPAIR_ORDER_MODEL) private readonly model: Model<RepairOrderDoc>,
    @InjectModel(DMS_VISIT_MODEL) private readonly imported: Model<DmsVisitDoc>,
  ) {}

  /** The platform's repair orders and the visits imported from DMSs, in one list by opening time. */
  private async visits(filter: Scoped<object>, importedFilter: Scoped<object>): Promise<VisitDoc[]> {
    const [orders, past] = await Promise.all([
      this.model.find(filter, VISIT_FIELDS).sort({ openedAt: 1 }).lean<VisitFields[]>().exec(),
      this.imported.find(importedFilter).sort({ openedAt: 1 }).lean<DmsVisitDoc[]>().exec(),
    ]);
    const fromDms: VisitDoc[] = past.map((d) => ({
      repairOrderId: d._id,
      serviceCenterId: d.serviceCenterId,
      regionId: d.regionId,
      openedAt: d.openedAt,
      deliveredAt: d.deliveredAt,
      faultCode: d.faultCode,
      operations: d.laborOperations,
      technicianId: d.technicianId,
      mileageKm: d.mileageKm,
      repeatRepair: false,
      source: 'DMS',
      dmsRoNumber: d.roNumber,
    }));
    const own: VisitDoc[] = orders.map((o) => ({
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
      source: 'PLATFORM',
      dmsRoNumber: null,
    }));
    return [...fromDms, ...own].sort((a, b) => a.openedAt.getTime() - b.openedAt.getTime());
  }

  /** The caller sees only visits at centers in its scope. */
  visible(principal: Principal, vin: string): Promise<VisitDoc[]> {
    return this.visits(scoped(principal, vehicleVisitsFilter(vin)), scoped(principal, dmsVisitsOfVehicleFilter(vin)));
  }

  /** Finished visits, wherever they were: repeat detection uses the whole network's history. */
  async pastVisits(vin: string): Promise<PastVisit[]> {
    const reason = 'a repeat repair counts wherever the first visit was, on the platform or in a DMS';
    const visits = await this.visits(unscoped(reason, vehicleVisitsFilter(vin)), unscoped(reason, dmsVisitsOfVehicleFilter(vin)));
    return visits.flatMap((v) =>
      v.deliveredAt
        ? [{ repairOrderId: v.repairOrderId, serviceCenterId: v.serviceCenterId, deliveredAt: v.deliveredAt, faultCode: v.faultCode, operations: v.operations, technicianId: v.technicianId }]
        : [],
    );
  }
}
