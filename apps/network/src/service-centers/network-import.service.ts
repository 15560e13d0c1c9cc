import { Injectable } from '@nestjs/common';
import { ValidationFailedError, type FieldIssue } from '@aftersales/platform-core';
import { qualificationIssues, staffEvent, toEntry } from '../staff/staff.service';
import { keyContactsOf } from '../staff/qualification';
import type { ServiceCenterImportInput } from './dto/service-center.input';
import { ServiceCentersService } from './service-centers.service';

const KIND_ORDER = ['HQ', 'REGIONAL_CENTER', 'SERVICE_CENTER', 'FAST_REPAIR_SHOP'];

/** Bulk load for HQ integration and the demo: parents first, each center with its staff and managers. */
@Injectable()
export class NetworkImportService {
  constructor(private readonly centers: ServiceCentersService) {}

  async import(inputs: ServiceCenterImportInput[]): Promise<{ centers: number; staff: number }> {
    const duplicate = firstDuplicate(inputs.map((c) => c.id));
    if (duplicate) {
      throw new ValidationFailedError([{ field: 'centers', rule: 'uniqueIds', message: `center ${duplicate} appears twice` }]);
    }
    const ordered = inputs
      .map((input, index) => ({ input, index }))
      .sort((a, b) => KIND_ORDER.indexOf(a.input.kind) - KIND_ORDER.indexOf(b.input.kind));
    const staffIssues: FieldIssue[] = ordered.flatMap(({ input, index }) => {
      const dup = firstDuplicate(input.staff.map((s) => s.id));
      return dup ? [{ field: `centers.${index}.staff`, rule: 'uniqueIds', message: `staff ${dup} appears twice` }] : [];
    });
    staffIssues.push(
      ...qualificationIssues(ordered.flatMap(({ input, index }) => input.staff.map((member, i) => ({ input: member, path: `centers.${index}.staff.${i}` })))),
    );
    if (staffIssues.length) throw new ValidationFailedError(staffIssues);

    const now = new Date();
    let staffCount = 0;
    await this.centers.upsertMany(
      ordered.map(({ input, index }) => {
        const staff = input.staff.map((member) => toEntry(member, now));
        staffCount += staff.length;
        return {
          input,
          staff,
          keyContacts: keyContactsOf(staff.map((s) => ({ ...s, _id: s.id }))),
          extraEvents: staff.map((s) => staffEvent(input.id, s)),
          path: `centers.${index}`,
        };
      }),
    );
    return { centers: inputs.length, staff: staffCount };
  }
}

function firstDuplicate(ids: string[]): string | undefined {
  const seen = new Set<string>();
  for (const id of ids) {
    if (seen.has(id)) return id;
    seen.add(id);
  }
  return undefined;
}
