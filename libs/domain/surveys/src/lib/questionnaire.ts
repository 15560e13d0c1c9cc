/** Languages every questionnaire must be written in (the network's markets); AR is written right to left. */
export const LANGUAGES = ['en', 'zh', 'pt', 'es', 'ru', 'ar'] as const;
export type Language = (typeof LANGUAGES)[number];

const RTL: ReadonlySet<Language> = new Set(['ar']);

export function textDirection(language: Language): 'LTR' | 'RTL' {
  return RTL.has(language) ? 'RTL' : 'LTR';
}

export function isLanguage(value: string): value is Language {
  return (LANGUAGES as readonly string[]).includes(value);
}

/** The five J.D. Power CSI factors of after-sales service. */
export const CSI_FACTORS = ['SERVICE_INITIATION', 'SERVICE_ADVISOR', 'SERVICE_FACILITY', 'VEHICLE_PICKUP', 'SERVICE_QUALITY'] as const;
export type CsiFactor = (typeof CSI_FACTORS)[number];

export const QUESTION_TYPES = ['SCALE_0_10', 'SCALE_1_5', 'YES_NO', 'SINGLE_CHOICE', 'MULTIPLE_CHOICE', 'TEXT'] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

/** Types whose answer is a number on a scale and can feed CSI factors and top-box shares. */
export const RATING_TYPES: ReadonlySet<QuestionType> = new Set(['SCALE_0_10', 'SCALE_1_5']);

export type Localized = Record<Language, string>;

export interface ChoiceOption {
  id: string;
  label: Localized;
}

export interface Question {
  id: string;
  type: QuestionType;
  text: Localized;
  required: boolean;
  /** Rating and yes/no questions may count towards one CSI factor. */
  factor?: CsiFactor;
  /** The likelihood-to-recommend question (SCALE_0_10) that NPS is computed from; exactly one per questionnaire. */
  nps?: boolean;
  /** A YES_NO question whose "yes" means the customer explicitly asks for a complaint. */
  complaintRequest?: boolean;
  options?: ChoiceOption[];
  /** TEXT answers: longest accepted answer in characters. */
  maxLength?: number;
}

/** When an answered survey counts as dissatisfaction and closes the loop into a complaint. */
export interface DissatisfactionPolicy {
  /** NPS 0-6. */
  npsDetractor: boolean;
  /** A CSI factor scored below this value (0-1000 scale); null = rule off. */
  factorBelow: number | null;
  /** The customer answered "yes" to the complaint-request question. */
  explicitComplaint: boolean;
}

export interface Questionnaire {
  id: string;
  version: number;
  title: Localized;
  questions: Question[];
  /** Relative weights of the CSI factors; normalised over the factors a response actually rated. */
  factorWeights: Record<CsiFactor, number>;
  dissatisfaction: DissatisfactionPolicy;
}

export interface Issue {
  field: string;
  rule: string;
  message: string;
}

const ID = /^[a-z0-9][a-z0-9_-]{0,63}$/;
export const MAX_TEXT_LENGTH = 2000;

