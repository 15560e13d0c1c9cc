/**
 * The numbers of the seeds that a brand, a region or a center may set for itself, one flat path per
 * value (`<area>.<name>`), each with the seed's number as its default and the rules a value must keep.
 * Flat paths because every level overrides single values: a region that shortens the class-C solution
 * deadline keeps every other number of the brand, and the source of each value is reported per path.
 *
 * Only values some service reads are listed: a number nobody applies would be a setting that lies.
 */

/**
 * What a value must be; `fraction` is 0 < x < 1, `share` 0 <= x <= 1 (a weight may be nothing), `atLeastOne` is for
 * minimums (staff, bays, minutes), `nonNegative` for a delay that may be none.
 */
export const POLICY_RULES = ['number', 'positive', 'nonNegative', 'wholeNumber', 'atLeastOne', 'fraction', 'share'] as const;
export type PolicyRule = (typeof POLICY_RULES)[number];

export interface PolicyField {
  default: number;
  unit: string;
  rules: readonly PolicyRule[];
  description: string;
}

export const COMPLAINT_CLASSES = ['SUGGESTION', 'OTHERS', 'C', 'B', 'A'] as const;
export type PolicyComplaintClass = (typeof COMPLAINT_CLASSES)[number];

/** Seed 002 ch. V (DOMAIN.md, complaint deadlines): "at once" for A is one working hour; OTHERS has no row and gets C's times. */
const COMPLAINT_SEED: Record<PolicyComplaintClass, { firstReply: number; solution: number }> = {
  SUGGESTION: { firstReply: 4, solution: 1 },
  OTHERS: { firstReply: 4, solution: 4 },
  C: { firstReply: 4, solution: 4 },
  B: { firstReply: 8, solution: 6 },
  A: { firstReply: 1, solution: 9 },
};

const deadlineHours = (d: number, description: string): PolicyField => ({ default: d, unit: 'working hours', rules: ['number', 'positive'], description });
// The calendar adds whole working days only.
const deadlineDays = (d: number, description: string): PolicyField => ({ default: d, unit: 'working days', rules: ['number', 'positive', 'wholeNumber'], description });

// Minimums count whole things (staff, bays, minutes, days) and are at least 1.
const minimum = (d: number, unit: string, description: string): PolicyField => ({ default: d, unit, rules: ['number', 'wholeNumber', 'atLeastOne'], description });

const rescueWeight = (d: number, component: string): PolicyField => ({
  default: d,
  unit: 'share of the rescue score',
  rules: ['number', 'share'],
  description: `weight of ${component} in a dealer's rescue score (the five are set together and sum to 1)`,
});

const surveyDelay = (d: number, description: string): PolicyField => ({ default: d, unit: 'working days', rules: ['number', 'nonNegative', 'wholeNumber'], description });

