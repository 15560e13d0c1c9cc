import { Injectable } from '@nestjs/common';
import { createEvent } from '@aftersales/contracts';
import { NotFoundError, ValidationFailedError, type FieldIssue } from '@aftersales/platform-core';
import { assertCanAccess, unscoped, type Principal } from '@aftersales/platform-auth';
import { OutboxRelay } from '@aftersales/platform-kafka';
import { ServiceCentersService, SOURCE } from '../service-centers/service-centers.service';
import type { StaffInput, UpsertStaffInput } from './staff.model';
import { keyContactsOf } from './qualification';
import { StaffRepository, scopedStaff } from './staff.repository';
import type { StaffDoc } from './staff.schema';

const SYSTEM_REASON = 'key contacts are derived from all staff of the center';

@Injectable()
export class StaffService {
  constructor(
    private readonly staff: StaffRepository,
    private readonly centers: ServiceCentersService,
    private readonly relay: OutboxRelay,
  ) {}

  list(principal: Principal, serviceCenterId: string, role?: string): Promise<StaffDoc[]> {
    return this.staff.find(scopedStaff(principal, role ? { serviceCenterId, role } : { serviceCenterId }));
  }

  async get(principal: Principal, id: string): Promise<StaffDoc> {
    const doc = await this.staff.findOne(scopedStaff(principal, { _id: id }));
    if (!doc) throw new NotFoundError('Staff', id);
    return doc;
  }

  async upsert(principal: Principal, input: UpsertStaffInput): Promise<StaffDoc> {
    const regionId = await this.centers.regionOf(input.serviceCenterId);
    if (!regionId) {
      throw new ValidationFailedError([{ field: 'serviceCenterId', rule: 'exists', message: `service center ${input.serviceCenterId} does not exist` }]);
    }
    assertCanAccess(principal, { serviceCenterId: input.serviceCenterId, regionId });
    const doc = await this.save(input.serviceCenterId, regionId, input);
    await this.refreshKeyContacts(input.serviceCenterId);
    return doc;
  }

  async save(serviceCenterId: string, regionId: string, input: StaffInput): Promise<StaffDoc> {
    const [doc] = await this.saveMany([{ serviceCenterId, regionId, input }]);
    return doc;
  }

  /** Validates all, then writes all in one bulk call; key contacts are refreshed by the caller. */
  async saveMany(items: { serviceCenterId: string; regionId: string; input: StaffInput; path?: string }[]): Promise<StaffDoc[]> {
    const issues = qualificationIssues(items);
    if (issues.length) throw new ValidationFailedError(issues);
    const now = new Date();
    const states = items.map(({ serviceCenterId, regionId, input }): Omit<StaffDoc, 'outbox' | 'outboxPending'> => ({
      _id: input.id,
      serviceCenterId,
      regionId,
      name: input.name,
      email: input.email,
      role: input.role,
      active: input.active,
      qualifications: input.qualifications.map((q) => ({ role: q.role, certifiedAt: new Date(q.certifiedAt), expiresAt: new Date(q.expiresAt) })),
      updatedAt: now,
    }));
    await this.staff.saveMany(states.map((state) => ({ state, events: [upsertedEvent(state)] })));
    this.relay.kick();
    return states.map((state) => ({ ...state, outbox: [], outboxPending: false }));
  }

  async refreshKeyContacts(serviceCenterId: string): Promise<void> {
    const all = await this.staff.find(unscoped(SYSTEM_REASON, { serviceCenterId }));
    await this.centers.updateKeyContacts(serviceCenterId, keyContactsOf(all));
  }
}


function upsertedEvent(state: Omit<StaffDoc, 'outbox' | 'outboxPending'>) {
  return createEvent(
    'StaffUpserted.v1',
    {
      id: state._id,
      serviceCenterId: state.serviceCenterId,
      name: state.name,
      email: state.email,
      role: state.role as never,
      active: state.active,
      qualifications: state.qualifications.map((q) => ({ role: q.role as never, certifiedAt: q.certifiedAt.toISOString(), expiresAt: q.expiresAt.toISOString() })),
    },
    { source: SOURCE, serviceCenterId: state.serviceCenterId },
  );
}

/** What class-validator cannot check on one field alone: a qualification must end after it starts. */
export function qualificationIssues(items: { input: StaffInput; path?: string }[]): FieldIssue[] {
  return items.flatMap(({ input, path }) =>
    input.qualifications.flatMap((q, i) =>
      new Date(q.expiresAt) <= new Date(q.certifiedAt)
        ? [{ field: `${path ? `${path}.` : ''}qualifications.${i}.expiresAt`, rule: 'afterCertifiedAt', message: 'must be after certifiedAt' }]
        : [],
    ),
  );
}