/** Every rule a questionnaire must satisfy before it may be published; [] when valid. */
export function validateQuestionnaire(q: Omit<Questionnaire, 'version'>): Issue[] {
  const issues: Issue[] = [];
  const push = (field: string, rule: string, message: string) => issues.push({ field, rule, message });
  if (!ID.test(q.id)) push('id', 'pattern', 'must be 1-64 lowercase letters, digits, _ or -');
  issues.push(...localizedIssues('title', q.title));
  if (q.questions.length === 0) push('questions', 'minSize', 'a questionnaire needs at least one question');
  const seen = new Set<string>();
  q.questions.forEach((question, i) => {
    const at = `questions.${i}`;
    if (!ID.test(question.id)) push(`${at}.id`, 'pattern', 'must be 1-64 lowercase letters, digits, _ or -');
    if (seen.has(question.id)) push(`${at}.id`, 'unique', `question id ${question.id} appears twice`);
    seen.add(question.id);
    issues.push(...localizedIssues(`${at}.text`, question.text));
    const choice = question.type === 'SINGLE_CHOICE' || question.type === 'MULTIPLE_CHOICE';
    if (choice) {
      const options = question.options ?? [];
      if (options.length < 2) push(`${at}.options`, 'minSize', 'a choice question needs at least two options');
      const optionIds = new Set<string>();
      options.forEach((o, j) => {
        if (!ID.test(o.id)) push(`${at}.options.${j}.id`, 'pattern', 'must be 1-64 lowercase letters, digits, _ or -');
        if (optionIds.has(o.id)) push(`${at}.options.${j}.id`, 'unique', `option id ${o.id} appears twice`);
        optionIds.add(o.id);
        issues.push(...localizedIssues(`${at}.options.${j}.label`, o.label));
      });
    } else if (question.options?.length) {
      push(`${at}.options`, 'notAllowed', `a ${question.type} question has no options`);
    }
    if (question.factor && !(RATING_TYPES.has(question.type) || question.type === 'YES_NO')) {
      push(`${at}.factor`, 'ratingOnly', 'only rating and yes/no questions count towards a CSI factor');
    }
    if (question.nps && question.type !== 'SCALE_0_10') push(`${at}.nps`, 'scale0to10', 'the NPS question must be SCALE_0_10');
    if (question.complaintRequest && question.type !== 'YES_NO') {
      push(`${at}.complaintRequest`, 'yesNoOnly', 'the complaint-request question must be YES_NO');
    }
    if (question.maxLength !== undefined && (question.type !== 'TEXT' || question.maxLength < 1 || question.maxLength > MAX_TEXT_LENGTH)) {
      push(`${at}.maxLength`, 'range', `only TEXT questions have a maxLength, between 1 and ${MAX_TEXT_LENGTH}`);
    }
  });
  const npsQuestions = q.questions.filter((x) => x.nps).length;
  if (npsQuestions !== 1) push('questions', 'oneNps', `exactly one question must be the NPS question (found ${npsQuestions})`);
  for (const factor of CSI_FACTORS) {
    const w = q.factorWeights[factor];
    if (typeof w !== 'number' || !Number.isFinite(w) || w < 0) push(`factorWeights.${factor}`, 'min', 'must be a number >= 0');
    else if (w > 0 && !q.questions.some((x) => x.factor === factor)) {
      push(`factorWeights.${factor}`, 'unused', `no question measures ${factor}, so its weight must be 0`);
    }
  }
  if (CSI_FACTORS.every((f) => !(q.factorWeights[f] > 0))) push('factorWeights', 'positiveSum', 'at least one factor needs a weight > 0');
  const { factorBelow } = q.dissatisfaction;
  if (factorBelow !== null && (!Number.isFinite(factorBelow) || factorBelow < 0 || factorBelow > 1000)) {
    push('dissatisfaction.factorBelow', 'range', 'must be between 0 and 1000, or null');
  }
  if (q.dissatisfaction.explicitComplaint && !q.questions.some((x) => x.complaintRequest)) {
    push('dissatisfaction.explicitComplaint', 'needsQuestion', 'needs a YES_NO question marked complaintRequest');
  }
  return issues;
}

function localizedIssues(field: string, text: Partial<Localized> | undefined): Issue[] {
  return LANGUAGES.flatMap((lang) =>
    typeof text?.[lang] === 'string' && text[lang]!.trim().length > 0
      ? []
      : [{ field: `${field}.${lang}`, rule: 'translated', message: `needs a non-empty ${lang} text` }],
  );
}

/** The wording of a questionnaire in one language (what the web form shows). */
export function localize(q: Questionnaire, language: Language) {
  return {
    id: q.id,
    version: q.version,
    language,
    direction: textDirection(language),
    title: q.title[language],
    questions: q.questions.map((x) => ({
      id: x.id,
      type: x.type,
      required: x.required,
      text: x.text[language],
      options: (x.options ?? []).map((o) => ({ id: o.id, label: o.label[language] })),
      maxLength: x.type === 'TEXT' ? (x.maxLength ?? MAX_TEXT_LENGTH) : null,
    })),
  };
}
