import { Controller } from '@nestjs/common';
import type { CustomerRefV1, EventOf, VehicleRefV1 } from '@aftersales/contracts';
import { OnEvent } from '@aftersales/platform-kafka';
import type { CustomerInfo } from './invitation.schema';
import { InvitationsService } from './invitations.service';

const customerOf = (c: CustomerRefV1): CustomerInfo => ({
  name: c.name,
  country: c.country,
  ...(c.phone ? { phone: c.phone } : {}),
  ...(c.email ? { email: c.email } : {}),
  ...(c.language ? { language: c.language } : {}),
});

const vehicleOf = (v: VehicleRefV1 | undefined) =>
  v ? { vin: v.vin, ...(v.model ? { model: v.model } : {}), ...(v.mileageKm !== undefined ? { mileageKm: v.mileageKm } : {}) } : undefined;

/**
 * Turns service events into survey invitations (the network's centers are kept by
 * @aftersales/platform-centers on the same consumer). Job orders and
 * complaints closed without a service center (HQ-level) have no dealer calendar or KPIs to land in,
 * so they are not surveyed here.
 */
@Controller()
export class TriggersConsumer {
  constructor(private readonly invitations: InvitationsService) {}

  @OnEvent('VehicleDelivered.v1')
  async delivered({ payload: p, correlationId }: EventOf<'VehicleDelivered.v1'>): Promise<void> {
    await this.invitations.scheduleFromTrigger({
      key: p.repairOrderId,
      kind: 'VEHICLE_DELIVERED',
      source: { kind: 'REPAIR_ORDER', id: p.repairOrderId },
      serviceCenterId: p.serviceCenterId,
      occurredAt: new Date(p.deliveredAt),
      customer: customerOf(p.customer),
      vehicle: vehicleOf(p.vehicle),
      links: { repairOrderId: p.repairOrderId, jobOrderId: p.jobOrderId },
      correlationId,
    });
  }

  @OnEvent('JobOrderClosed.v1')
  async jobOrderClosed({ payload: p, correlationId }: EventOf<'JobOrderClosed.v1'>): Promise<void> {
    if (!p.serviceCenterId) return;
    await this.invitations.scheduleFromTrigger({
      // A reopened and closed again job order is surveyed again.
      key: `${p.jobOrderId}:${p.reopenCount}`,
      kind: 'JOB_ORDER_CLOSED',
      source: { kind: 'JOB_ORDER', id: p.jobOrderId },
      serviceCenterId: p.serviceCenterId,
      occurredAt: new Date(p.closedAt),
      customer: customerOf(p.customer),
      vehicle: vehicleOf(p.vehicle),
      links: { jobOrderId: p.jobOrderId, complaintId: p.source.kind === 'COMPLAINT' ? p.source.id : undefined },
      correlationId,
    });
  }

  @OnEvent('ComplaintClosed.v1')
  async complaintClosed({ payload: p, correlationId }: EventOf<'ComplaintClosed.v1'>): Promise<void> {
    if (!p.serviceCenterId) return;
    await this.invitations.scheduleFromTrigger({
      key: p.complaintId,
      kind: 'COMPLAINT_CLOSED',
      source: { kind: 'COMPLAINT', id: p.complaintId },
      serviceCenterId: p.serviceCenterId,
      occurredAt: new Date(p.closedAt),
      customer: customerOf(p.customer),
      vehicle: vehicleOf(p.vehicle),
      links: { complaintId: p.complaintId, jobOrderId: p.jobOrderId },
      correlationId,
    });
  }
}
