import { Injectable } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import type { Connection } from 'mongoose';
import type { WorkingCalendar } from '@aftersales/calendar';
import type { ServiceCenterUpsertedV1 } from '@aftersales/contracts';
import { JobOrdersConfig } from '../config';

export interface CenterInfo {
  _id: string;
  name: string;
  kind: string;
  regionId: string;
  status: string;
  calendar: WorkingCalendar;
  updatedAt: string;
}

/**
 * The service centers this service needs (time zone and working calendar for SLA clocks, region for
 * scoping and KPIs), kept from network's ServiceCenterUpserted.v1. About a thousand small documents:
 * held in memory, loaded once at start, written through on every event (the store keeps it across
 * restarts; a second instance receives the same events through its own consumer group partition and
 * reloads when it misses a center, see `get`).
 */
@Injectable()
export class CentersDirectory {
  private centers = new Map<string, CenterInfo>();
  private loaded: Promise<void> | null = null;

  constructor(
    @InjectConnection() private readonly connection: Connection,
    private readonly config: JobOrdersConfig,
  ) {}

  private get collection() {
    return this.connection.collection<CenterInfo>('centers');
  }

  private ready(): Promise<void> {
    this.loaded ??= (async () => {
      const docs = await this.collection.find({}).toArray();
      for (const d of docs) this.centers.set(d._id, d as CenterInfo);
    })();
    return this.loaded;
  }

  async get(id: string): Promise<CenterInfo | null> {
    await this.ready();
    const known = this.centers.get(id);
    if (known) return known;
    // Another instance may have consumed the event: one _id lookup before giving up.
    const doc = (await this.collection.findOne({ _id: id })) as CenterInfo | null;
    if (doc) this.centers.set(id, doc);
    return doc;
  }

  /** Synchronous lookup for SLA arithmetic once `get` has been awaited for the same ids. */
  calendarOf(id: string): WorkingCalendar {
    const center = this.centers.get(id);
    if (!center) throw new Error(`service center ${id} is not in the read model`);
    return center.calendar;
  }

  async inRegion(regionId: string): Promise<string[]> {
    await this.ready();
    return [...this.centers.values()].filter((c) => c.regionId === regionId).map((c) => c._id);
  }

  /** The HQ service department: configured, or the network's (first) center of kind HQ. */
  async hqCenterId(): Promise<string | null> {
    await this.ready();
    if (this.config.HQ_SERVICE_CENTER_ID) return this.config.HQ_SERVICE_CENTER_ID;
    const hq = [...this.centers.values()].filter((c) => c.kind === 'HQ' && c.status === 'ACTIVE').sort((a, b) => a._id.localeCompare(b._id));
    return hq[0]?._id ?? null;
  }

  /** Idempotent: an older snapshot (redelivery, replay) never overwrites a newer one. */
  async upsert(p: ServiceCenterUpsertedV1): Promise<void> {
    await this.ready();
    const current = this.centers.get(p.id);
    if (current && current.updatedAt > p.updatedAt) return;
    const info: CenterInfo = {
      _id: p.id,
      name: p.name,
      kind: p.kind,
      regionId: p.regionId,
      status: p.status,
      updatedAt: p.updatedAt,
      calendar: {
        timeZone: p.timeZone,
        country: p.country,
        weekly: p.calendar.weekly.map((d) => ({ weekday: d.weekday as 1 | 2 | 3 | 4 | 5 | 6 | 7, slots: d.slots.map((s) => ({ start: s.start, end: s.end })) })),
        closures: [...p.calendar.closures],
        extraWorkingDays: p.calendar.extraWorkingDays.map((d) => ({ date: d.date, slots: d.slots.map((s) => ({ start: s.start, end: s.end })) })),
        observePublicHolidays: p.calendar.observePublicHolidays,
        ...(p.calendar.subdivision ? { subdivision: p.calendar.subdivision } : {}),
      },
    };
    const { _id, ...fields } = info;
    await this.collection.updateOne({ _id }, { $set: fields }, { upsert: true });
    this.centers.set(p.id, info);
  }
}
