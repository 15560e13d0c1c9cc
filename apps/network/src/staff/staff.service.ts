import { Injectable } from '@nestjs/common';
import { createEvent, type AnyEvent } from '@aftersales/contracts';
import { ConflictError, NotFoundError, ValidationFailedError, type FieldIssue } from '@aftersales/platform-core';
import { assertCanAccess, type Principal } from '@aftersales/platform-auth';
import type { StaffEntry } from '../service-centers/service-center.schema';
import { scopedCenters, ServiceCentersRepository } from '../service-centers/service-centers.repository';
import { ServiceCentersService, SOURCE, upsertedEvent, WRITE_ATTEMPTS } from '../service-centers/service-centers.service';
import { keyContactsOf } from './qualification';
import type { StaffInput, UpsertStaffInput } from './staff.model';

export type StaffMember = StaffEntry & { serviceCenterId: string };

@Injectable()
export class StaffService {
  constructor(
    private readonly centers: ServiceCentersService,
    private readonly repository: ServiceCentersRepository,
  ) {}

  async list(principal: Principal, serviceCenterId: string, role?: string): Promise<StaffMember[]> {
    const center = await this.repository.findOne(scopedCenters(principal, { _id: serviceCenterId }));
    if (!center) return [];
    return center.staff.filter((s) => !role || s.role === role).map((s) => ({ ...s, serviceCenterId }));
  }

  async byIds(principal: Principal, ids: readonly string[]): Promise<Map<string, StaffMember>> {
    const centers = await this.repository.find(scopedCenters(principal, { 'staff.id': { $in: [...ids] } }));
    const wanted = new Set(ids);
    const out = new Map<string, StaffMember>();
    for (const c of centers) for (const s of c.staff) if (wanted.has(s.id)) out.set(s.id, { ...s, serviceCenterId: c._id });
    return out;
  }

  async get(principal: Principal, id: string): Promise<StaffMember> {
    const found = (await this.byIds(principal, [id])).get(id);
    if (!found) throw new NotFoundError('Staff', id);
    return found;
  }

  /**
   * Adds or replaces a member; the center's key contacts follow, all in one write with its events.
   * The write holds only if the center did not change since it was read (another member's upsert,
   * a center update): then it is read and computed again.
   */
  async upsert(principal: Principal, input: UpsertStaffInput): Promise<StaffMember> {
    const issues = qualificationIssues([{ input }]);
    if (issues.length) throw new ValidationFailedError(issues);
    for (let attempt = 1; ; attempt++) {
      const center = await this.centers.findForUpdate(input.serviceCenterId);
      if (!center) {
        throw new ValidationFailedError([{ field: 'serviceCenterId', rule: 'exists', message: `service center ${input.serviceCenterId} does not exist` }]);
      }
      assertCanAccess(principal, { serviceCenterId: center._id, regionId: center.regionId });
      const entry = toEntry(input, new Date());
      const staff = [...center.staff.filter((s) => s.id !== entry.id), entry];
      const keyContacts = keyContactsOf(staff.map((s) => ({ ...s, _id: s.id })));
      const { createdAt: _created, rev, point: _point, ...rest } = center;
      const state = { ...rest, staff, keyContacts, updatedAt: entry.updatedAt };
      const events: AnyEvent[] = [staffEvent(center._id, entry)];
      if (JSON.stringify(keyContacts) !== JSON.stringify(center.keyContacts)) events.push(upsertedEvent(state));
      if (await this.centers.saveState(state, events, rev ?? null)) return { ...entry, serviceCenterId: center._id };
      if (attempt >= WRITE_ATTEMPTS) throw new ConflictError(`service center ${center._id} kept changing while its staff was written; try again`, { field: 'serviceCenterId' });
    }
  }
}

export function toEntry(input: StaffInput, now: Date): StaffEntry {
  return {
    id: input.id,
    name: input.name,
    email: input.email,
    role: input.role,
    active: input.active,
    qualifications: input.qualifications.map((q) => ({ role: q.role, certifiedAt: new Date(q.certifiedAt), expiresAt: new Date(q.expiresAt) })),
    updatedAt: now,
  };
}

export function staffEvent(serviceCenterId: string, s: StaffEntry) {
  return createEvent(
    'StaffUpserted.v1',
    {
      id: s.id,
      serviceCenterId,
      name: s.name,
      email: s.email,
      role: s.role as never,
      active: s.active,
      qualifications: s.qualifications.map((q) => ({ role: q.role as never, certifiedAt: q.certifiedAt.toISOString(), expiresAt: q.expiresAt.toISOString() })),
    },
    { source: SOURCE, serviceCenterId },
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
