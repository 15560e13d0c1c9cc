import { Injectable, type OnApplicationBootstrap, type OnModuleInit } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import type { Connection } from 'mongoose';
import type { EventOf } from '@aftersales/contracts';
import type { WorkingCalendar } from '@aftersales/calendar';
import { NotFoundError } from '@aftersales/platform-core';
import { EventConsumer } from '@aftersales/platform-kafka';
import type { TechnicianView } from '@aftersales/domain-workshop';
import { WorkshopConfig } from '../config';
import { VersionGate } from '../common/version-gate';

export interface CenterView {
  _id: string;
  regionId: string;
  country: string;
  timeZone: string;
  city: string;
  location: { lat: number; lng: number };
  rescue24h: boolean;
  status: string;
  calendar: Omit<WorkingCalendar, 'timeZone' | 'country'>;
  updatedAt: string;
}

export interface StaffView {
  _id: string;
  serviceCenterId: string;
  name: string;
  role: string;
  active: boolean;
  qualifications: { role: string; certifiedAt: Date; expiresAt: Date }[];
}

/**
 * The workshop's read model of the network, fed by ServiceCenterUpserted.v1 and StaffUpserted.v1:
 * each center's time zone, working calendar, location and rescue capability, and its staff with
 * their qualifications. About a thousand centers and a few thousand staff fit in memory; the store
 * keeps them across restarts and a version counter tells other instances to reload.
 */
@Injectable()
export class CenterDirectory implements OnModuleInit, OnApplicationBootstrap {
  private centers = new Map<string, CenterView>();
  private staff = new Map<string, StaffView>();
  private loaded = false;
  private loading: Promise<void> | null = null;
  private readonly gate: VersionGate;

  constructor(
    @InjectConnection() private readonly connection: Connection,
    private readonly consumer: EventConsumer,
    config: WorkshopConfig,
  ) {
    this.gate = new VersionGate(connection, 'network', config.WORKSHOP_CACHE_CHECK_MS);
  }

  onModuleInit() {
    this.consumer.on('ServiceCenterUpserted.v1', (e) => this.onCenter(e));
    this.consumer.on('StaffUpserted.v1', (e) => this.onStaff(e));
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.ready();
  }

  private get centerCollection() {
    return this.connection.collection<CenterView>('centers');
  }

  private get staffCollection() {
    return this.connection.collection<StaffView>('staff');
  }

  /** Loads once, then reloads only when another instance wrote; never two reloads at a time. */
  private async ready(): Promise<void> {
    if (this.loading) return this.loading;
    if (this.loaded && !(await this.gate.stale())) return;
    this.loading ??= this.reload()
      .then(() => {
        this.loaded = true;
      })
      .finally(() => {
        this.loading = null;
      });
    return this.loading;
  }

  private async reload(): Promise<void> {
    const version = await this.gate.current();
    const [centers, staff] = await Promise.all([this.centerCollection.find({}).toArray(), this.staffCollection.find({}).toArray()]);
    this.centers = new Map(centers.map((c) => [c._id, c as CenterView]));
    this.staff = new Map(staff.map((s) => [s._id, s as StaffView]));
    this.gate.seen(version);
  }

  async onCenter(event: EventOf<'ServiceCenterUpserted.v1'>): Promise<void> {
    const p = event.payload;
    await this.ready();
    const known = this.centers.get(p.id);
    // Redelivered or reordered snapshots must not roll a center back.
    if (known && known.updatedAt > p.updatedAt) return;
    const view: CenterView = {
      _id: p.id,
      regionId: p.regionId,
      country: p.country,
      timeZone: p.timeZone,
      city: p.address.city,
      location: { lat: p.location.lat, lng: p.location.lng },
      rescue24h: p.rescue24h,
      status: p.status,
      calendar: JSON.parse(JSON.stringify(p.calendar)) as CenterView['calendar'],
      updatedAt: p.updatedAt,
    };
    const { _id, ...fields } = view;
    await this.centerCollection.updateOne({ _id }, { $set: fields }, { upsert: true });
    this.centers.set(_id, view);
    await this.gate.bump();
  }

  async onStaff(event: EventOf<'StaffUpserted.v1'>): Promise<void> {
    const p = event.payload;
    await this.ready();
    const view: StaffView = {
      _id: p.id,
      serviceCenterId: p.serviceCenterId,
      name: p.name,
      role: p.role,
      active: p.active,
      qualifications: p.qualifications.map((q) => ({ role: q.role, certifiedAt: new Date(q.certifiedAt), expiresAt: new Date(q.expiresAt) })),
    };
    const { _id, ...fields } = view;
    await this.staffCollection.updateOne({ _id }, { $set: fields }, { upsert: true });
    this.staff.set(_id, view);
    await this.gate.bump();
  }

  async find(id: string): Promise<CenterView | undefined> {
    await this.ready();
    return this.centers.get(id);
  }

  /** The center, or NOT_FOUND when the network has not announced it (yet). */
  async get(id: string): Promise<CenterView> {
    const center = await this.find(id);
    if (!center) throw new NotFoundError('ServiceCenter', id);
    return center;
  }

  async all(): Promise<CenterView[]> {
    await this.ready();
    return [...this.centers.values()];
  }

  async calendarOf(id: string): Promise<WorkingCalendar> {
    const c = await this.get(id);
    return { ...c.calendar, timeZone: c.timeZone, country: c.country };
  }

  async technician(id: string): Promise<TechnicianView | undefined> {
    await this.ready();
    const s = this.staff.get(id);
    return s && { id: s._id, serviceCenterId: s.serviceCenterId, active: s.active, qualifications: s.qualifications };
  }

  async staffOf(centerId: string): Promise<StaffView[]> {
    await this.ready();
    return [...this.staff.values()].filter((s) => s.serviceCenterId === centerId);
  }
}
