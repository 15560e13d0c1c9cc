import { Topics } from '../../topics';
import type { RegistryOf } from '../../topics';
import { PolicyVersionPublishedV1 } from './policy-version-published.v1';
import { ServiceCenterUpsertedV1 } from './service-center-upserted.v1';
import { StaffUpsertedV1 } from './staff-upserted.v1';

export interface NetworkEventCatalog {
  'ServiceCenterUpserted.v1': { topic: typeof Topics.network; payload: ServiceCenterUpsertedV1 };
  'StaffUpserted.v1': { topic: typeof Topics.network; payload: StaffUpsertedV1 };
  'PolicyVersionPublished.v1': { topic: typeof Topics.network; payload: PolicyVersionPublishedV1 };
}

export const NetworkEventRegistry: RegistryOf<NetworkEventCatalog> = {
  'ServiceCenterUpserted.v1': { topic: Topics.network, payload: ServiceCenterUpsertedV1 },
  'StaffUpserted.v1': { topic: Topics.network, payload: StaffUpsertedV1 },
  'PolicyVersionPublished.v1': { topic: Topics.network, payload: PolicyVersionPublishedV1 },
};
