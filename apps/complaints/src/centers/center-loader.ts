import type DataLoader from 'dataloader';
import type { NetworkCenter, NetworkCenters } from '@aftersales/platform-centers';
import { requestLoader } from '@aftersales/platform-core';

/** The centers a request asks about (a page of complaints, a scorecard's KPI fields), read in one `$in`. */
export function centerLoader(ctx: object, centers: NetworkCenters): DataLoader<string, NetworkCenter | null> {
  return requestLoader(ctx, 'NetworkCenter', (ids) => centers.findMany(ids));
}
