import { Topics } from '../../topics';
import type { RegistryOf } from '../../topics';
import { CustomerDissatisfiedV1, SurveyCallRequestedV1, SurveyLinkIssuedV1 } from './surveys.events';

export interface SurveysEventCatalog {
  'CustomerDissatisfied.v1': { topic: typeof Topics.surveys; payload: CustomerDissatisfiedV1 };
  'SurveyCallRequested.v1': { topic: typeof Topics.surveys; payload: SurveyCallRequestedV1 };
  'SurveyLinkIssued.v1': { topic: typeof Topics.surveys; payload: SurveyLinkIssuedV1 };
}

export const SurveysEventRegistry: RegistryOf<SurveysEventCatalog> = {
  'CustomerDissatisfied.v1': { topic: Topics.surveys, payload: CustomerDissatisfiedV1 },
  'SurveyCallRequested.v1': { topic: Topics.surveys, payload: SurveyCallRequestedV1 },
  'SurveyLinkIssued.v1': { topic: Topics.surveys, payload: SurveyLinkIssuedV1 },
};
