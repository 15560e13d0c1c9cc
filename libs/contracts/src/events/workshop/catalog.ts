import { Topics } from '../../topics';
import type { RegistryOf } from '../../topics';
import { ExpertQuestionRoutedV1, FollowUpCallRequestedV1, PartsRequestedV1, RescueEscalatedV1, VehicleDeliveredV1, WorkshopComplaintRaisedV1 } from './workshop.events';

export interface WorkshopEventCatalog {
  'PartsRequested.v1': { topic: typeof Topics.workshop; payload: PartsRequestedV1 };
  'VehicleDelivered.v1': { topic: typeof Topics.workshop; payload: VehicleDeliveredV1 };
  'WorkshopComplaintRaised.v1': { topic: typeof Topics.workshop; payload: WorkshopComplaintRaisedV1 };
  'FollowUpCallRequested.v1': { topic: typeof Topics.workshop; payload: FollowUpCallRequestedV1 };
  'RescueEscalated.v1': { topic: typeof Topics.workshop; payload: RescueEscalatedV1 };
  'ExpertQuestionRouted.v1': { topic: typeof Topics.workshop; payload: ExpertQuestionRoutedV1 };
}

export const WorkshopEventRegistry: RegistryOf<WorkshopEventCatalog> = {
  'PartsRequested.v1': { topic: Topics.workshop, payload: PartsRequestedV1 },
  'VehicleDelivered.v1': { topic: Topics.workshop, payload: VehicleDeliveredV1 },
  'WorkshopComplaintRaised.v1': { topic: Topics.workshop, payload: WorkshopComplaintRaisedV1 },
  'FollowUpCallRequested.v1': { topic: Topics.workshop, payload: FollowUpCallRequestedV1 },
  'RescueEscalated.v1': { topic: Topics.workshop, payload: RescueEscalatedV1 },
  'ExpertQuestionRouted.v1': { topic: Topics.workshop, payload: ExpertQuestionRoutedV1 },
};
