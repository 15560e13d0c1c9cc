import { Injectable } from '@nestjs/common';
import { createEvent, type AnyEvent, type EventOf } from '@aftersales/contracts';
import { validateCalendar } from '@aftersales/calendar';
import { ConflictError, NotFoundError, ValidationFailedError, type FieldIssue } from '@aftersales/platform-core';
import { unscoped, type Principal } from '@aftersales/platform-auth';
import { OutboxRelay } from '@aftersales/platform-kafka';
import { RegionsRepository } from '../regions/regions.repository';
import type { NearestInput, ServiceCenterFilter, ServiceCenterInput } from './dto/service-center.input';
import type { CenterState, KeyContact, StaffEntry } from './service-center.schema';
import { CodeTakenError, scopedCenters, ServiceCentersRepository, type CenterDoc, type CenterFilter, type CenterWrite } from './service-centers.repository';

export const SOURCE = 'network';

export interface CenterPage {
  docs: CenterDoc[];
  hasNextPage: boolean;
  filter: ReturnType<typeof scopedCenters>;
}

@Injectable()
export class ServiceCentersService {
  constructor(
    private readonly centers: ServiceCentersRepository,
    private readonly regions: RegionsRepository,
    private readonly relay: OutboxRelay,
  ) {}

  async page(principal: Principal, filter: ServiceCenterFilter = {}, first: number, after?: string): Promise<CenterPage> {
    const scopedFilter = scopedCenters(principal, toQuery(filter));
    const docs = await this.centers.page(scopedFilter, first + 1, after ? decodeCursor(after) : undefined);
    return { docs: docs.slice(0, first), hasNextPage: docs.length > first, filter: scopedFilter };
  }

  count(filter: CenterPage['filter']): Promise<number> {
    return this.centers.count(filter);
  }

  /** Invisible and missing look the same to the caller: another dealer's center does not exist for you. */
  async get(principal: Principal, id: string): Promise<CenterDoc> {
    const doc = await this.centers.findOne(scopedCenters(principal, { _id: id }));
    if (!doc) throw new NotFoundError('ServiceCenter', id);
    return doc;
  }

  async byIds(principal: Principal, ids: readonly string[]): Promise<Map<string, CenterDoc>> {
    const docs = await this.centers.findMany(scopedCenters(principal), ids);
    return new Map(docs.map((d) => [d._id, d]));
  }

  /** Active centers nearest to a point, within the caller's scope; ties (same metres) break on id. */
  async nearest(principal: Principal, input: NearestInput): Promise<{ distanceKm: number; doc: CenterDoc }[]> {
    const query: CenterFilter = { status: 'ACTIVE' };
    if (input.kind) query.kind = input.kind;
    if (input.rescue24h !== undefined) query.rescue24h = input.rescue24h;
    const near = await this.centers.nearest(scopedCenters(principal, query), input.near, input.first);
    return near.map(({ doc, meters }) => ({ distanceKm: Math.round(meters / 100) / 10, doc }));
  }

  /** Creates or replaces a center; checks what class-validator cannot see (calendar rules, references). */
  async upsert(input: ServiceCenterInput): Promise<CenterDoc> {
    const [doc] = await this.upsertMany([{ input }]);
    return doc;
  }

  /**
   * Validates every center first (calendar rules, region, parent and code references, also against
   * the others in the batch) and writes nothing unless all pass; then writes them in one bulk call.
   * A center given without staff keeps its stored staff and key contacts: it is written only if no
   * one changed the center since it was read, else read and written again.
   */
  async upsertMany(
    items: { input: ServiceCenterInput; keyContacts?: KeyContact[]; staff?: StaffEntry[]; extraEvents?: AnyEvent[]; path?: string }[],
  ): Promise<CenterDoc[]> {
    const issues = await this.referenceIssues(items);
    if (issues.length) throw new ValidationFailedError(issues);
    const now = new Date();
    const written = new Map<string, CenterDoc>();
    let pending = items;
    for (let attempt = 1; pending.length; attempt++) {
      const existing = await this.centers.findStored(pending.map((i) => i.input.id));
      const byId = new Map(existing.map((d) => [d._id, d]));
      const writes = pending.map(({ input, keyContacts, staff, extraEvents }) => {
        const prev = byId.get(input.id);
        const state: CenterState = { ...this.stateOf(input, now), keyContacts: keyContacts ?? prev?.keyContacts ?? [], staff: staff ?? prev?.staff ?? [] };
        return {
          state,
          events: [upsertedEvent(state), ...(extraEvents ?? [])],
          expectedRev: staff ? undefined : (prev?.rev ?? null),
          createdAt: prev?.createdAt ?? now,
        };
      });
      const { stale } = await this.save(writes);
      for (const w of writes) if (!stale.includes(w.state._id)) written.set(w.state._id, { ...w.state, createdAt: w.createdAt } as CenterDoc);
      if (stale.length && attempt >= WRITE_ATTEMPTS) {
        throw new ConflictError(`service center ${stale[0]} kept changing while it was written; try again`, { field: 'id' });
      }
      pending = pending.filter((i) => stale.includes(i.input.id));
    }
    this.relay.kick();
    return items.map((i) => written.get(i.input.id)!);
  }

  private async save(writes: CenterWrite[]) {
    try {
      return await this.centers.saveMany(writes);
    } catch (e) {
      if (e instanceof CodeTakenError) throw new ConflictError(`code ${e.code} already belongs to another service center`, { field: 'code' });
      throw e;
    }
  }

