import { Injectable } from '@nestjs/common';
import { HQ_SERVICE_DEPARTMENT, pickStaff, RECIPIENT_RULES, type NotificationKind, type StaffPerson } from '@aftersales/domain-notifications';
import { NetworkCenters, type NetworkCenter } from '@aftersales/platform-centers';

/** A staff member to tell, with the center whose country and time zone their message is written for. */
export interface StaffRecipient extends StaffPerson {
  center: Pick<NetworkCenter, '_id' | 'country' | 'timeZone' | 'regionId'>;
}

/** The people of the recipient rules (libs/domain/notifications), read from the network's read model. */
@Injectable()
export class Recipients {
  constructor(private readonly network: NetworkCenters) {}

  /** The rule's people at the object's center; at HQ when the rule says so or the object has no center. */
  async forKind(kind: NotificationKind, serviceCenterId: string | undefined, hq = false): Promise<StaffRecipient[]> {
    const rule = RECIPIENT_RULES[kind];
    if (rule.audience !== 'center' && rule.audience !== 'hq') throw new Error(`${kind}: recipients are named by the event`);
    const atHq = hq || rule.audience === 'hq' || !serviceCenterId;
    const centers = atHq ? await this.network.list({ kinds: ['HQ'] }) : [await this.center(serviceCenterId!)];
    const out: StaffRecipient[] = [];
    for (const center of centers) {
      const people = await this.peopleOf(center);
      out.push(...pickStaff(atHq ? HQ_SERVICE_DEPARTMENT : rule, people).map((p) => ({ ...p, center })));
    }
    return out;
  }

  /** People the event names (a transfer's to and cc), at the center they were named for. */
  async named(serviceCenterId: string, people: readonly { staffId: string; name: string; email: string; role: string }[]): Promise<StaffRecipient[]> {
    const center = await this.center(serviceCenterId);
    const seen = new Set<string>();
    return people.filter((p) => !seen.has(p.staffId) && seen.add(p.staffId)).map((p) => ({ id: p.staffId, name: p.name, email: p.email, role: p.role, active: true, center }));
  }

  /**
   * The center, or NotYetError: the consumer parks the event for delayed retries until the network's
   * announcement of a new center has reached this read model (the event is not lost).
   */
  center(id: string): Promise<NetworkCenter> {
    return this.network.announced(id);
  }

  /** The center's staff, with its key contacts the staff read model does not (yet) hold. */
  private async peopleOf(center: NetworkCenter): Promise<StaffPerson[]> {
    const staff: StaffPerson[] = (await this.network.staffOf(center._id)).map((s) => ({ id: s._id, name: s.name, email: s.email, role: s.role, active: s.active }));
    const known = new Set(staff.map((s) => s.id));
    const contacts = (center.keyContacts ?? []).filter((k) => !known.has(k.staffId)).map((k) => ({ id: k.staffId, name: k.name, email: k.email, role: k.role, active: true }));
    return [...staff, ...contacts];
  }
}
