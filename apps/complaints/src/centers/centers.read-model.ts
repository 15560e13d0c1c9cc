import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import type { Connection } from 'mongoose';
import type { EventOf } from '@aftersales/contracts';
import type { WorkingCalendar } from '@aftersales/calendar';
import type { KeyPerson, KeyRole } from '@aftersales/domain-complaints';
import { KEY_ROLES } from '@aftersales/domain-complaints';
import { upsertRetrying, ValidationFailedError } from '@aftersales/platform-core';
import { EventConsumer } from '@aftersales/platform-kafka';
import { ComplaintsConfig } from '../config';

export interface CenterView {
  _id: string;
  code: string;
  name: string;
  regionId: string;
  country: string;
  timeZone: string;
  calendar: Omit<WorkingCalendar, 'timeZone' | 'country'>;
  keyContacts: KeyPerson[];
  /** Staff in key roles, from StaffUpserted (keeps deactivations the center snapshot may not show yet). */
  keyStaff: Record<string, KeyPerson & { active: boolean }>;
  updatedAt: string;
}

const VERSION_ID = 'centers';

/**
 * The complaints service's picture of the network, from ServiceCenterUpserted.v1 and StaffUpserted.v1:
 * time zone and working calendar (deadlines), region (scope, KPIs) and the key people complaints are
 * routed to. About a thousand small documents: served from memory, persisted for restarts, and a
 * version counter (one `_id` read every few seconds) tells other instances to reload.
 */
@Injectable()
export class CentersReadModel implements OnModuleInit {
  private centers = new Map<string, CenterView>();
  private loading: Promise<void> | null = null;
  private loaded = false;
  private knownVersion = -1;
  private checkedAt = 0;

  constructor(
    @InjectConnection() private readonly connection: Connection,
    private readonly consumer: EventConsumer,
    private readonly config: ComplaintsConfig,
  ) {}

  onModuleInit() {
    this.consumer.on('ServiceCenterUpserted.v1', (e) => this.onCenter(e));
    this.consumer.on('StaffUpserted.v1', (e) => this.onStaff(e));
  }

  private get collection() {
    return this.connection.collection<CenterView>('centers');
  }

  private get versions() {
    return this.connection.collection<{ _id: string; version: number }>('read_model_versions');
  }

  private async ready(): Promise<void> {
    if (!this.loaded) return this.reload();
    if (Date.now() - this.checkedAt > this.config.COMPLAINTS_CACHE_CHECK_MS) {
      this.checkedAt = Date.now();
      const version = (await this.versions.findOne({ _id: VERSION_ID }))?.version ?? 0;
      if (version !== this.knownVersion) await this.reload();
    }
  }

  private reload(): Promise<void> {
    this.loading ??= (async () => {
      try {
        const version = (await this.versions.findOne({ _id: VERSION_ID }))?.version ?? 0;
        const docs = await this.collection.find({}).toArray();
        this.centers = new Map(docs.map((d) => [d._id, d as CenterView]));
        this.knownVersion = version;
        this.checkedAt = Date.now();
        this.loaded = true;
      } finally {
        this.loading = null;
      }
    })();
    return this.loading;
  }

  private async save(view: CenterView): Promise<void> {
    const { _id, ...fields } = view;
    await this.collection.updateOne({ _id }, { $set: fields }, { upsert: true });
    this.centers.set(_id, view);
    const bumped = await upsertRetrying(() => this.versions.findOneAndUpdate({ _id: VERSION_ID }, { $inc: { version: 1 } }, { upsert: true, returnDocument: 'after' }));
    if ((bumped?.version ?? 0) === this.knownVersion + 1) this.knownVersion = bumped?.version ?? 0;
  }

  async onCenter(event: EventOf<'ServiceCenterUpserted.v1'>): Promise<void> {
    const p = event.payload;
    await this.ready();
    const known = this.centers.get(p.id);
    // A redelivered or reordered snapshot must not roll the center back.
    if (known && known.updatedAt > p.updatedAt) return;
    await this.save({
      _id: p.id,
      code: p.code,
      name: p.name,
      regionId: p.regionId,
      country: p.country,
      timeZone: p.timeZone,
      calendar: JSON.parse(JSON.stringify(p.calendar)) as CenterView['calendar'],
      keyContacts: p.keyContacts.map((k) => ({ role: k.role, staffId: k.staffId, name: k.name, email: k.email })),
      keyStaff: known?.keyStaff ?? {},
      updatedAt: p.updatedAt,
    });
  }

  async onStaff(event: EventOf<'StaffUpserted.v1'>): Promise<void> {
    const p = event.payload;
    if (!(KEY_ROLES as readonly string[]).includes(p.role) && !this.centers.get(p.serviceCenterId)?.keyStaff[p.id]) return;
    await this.ready();
    const center = this.centers.get(p.serviceCenterId);
    // Staff of a center not announced yet: its ServiceCenterUpserted (published with them) carries the key contacts.
    if (!center) return;
    const keyStaff = { ...center.keyStaff };
    if ((KEY_ROLES as readonly string[]).includes(p.role)) {
      keyStaff[p.id] = { role: p.role as KeyRole, staffId: p.id, name: p.name, email: p.email, active: p.active };
    } else {
      delete keyStaff[p.id];
    }
    await this.save({ ...center, keyStaff });
  }

  async find(id: string): Promise<CenterView | undefined> {
    await this.ready();
    return this.centers.get(id);
  }

  async all(): Promise<CenterView[]> {
    await this.ready();
    return [...this.centers.values()];
  }

  /** The distributor a complaint is assigned to: it must be known from the network. */
  async require(id: string, field = 'serviceCenterId'): Promise<CenterView> {
    const center = await this.find(id);
    if (!center) throw new ValidationFailedError([{ field, rule: 'exists', message: `service center ${id} is unknown to the network` }]);
    return center;
  }

  calendarOf(center: CenterView): WorkingCalendar {
    return { ...center.calendar, timeZone: center.timeZone, country: center.country };
  }

  /**
   * The people complaints go to: the center's key contacts, corrected by later staff events
   * (a deactivated manager drops out, a newly appointed one comes in).
   */
  keyPeople(center: CenterView): KeyPerson[] {
    const byId = new Map(center.keyContacts.map((k) => [k.staffId, k]));
    for (const s of Object.values(center.keyStaff)) {
      if (s.active) byId.set(s.staffId, { role: s.role, staffId: s.staffId, name: s.name, email: s.email });
      else byId.delete(s.staffId);
    }
    return [...byId.values()].sort((a, b) => KEY_ROLES.indexOf(a.role) - KEY_ROLES.indexOf(b.role) || a.staffId.localeCompare(b.staffId));
  }
}