  private stateOf(input: ServiceCenterInput, now: Date): Omit<CenterState, 'keyContacts' | 'staff'> {
    return {
      _id: input.id,
      code: input.code,
      name: input.name,
      kind: input.kind,
      country: input.country,
      regionId: input.regionId,
      parentId: input.parentId ?? null,
      timeZone: input.timeZone,
      location: { lat: input.location.lat, lng: input.location.lng },
      address: { line1: input.address.line1, city: input.address.city, ...(input.address.postalCode ? { postalCode: input.address.postalCode } : {}) },
      phones: input.phones,
      star: input.star ? { auditDate: input.star.auditDate } : null,
      calendar: plainCalendar(input.calendar),
      status: input.status,
      rescue24h: input.rescue24h,
      updatedAt: now,
    };
  }

  /**
   * For staff changes: the new center state is written with the given events in one update, if the
   * center is still at the revision the change was computed from. False when it moved on.
   */
  async saveState(state: CenterState, events: AnyEvent[], expectedRev: number | null): Promise<boolean> {
    const { stale } = await this.save([{ state, events, expectedRev }]);
    if (stale.length) return false;
    this.relay.kick();
    return true;
  }

  async findForUpdate(centerId: string): Promise<CenterDoc | null> {
    return (await this.centers.findStored([centerId]))[0] ?? null;
  }

  private async referenceIssues(items: { input: ServiceCenterInput; path?: string }[]): Promise<FieldIssue[]> {
    const inputs = items.map((i) => i.input);
    const batchIds = new Set(inputs.map((i) => i.id));
    const regionIds = [...new Set(inputs.map((i) => i.regionId))];
    const knownRegions = await this.regions.existing(regionIds);
    const parentIds = [...new Set(inputs.flatMap((i) => (i.parentId && !batchIds.has(i.parentId) ? [i.parentId] : [])))];
    const knownParents = new Set((await this.centers.findMany(unscoped(REFERENCE_CHECK, {}), parentIds)).map((d) => d._id));
    const codeOwners = await this.centers.codeOwners(inputs.map((i) => i.code));
    const issues: FieldIssue[] = [];
    for (const { input, path } of items) {
      const at = (field: string) => (path ? `${path}.${field}` : field);
      for (const i of validateCalendar({ ...plainCalendar(input.calendar), timeZone: input.timeZone, country: input.country })) {
        issues.push({ field: at(i.field === 'timeZone' || i.field === 'country' ? i.field : `calendar.${i.field}`), rule: i.rule, message: i.message });
      }
      if (!knownRegions.has(input.regionId)) {
        issues.push({ field: at('regionId'), rule: 'exists', message: `region ${input.regionId} does not exist` });
      }
      if (input.parentId === input.id) {
        issues.push({ field: at('parentId'), rule: 'notSelf', message: 'a center cannot be its own parent' });
      } else if (input.parentId && !batchIds.has(input.parentId) && !knownParents.has(input.parentId)) {
        issues.push({ field: at('parentId'), rule: 'exists', message: `service center ${input.parentId} does not exist` });
      }
      const owner = codeOwners.get(input.code);
      if (owner && owner !== input.id) {
        throw new ConflictError(`code ${input.code} already belongs to service center ${owner}`, { field: at('code') });
      }
    }
    return issues;
  }
}

/** Reference checks and derived updates read centers for the network itself, not for a caller. */
const REFERENCE_CHECK = 'network-internal reference check';
/** Rounds of read-and-write a change computed from the stored center gets before it gives up with CONFLICT. */
export const WRITE_ATTEMPTS = 5;

function plainCalendar(c: ServiceCenterInput['calendar']): CenterDoc['calendar'] {
  return {
    weekly: c.weekly.map((d) => ({ weekday: d.weekday, slots: d.slots.map((s) => ({ start: s.start, end: s.end })) })),
    closures: [...c.closures],
    extraWorkingDays: c.extraWorkingDays.map((d) => ({ date: d.date, slots: d.slots.map((s) => ({ start: s.start, end: s.end })) })),
    observePublicHolidays: c.observePublicHolidays,
    ...(c.subdivision ? { subdivision: c.subdivision } : {}),
  };
}

export function upsertedEvent(s: CenterState): EventOf<'ServiceCenterUpserted.v1'> {
  return createEvent(
    'ServiceCenterUpserted.v1',
    {
      id: s._id,
      code: s.code,
      name: s.name,
      kind: s.kind as EventOf<'ServiceCenterUpserted.v1'>['payload']['kind'],
      country: s.country,
      regionId: s.regionId,
      parentId: s.parentId,
      timeZone: s.timeZone,
      location: s.location,
      address: s.address,
      phones: s.phones,
      status: s.status as EventOf<'ServiceCenterUpserted.v1'>['payload']['status'],
      rescue24h: s.rescue24h,
      star: s.star,
      calendar: s.calendar,
      keyContacts: s.keyContacts,
      updatedAt: s.updatedAt.toISOString(),
    },
    { source: SOURCE, serviceCenterId: s._id },
  );
}

function toQuery(f: ServiceCenterFilter): CenterFilter {
  const q: CenterFilter = {};
  if (f.country) q.country = f.country;
  if (f.regionId) q.regionId = f.regionId;
  if (f.kind) q.kind = f.kind;
  if (f.status) q.status = f.status;
  if (f.rescue24h !== undefined) q.rescue24h = f.rescue24h;
  if (f.star !== undefined) q.star = f.star ? { $ne: null } : null;
  return q;
}

export function encodeCursor(code: string): string {
  return Buffer.from(code, 'utf8').toString('base64url');
}

function decodeCursor(cursor: string): string {
  const code = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!/^[A-Z0-9-]{2,32}$/.test(code)) {
    throw new ValidationFailedError([{ field: 'after', rule: 'cursor', message: 'is not a cursor returned by this query' }]);
  }
  return code;
}
