import { Topics } from '../../topics';
import type { RegistryOf } from '../../topics';
import {
  JobOrderClosedV1,
  JobOrderCreatedV1,
  JobOrderCustomerContactedV1,
  JobOrderRedistributedV1,
  JobOrderRepliedV1,
  JobOrderReopenedV1,
  JobOrderSlaBreachedV1,
  JobOrderSlaWarningV1,
} from './job-orders.events';
import { LeadReceivedV1, LeadStatusChangedV1 } from './leads.events';

type T = typeof Topics['job-orders'];

export interface JobOrdersEventCatalog {
  'JobOrderCreated.v1': { topic: T; payload: JobOrderCreatedV1 };
  'JobOrderCustomerContacted.v1': { topic: T; payload: JobOrderCustomerContactedV1 };
  'JobOrderReplied.v1': { topic: T; payload: JobOrderRepliedV1 };
  'JobOrderSlaWarning.v1': { topic: T; payload: JobOrderSlaWarningV1 };
  'JobOrderSlaBreached.v1': { topic: T; payload: JobOrderSlaBreachedV1 };
  'JobOrderClosed.v1': { topic: T; payload: JobOrderClosedV1 };
  'JobOrderReopened.v1': { topic: T; payload: JobOrderReopenedV1 };
  'JobOrderRedistributed.v1': { topic: T; payload: JobOrderRedistributedV1 };
  'LeadReceived.v1': { topic: T; payload: LeadReceivedV1 };
  'LeadStatusChanged.v1': { topic: T; payload: LeadStatusChangedV1 };
}

const topic = Topics['job-orders'];

export const JobOrdersEventRegistry: RegistryOf<JobOrdersEventCatalog> = {
  'JobOrderCreated.v1': { topic, payload: JobOrderCreatedV1 },
  'JobOrderCustomerContacted.v1': { topic, payload: JobOrderCustomerContactedV1 },
  'JobOrderReplied.v1': { topic, payload: JobOrderRepliedV1 },
  'JobOrderSlaWarning.v1': { topic, payload: JobOrderSlaWarningV1 },
  'JobOrderSlaBreached.v1': { topic, payload: JobOrderSlaBreachedV1 },
  'JobOrderClosed.v1': { topic, payload: JobOrderClosedV1 },
  'JobOrderReopened.v1': { topic, payload: JobOrderReopenedV1 },
  'JobOrderRedistributed.v1': { topic, payload: JobOrderRedistributedV1 },
  'LeadReceived.v1': { topic, payload: LeadReceivedV1 },
  'LeadStatusChanged.v1': { topic, payload: LeadStatusChangedV1 },
};