export const POLICY_FIELDS = {
  'complaints.classSUGGESTION.firstReplyWorkingHours': deadlineHours(COMPLAINT_SEED.SUGGESTION.firstReply, 'class SUGGESTION: first reply after the distributor received the job order'),
  'complaints.classSUGGESTION.solutionWorkingDays': deadlineDays(COMPLAINT_SEED.SUGGESTION.solution, 'class SUGGESTION: solution to the customer after the distributor received the job order'),
  'complaints.classOTHERS.firstReplyWorkingHours': deadlineHours(COMPLAINT_SEED.OTHERS.firstReply, 'class OTHERS: first reply after the distributor received the job order'),
  'complaints.classOTHERS.solutionWorkingDays': deadlineDays(COMPLAINT_SEED.OTHERS.solution, 'class OTHERS: solution to the customer after the distributor received the job order'),
  'complaints.classC.firstReplyWorkingHours': deadlineHours(COMPLAINT_SEED.C.firstReply, 'class C: first reply after the distributor received the job order'),
  'complaints.classC.solutionWorkingDays': deadlineDays(COMPLAINT_SEED.C.solution, 'class C: solution to the customer after the distributor received the job order'),
  'complaints.classB.firstReplyWorkingHours': deadlineHours(COMPLAINT_SEED.B.firstReply, 'class B: first reply after the distributor received the job order'),
  'complaints.classB.solutionWorkingDays': deadlineDays(COMPLAINT_SEED.B.solution, 'class B: solution to the customer after the distributor received the job order'),
  'complaints.classA.firstReplyWorkingHours': deadlineHours(COMPLAINT_SEED.A.firstReply, 'class A: first reply after the distributor received the job order'),
  'complaints.classA.solutionWorkingDays': deadlineDays(COMPLAINT_SEED.A.solution, 'class A: solution to the customer after the distributor received the job order'),
  'complaints.suggestionForwardWorkingDays': deadlineDays(1, 'HQ forwards a suggestion to the distributor within'),
  // Seed 002 ch. III/IV (DOMAIN.md, job orders): contact within 0.5 h of distribution, which the call
  // center's check counts too (one value, so the two cannot drift apart); first progress within 24 h
  // (one working day), a progress report every 2 days, closed within 7 days.
  'jobOrders.customerContactWorkingHours': deadlineHours(0.5, 'the holder contacts the customer (and the call center checks) within, from distribution'),
  'jobOrders.firstProgressWorkingDays': deadlineDays(1, 'first progress reply within, from distribution'),
  'jobOrders.progressEveryWorkingDays': deadlineDays(2, 'a progress reply every, until the order is closed'),
  'jobOrders.closeDays': { default: 7, unit: 'days', rules: ['number', 'positive'], description: 'closed within (elapsed days), from distribution' },
  // Seed 004 (DOMAIN.md, workshop and rescue).
  'workshop.minAppointmentBays': minimum(2, 'bays', 'bays reserved for appointments, at least'),
  'workshop.minSlotHoldMinutes': minimum(45, 'minutes', 'an appointment slot holds its bay at least'),
  'workshop.estimateTolerance': { default: 0.1, unit: 'share of the estimate', rules: ['number', 'fraction'], description: 'a repair order\'s estimate is accurate when the final bill is within this share of it' },
  'workshop.followUpFirstWithinWorkingDays': minimum(3, 'working days', 'the first follow-up call is due within, after delivery'),
  'workshop.followUpFirstLatestDays': minimum(7, 'days', '... and never later than, after delivery'),
  'workshop.followUpSecondAfterDays': minimum(14, 'days', 'the second follow-up call goes on the list, after the visit'),
  'workshop.followUpSecondWithinWorkingDays': minimum(2, 'working days', 'the second follow-up call may take'),
  'workshop.minRescueStaff': minimum(2, 'staff', 'staff on a rescue mission, at least'),
  // Seed 004 (DOMAIN.md, workshop service flow): the service-time standards, measured per center and month.
  'workshop.standard.greetingWithinSeconds': minimum(60, 'seconds', 'the customer is greeted within, from arrival'),
  'workshop.standard.faultListeningMinSeconds': minimum(300, 'seconds', 'the advisor listens to the fault at least'),
  'workshop.standard.receptionExitWithinSeconds': minimum(600, 'seconds', 'the car leaves the reception bay within, from the repair order being opened'),
  'workshop.standard.completionLeadMinutes': { default: 10, unit: 'minutes', rules: ['number', 'nonNegative', 'wholeNumber'], description: 'work finishes at least this long before the promised time' },
  'workshop.standard.paymentWithinSeconds': minimum(300, 'seconds', 'payment is made within, from the settlement being presented'),
  'workshop.standard.followUpCallTargetSeconds': minimum(180, 'seconds', 'a follow-up call lasts about'),
  'workshop.standard.followUpCallToleranceSeconds': { default: 60, unit: 'seconds', rules: ['number', 'nonNegative'], description: '... give or take (a connected call within target ± this is "about")' },
  'workshop.standard.hotlineMaxRings': minimum(3, 'rings', 'the hotline is answered within'),
  // ITU-T E.180 Suppl. 2 lists China's ringing cadence as 1 s on, 4 s off: a 5 s cycle (North America's
  // is 2 s on, 4 s off, 6 s). The seed is a Chinese dealer manual, so its "3 rings" are 15 s by default.
  'workshop.standard.hotlineRingSeconds': { default: 5, unit: 'seconds per ring cycle', rules: ['number', 'positive'], description: 'one ring cycle (ringing plus pause) of the hotline' },
  // Seed 004 (DOMAIN.md, rescue): dispatch completion 30 %, customer satisfaction 40 %, on-time arrival,
  // back on road and first-dispatch success 10 % each.
  'workshop.rescueWeight.dispatchCompletion': rescueWeight(0.3, 'dispatch completion'),
  'workshop.rescueWeight.satisfaction': rescueWeight(0.4, 'customer satisfaction'),
  'workshop.rescueWeight.onTimeArrival': rescueWeight(0.1, 'on-time arrival'),
  'workshop.rescueWeight.backOnRoad': rescueWeight(0.1, 'back on road (fixed on site)'),
  'workshop.rescueWeight.firstDispatchSuccess': rescueWeight(0.1, 'first-dispatch success'),
  // Seeds 000/003 (DOMAIN.md, three-level emergency plan): the seeds name the levels but give no times;
  // these are the brand's starting numbers, each level's clock in that level's own working calendar.
  'emergency.arrivalTargetMinutes': minimum(60, 'minutes', 'a rescue crew must arrive within this; an estimate beyond it escalates'),
  'emergency.dealerDispatchWorkingHours': deadlineHours(1, 'the dealer dispatches a rescue crew within, from the request (else it escalates to the region)'),
  'emergency.regionDispatchWorkingHours': deadlineHours(2, 'the regional center dispatches within, from the escalation (else it escalates to HQ)'),
  'emergency.hqDispatchWorkingHours': deadlineHours(4, 'HQ dispatches within, from the escalation'),
  'emergency.regionExpertAnswerWorkingHours': deadlineHours(4, "the region's technical experts answer a question within (else it goes to HQ's)"),
  'emergency.hqExpertAnswerWorkingHours': deadlineHours(8, "HQ's technical experts answer an escalated question within"),
  'emergency.courtesyCarLongRepairHours': { default: 24, unit: 'hours', rules: ['number', 'positive'], description: 'a repair order promised this long after opening is a long repair: the customer may get a courtesy car' },
  // Seed 000/002 (DOMAIN.md, satisfaction): the survey after a delivery follows the workshop's 3-working-day
  // follow-up; after a closed job order or complaint the return visit is the next working day. 0 = at once.
  'surveys.delayAfterDeliveryWorkingDays': surveyDelay(3, 'the satisfaction survey after a vehicle delivery, in the dealer\'s working days'),
  'surveys.delayAfterJobOrderClosedWorkingDays': surveyDelay(1, 'the survey after a closed job order, in the dealer\'s working days'),
  'surveys.delayAfterComplaintClosedWorkingDays': surveyDelay(1, 'the survey after a closed complaint, in the dealer\'s working days'),
} as const satisfies Record<string, PolicyField>;

