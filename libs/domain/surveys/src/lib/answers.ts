import { CSI_FACTORS, MAX_TEXT_LENGTH, type CsiFactor, type Issue, type Question, type Questionnaire } from './questionnaire';

/** One answer as the customer (or the agent on the phone) gives it; which field is used depends on the question type. */
export interface Answer {
  questionId: string;
  /** SCALE_0_10 and SCALE_1_5. */
  value?: number | null;
  /** YES_NO. */
  yes?: boolean | null;
  /** SINGLE_CHOICE (exactly one) and MULTIPLE_CHOICE (one or more): option ids. */
  choices?: string[] | null;
  /** TEXT. */
  text?: string | null;
}

const RANGES = { SCALE_0_10: [0, 10], SCALE_1_5: [1, 5] } as const;

/**
 * Checks answers against the questionnaire: each issue names `answers.<questionId>` (or
 * `answers.<index>` for an unknown question) and the rule it breaks. [] when valid.
 */
export function validateAnswers(q: Questionnaire, answers: readonly Answer[]): Issue[] {
  const issues: Issue[] = [];
  const byId = new Map(q.questions.map((x) => [x.id, x]));
  const answered = new Set<string>();
  answers.forEach((a, i) => {
    const question = byId.get(a.questionId);
    if (!question) {
      issues.push({ field: `answers.${i}.questionId`, rule: 'unknownQuestion', message: `${a.questionId} is not a question of ${q.id} v${q.version}` });
      return;
    }
    const field = `answers.${a.questionId}`;
    if (answered.has(a.questionId)) {
      issues.push({ field, rule: 'duplicate', message: 'answered twice' });
      return;
    }
    answered.add(a.questionId);
    issues.push(...answerIssues(question, a, field));
  });
  for (const question of q.questions) {
    if (question.required && !answered.has(question.id)) {
      issues.push({ field: `answers.${question.id}`, rule: 'required', message: 'this question must be answered' });
    }
  }
  return issues;
}

function answerIssues(question: Question, a: Answer, field: string): Issue[] {
  const issue = (rule: string, message: string): Issue[] => [{ field, rule, message }];
  const others = (['value', 'yes', 'choices', 'text'] as const).filter((k) => a[k] !== undefined && a[k] !== null);
  switch (question.type) {
    case 'SCALE_0_10':
    case 'SCALE_1_5': {
      const [min, max] = RANGES[question.type];
      if (others.some((k) => k !== 'value')) return issue('answerKind', `a ${question.type} question is answered with value`);
      if (typeof a.value !== 'number') return issue('required', `needs a value from ${min} to ${max}`);
      if (!Number.isInteger(a.value)) return issue('integer', 'must be a whole number');
      if (a.value < min || a.value > max) return issue('range', `must be between ${min} and ${max}`);
      return [];
    }
    case 'YES_NO':
      if (others.some((k) => k !== 'yes')) return issue('answerKind', 'a YES_NO question is answered with yes');
      return typeof a.yes === 'boolean' ? [] : issue('required', 'needs yes: true or false');
    case 'SINGLE_CHOICE':
    case 'MULTIPLE_CHOICE': {
      if (others.some((k) => k !== 'choices')) return issue('answerKind', `a ${question.type} question is answered with choices`);
      const choices = a.choices ?? [];
      if (choices.length === 0) return issue('required', 'needs at least one choice');
      if (question.type === 'SINGLE_CHOICE' && choices.length > 1) return issue('singleChoice', 'exactly one option may be chosen');
      if (new Set(choices).size !== choices.length) return issue('duplicateChoice', 'an option is chosen twice');
      const known = new Set((question.options ?? []).map((o) => o.id));
      const unknown = choices.filter((c) => !known.has(c));
      return unknown.length ? issue('option', `unknown option ${unknown.join(', ')}; allowed: ${[...known].join(', ')}`) : [];
    }
    case 'TEXT': {
      if (others.some((k) => k !== 'text')) return issue('answerKind', 'a TEXT question is answered with text');
      const max = question.maxLength ?? MAX_TEXT_LENGTH;
      if (typeof a.text !== 'string' || a.text.trim() === '') return question.required ? issue('required', 'needs a text') : [];
      return a.text.length > max ? issue('maxLength', `must be at most ${max} characters`) : [];
    }
  }
}

export type NpsCategory = 'PROMOTER' | 'PASSIVE' | 'DETRACTOR';

export function npsCategory(score: number): NpsCategory {
  if (score >= 9) return 'PROMOTER';
  if (score >= 7) return 'PASSIVE';
  return 'DETRACTOR';
}

