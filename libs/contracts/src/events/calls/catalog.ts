import { Topics } from '../../topics';
import type { RegistryOf } from '../../topics';
import { CampaignCallRecordedV1 } from './campaign.events';
import { CustomerContactEscalatedV1 } from './contact-check.events';
import { TelematicsReportedV1, VehicleFaultReportedV1 } from './telematics.events';
import { CallLoggedV1, JobOrderFollowUpRecordedV1, JobOrderRequestedV1, LeadCreatedV1, RescueRequestedV1, WorkshopFollowUpCallRecordedV1 } from './calls.events';

export interface CallsEventCatalog {
  'CallLogged.v1': { topic: typeof Topics.calls; payload: CallLoggedV1 };
  'JobOrderRequested.v1': { topic: typeof Topics.calls; payload: JobOrderRequestedV1 };
  'LeadCreated.v1': { topic: typeof Topics.calls; payload: LeadCreatedV1 };
  'RescueRequested.v1': { topic: typeof Topics.calls; payload: RescueRequestedV1 };
  'JobOrderFollowUpRecorded.v1': { topic: typeof Topics.calls; payload: JobOrderFollowUpRecordedV1 };
  'CustomerContactEscalated.v1': { topic: typeof Topics.calls; payload: CustomerContactEscalatedV1 };
  'WorkshopFollowUpCallRecorded.v1': { topic: typeof Topics.calls; payload: WorkshopFollowUpCallRecordedV1 };
  'CampaignCallRecorded.v1': { topic: typeof Topics.calls; payload: CampaignCallRecordedV1 };
  'VehicleFaultReported.v1': { topic: typeof Topics.calls; payload: VehicleFaultReportedV1 };
  'TelematicsReported.v1': { topic: typeof Topics.telematics; payload: TelematicsReportedV1 };
}

export const CallsEventRegistry: RegistryOf<CallsEventCatalog> = {
  'CallLogged.v1': { topic: Topics.calls, payload: CallLoggedV1 },
  'JobOrderRequested.v1': { topic: Topics.calls, payload: JobOrderRequestedV1 },
  'LeadCreated.v1': { topic: Topics.calls, payload: LeadCreatedV1 },
  'RescueRequested.v1': { topic: Topics.calls, payload: RescueRequestedV1 },
  'JobOrderFollowUpRecorded.v1': { topic: Topics.calls, payload: JobOrderFollowUpRecordedV1 },
  'CustomerContactEscalated.v1': { topic: Topics.calls, payload: CustomerContactEscalatedV1 },
  'WorkshopFollowUpCallRecorded.v1': { topic: Topics.calls, payload: WorkshopFollowUpCallRecordedV1 },
  'CampaignCallRecorded.v1': { topic: Topics.calls, payload: CampaignCallRecordedV1 },
  'VehicleFaultReported.v1': { topic: Topics.calls, payload: VehicleFaultReportedV1 },
  'TelematicsReported.v1': { topic: Topics.telematics, payload: TelematicsReportedV1 },
};
