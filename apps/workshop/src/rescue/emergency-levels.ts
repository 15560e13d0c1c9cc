import { Injectable } from '@nestjs/common';
import type { WorkingCalendar } from '@aftersales/calendar';
import { NetworkCenters, type NetworkCenter } from '@aftersales/platform-centers';
import { levelDeadline, type EmergencyLevel } from '@aftersales/domain-workshop';

/** The center acting for a level of the emergency plan, and the calendar its clock runs in. */
export interface LevelSeat {
  level: EmergencyLevel;
  /** The dealer's own outlet, the region's regional center, HQ; null when the network has none of that kind. */
  center: NetworkCenter | null;
  calendar: WorkingCalendar;
}

/**
 * Where each level of the emergency plan sits. The network keeps no calendar per region (a region is a
 * name and its countries), but every region has a regional service center (kind REGIONAL_CENTER) with
 * its own calendar and people: the regional level works in that center's calendar. HQ works in HQ's.
 * A region without a regional center counts in the serving outlet's calendar (the same local time),
 * and its notices go to HQ, which then is the only one above.
 */
@Injectable()
export class EmergencyLevels {
  constructor(private readonly centers: NetworkCenters) {}

  async seat(level: EmergencyLevel, serving: NetworkCenter): Promise<LevelSeat> {
    const center =
      level === 'DEALER'
        ? serving
        : ((await this.centers.list(level === 'REGION' ? { regionId: serving.regionId, kinds: ['REGIONAL_CENTER'], status: 'ACTIVE' } : { kinds: ['HQ'], status: 'ACTIVE' }))[0] ?? null);
    return { level, center, calendar: this.centers.calendarOf(center ?? serving) };
  }

  /** The level's deadline: `workingHours` after `from` in its seat's calendar. */
  deadline(seat: LevelSeat, from: Date, workingHours: number): Date {
    return levelDeadline(seat.calendar, from, workingHours);
  }
}
