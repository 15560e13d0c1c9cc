/**
 * The numbers of the seeds that a brand, a region or a center may set for itself, one flat path per
 * value (`<area>.<name>`), each with the seed's number as its default and the rules a value must keep.
 * Flat paths because every level overrides single values: a region that shortens the class-C solution
 * deadline keeps every other number of the brand, and the source of each value is reported per path.
 *
 * Only values some service reads are listed: a number nobody applies would be a setting that lies.
 */

/** What a value must be; `fraction` is 0 < x < 1, `atLeastOne` is for minimums (staff, bays, minutes). */
export const POLICY_RULES = ['number', 'positive', 'wholeNumber', 'atLeastOne', 'fraction'] as const;
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
} as const satisfies Record<string, PolicyField>;

export type PolicyPath = keyof typeof POLICY_FIELDS & string;
export const POLICY_PATHS = Object.keys(POLICY_FIELDS) as PolicyPath[];
export type PolicyValues = Record<PolicyPath, number>;

export function isPolicyPath(path: string): path is PolicyPath {
  return Object.prototype.hasOwnProperty.call(POLICY_FIELDS, path);
}

/** The seed numbers: what every center gets until a level says otherwise. */
export const DEFAULT_POLICY_VALUES: Readonly<PolicyValues> = Object.freeze(
  Object.fromEntries(POLICY_PATHS.map((p) => [p, (POLICY_FIELDS as Record<string, PolicyField>)[p]!.default])) as PolicyValues,
);

/**
 * Groups of values that only make sense together: a level sets all of a group or none (so the
 * effective values of a group always come from one level), and the group's own rule holds.
 */
export interface PolicyGroup {
  prefix: string;
  paths: readonly PolicyPath[];
  rule: 'sumsToOne';
}
export const POLICY_GROUPS: readonly PolicyGroup[] = [];
