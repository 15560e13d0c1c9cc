import { Topics } from '../../topics';
import type { RegistryOf } from '../../topics';
import { ComplaintClosedV1, ComplaintRegisteredV1 } from './complaints.events';

export interface ComplaintsEventCatalog {
  'ComplaintRegistered.v1': { topic: typeof Topics.complaints; payload: ComplaintRegisteredV1 };
  'ComplaintClosed.v1': { topic: typeof Topics.complaints; payload: ComplaintClosedV1 };
}

export const ComplaintsEventRegistry: RegistryOf<ComplaintsEventCatalog> = {
  'ComplaintRegistered.v1': { topic: Topics.complaints, payload: ComplaintRegisteredV1 },
  'ComplaintClosed.v1': { topic: Topics.complaints, payload: ComplaintClosedV1 },
};