export type PolicyPath = keyof typeof POLICY_FIELDS & string;

/**
 * Values that only make sense together. A level sets (or removes) all of a group's values in one change,
 * so whatever levels a center's values come from, a group's values come from one level and keep its sum.
 */
export const POLICY_GROUPS: readonly { name: string; paths: readonly PolicyPath[]; sum?: number }[] = [
  {
    name: 'workshop.rescueWeight',
    paths: [
      'workshop.rescueWeight.dispatchCompletion',
      'workshop.rescueWeight.satisfaction',
      'workshop.rescueWeight.onTimeArrival',
      'workshop.rescueWeight.backOnRoad',
      'workshop.rescueWeight.firstDispatchSuccess',
    ],
    sum: 1,
  },
];
export const POLICY_PATHS = Object.keys(POLICY_FIELDS) as PolicyPath[];
export type PolicyValues = Record<PolicyPath, number>;

export function isPolicyPath(path: string): path is PolicyPath {
  return Object.prototype.hasOwnProperty.call(POLICY_FIELDS, path);
}

/** The seed numbers: what every center gets until a level says otherwise. */
export const DEFAULT_POLICY_VALUES: Readonly<PolicyValues> = Object.freeze(
  Object.fromEntries(POLICY_PATHS.map((p) => [p, (POLICY_FIELDS as Record<string, PolicyField>)[p]!.default])) as PolicyValues,
);
