import { Topics } from '../../topics';
import type { RegistryOf } from '../../topics';
import { ComplaintClosedV1, ComplaintRegisteredV1 } from './complaints.events';
import {
  ComplaintDeadlineBreachedV1,
  ComplaintDeadlineWarningV1,
  ComplaintPostponedV1,
  ComplaintReclassifiedV1,
  ComplaintStepRecordedV1,
  ComplaintTransferredV1,
} from './complaints-process.events';

export interface ComplaintsEventCatalog {
  'ComplaintRegistered.v1': { topic: typeof Topics.complaints; payload: ComplaintRegisteredV1 };
  'ComplaintClosed.v1': { topic: typeof Topics.complaints; payload: ComplaintClosedV1 };
  'ComplaintTransferred.v1': { topic: typeof Topics.complaints; payload: ComplaintTransferredV1 };
  'ComplaintReclassified.v1': { topic: typeof Topics.complaints; payload: ComplaintReclassifiedV1 };
  'ComplaintPostponed.v1': { topic: typeof Topics.complaints; payload: ComplaintPostponedV1 };
  'ComplaintDeadlineWarning.v1': { topic: typeof Topics.complaints; payload: ComplaintDeadlineWarningV1 };
  'ComplaintDeadlineBreached.v1': { topic: typeof Topics.complaints; payload: ComplaintDeadlineBreachedV1 };
  'ComplaintStepRecorded.v1': { topic: typeof Topics.complaints; payload: ComplaintStepRecordedV1 };
}

export const ComplaintsEventRegistry: RegistryOf<ComplaintsEventCatalog> = {
  'ComplaintRegistered.v1': { topic: Topics.complaints, payload: ComplaintRegisteredV1 },
  'ComplaintClosed.v1': { topic: Topics.complaints, payload: ComplaintClosedV1 },
  'ComplaintTransferred.v1': { topic: Topics.complaints, payload: ComplaintTransferredV1 },
  'ComplaintReclassified.v1': { topic: Topics.complaints, payload: ComplaintReclassifiedV1 },
  'ComplaintPostponed.v1': { topic: Topics.complaints, payload: ComplaintPostponedV1 },
  'ComplaintDeadlineWarning.v1': { topic: Topics.complaints, payload: ComplaintDeadlineWarningV1 },
  'ComplaintDeadlineBreached.v1': { topic: Topics.complaints, payload: ComplaintDeadlineBreachedV1 },
  'ComplaintStepRecorded.v1': { topic: Topics.complaints, payload: ComplaintStepRecordedV1 },
};