/** What one valid response contributes to the KPIs. */
export interface ScoredResponse {
  /** Weighted CSI, 0-1000; null when no weighted factor was rated. */
  csi: number | null;
  /** Per factor, 0-1000 (only the factors the response rated). */
  factors: Partial<Record<CsiFactor, number>>;
  nps: number | null;
  npsCategory: NpsCategory | null;
  /** Rating answers at the top of their scale (5 of 1-5, 9-10 of 0-10) and all rating answers. */
  topBox: number;
  topBoxBase: number;
  complaintRequested: boolean;
  /** Free-text answers joined (unmasked: mask before showing them to anyone but the complaint handler). */
  verbatim: string | null;
}

/** Position of an answer on its scale, 0..1; null for unscored types. */
export function normalized(question: Question, a: Answer): number | null {
  switch (question.type) {
    case 'SCALE_0_10':
      return typeof a.value === 'number' ? a.value / 10 : null;
    case 'SCALE_1_5':
      return typeof a.value === 'number' ? (a.value - 1) / 4 : null;
    case 'YES_NO':
      return typeof a.yes === 'boolean' ? (a.yes ? 1 : 0) : null;
    default:
      return null;
  }
}

/** Scores a response that passed validateAnswers. */
export function scoreResponse(q: Questionnaire, answers: readonly Answer[]): ScoredResponse {
  const byId = new Map(q.questions.map((x) => [x.id, x]));
  const perFactor = new Map<CsiFactor, number[]>();
  let nps: number | null = null;
  let topBox = 0;
  let topBoxBase = 0;
  let complaintRequested = false;
  const texts: string[] = [];
  for (const a of answers) {
    const question = byId.get(a.questionId);
    if (!question) continue;
    const position = normalized(question, a);
    if (question.factor && position !== null) perFactor.set(question.factor, [...(perFactor.get(question.factor) ?? []), position]);
    if (question.nps && typeof a.value === 'number') nps = a.value;
    if ((question.type === 'SCALE_0_10' || question.type === 'SCALE_1_5') && typeof a.value === 'number') {
      topBoxBase++;
      if (question.type === 'SCALE_1_5' ? a.value === 5 : a.value >= 9) topBox++;
    }
    if (question.complaintRequest && a.yes === true) complaintRequested = true;
    if (question.type === 'TEXT' && typeof a.text === 'string' && a.text.trim()) texts.push(a.text.trim());
  }
  const factors: Partial<Record<CsiFactor, number>> = {};
  let weighted = 0;
  let weights = 0;
  for (const factor of CSI_FACTORS) {
    const values = perFactor.get(factor);
    if (!values?.length) continue;
    const score = round1((values.reduce((s, v) => s + v, 0) / values.length) * 1000);
    factors[factor] = score;
    const w = q.factorWeights[factor];
    if (w > 0) {
      weighted += w * score;
      weights += w;
    }
  }
  return {
    csi: weights > 0 ? round1(weighted / weights) : null,
    factors,
    nps,
    npsCategory: nps === null ? null : npsCategory(nps),
    topBox,
    topBoxBase,
    complaintRequested,
    verbatim: texts.length ? texts.join('\n') : null,
  };
}

export type DissatisfactionReason =
  | { kind: 'NPS_DETRACTOR'; nps: number }
  | { kind: 'FACTOR_BELOW_THRESHOLD'; factor: CsiFactor; score: number; threshold: number }
  | { kind: 'EXPLICIT_COMPLAINT' };

/** Why this response closes the loop into a complaint, per the questionnaire's policy; [] = satisfied enough. */
export function dissatisfactionReasons(q: Questionnaire, scored: ScoredResponse): DissatisfactionReason[] {
  const policy = q.dissatisfaction;
  const reasons: DissatisfactionReason[] = [];
  if (policy.npsDetractor && scored.nps !== null && scored.npsCategory === 'DETRACTOR') reasons.push({ kind: 'NPS_DETRACTOR', nps: scored.nps });
  if (policy.factorBelow !== null) {
    for (const factor of CSI_FACTORS) {
      const score = scored.factors[factor];
      if (score !== undefined && score < policy.factorBelow) reasons.push({ kind: 'FACTOR_BELOW_THRESHOLD', factor, score, threshold: policy.factorBelow });
    }
  }
  if (policy.explicitComplaint && scored.complaintRequested) reasons.push({ kind: 'EXPLICIT_COMPLAINT' });
  return reasons;
}

function round1(n: number): number {
  return Math.round(n * 10) / 10;
}
