import { DEFAULT_POLICY_VALUES, type PolicyValues } from '@aftersales/domain-policies';
import type { SetupRules } from './appointments';
import type { FollowUpRules } from './follow-up';
import { serviceStandardRulesOf, type ServiceStandardRules } from './standards';

/** The workshop's numbers of a center's policy version (seed 004; @aftersales/domain-policies holds the defaults). */
export interface WorkshopPolicy {
  setup: SetupRules;
  estimateTolerance: number;
  followUp: FollowUpRules;
  minRescueStaff: number;
  standards: ServiceStandardRules;
}

export function workshopPolicyOf(values: PolicyValues): WorkshopPolicy {
  return {
    setup: { minAppointmentBays: values['workshop.minAppointmentBays'], minHoldMinutes: values['workshop.minSlotHoldMinutes'] },
    estimateTolerance: values['workshop.estimateTolerance'],
    followUp: {
      firstWithinWorkingDays: values['workshop.followUpFirstWithinWorkingDays'],
      firstLatestDays: values['workshop.followUpFirstLatestDays'],
      secondAfterDays: values['workshop.followUpSecondAfterDays'],
      secondWithinWorkingDays: values['workshop.followUpSecondWithinWorkingDays'],
    },
    minRescueStaff: values['workshop.minRescueStaff'],
    standards: serviceStandardRulesOf(values),
  };
}

/** The seed's numbers, for callers without a center policy (tests, the seed tool). */
export const DEFAULT_WORKSHOP_POLICY: WorkshopPolicy = workshopPolicyOf(DEFAULT_POLICY_VALUES);
