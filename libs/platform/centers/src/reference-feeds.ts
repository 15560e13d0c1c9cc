import type { ReferenceFeed } from './references';

/**
 * Job orders as other services see them: the centers holding each. Events published before
 * `holderCenterIds` existed name only the center the order is filed under, which is then its holder.
 */
export const jobOrderFeed: ReferenceFeed = {
  'JobOrderCreated.v1': ({ payload: p }) => ({ id: p.jobOrderId, centers: p.holderCenterIds ?? (p.serviceCenterId ? [p.serviceCenterId] : []), at: p.createdAt }),
  'JobOrderRedistributed.v1': ({ payload: p }) => ({ id: p.jobOrderId, centers: p.holderCenterIds, at: p.redistributedAt }),
  // A reopened order may go to other holders; older events without the list leave the holders as they were.
  'JobOrderReopened.v1': ({ payload: p }) => (p.holderCenterIds ? { id: p.jobOrderId, centers: p.holderCenterIds, at: p.reopenedAt } : null),
};
