import type { Rng } from './rng';

/**
 * What one "journey" of the simulator is. The weights are shares of the journeys started per minute:
 * roughly half the traffic is inbound calls (with the categories in the proportions a brand hotline
 * sees), a third workshop visits, the rest parts replenishment and complaints reaching HQ in writing.
 */
export const SCENARIOS = [
  'CALL_FAULT_REPAIR',
  'CALL_COMPLAINT',
  'CALL_CONSULTATION',
  'CALL_RESCUE',
  'CALL_PURCHASE',
  'CALL_SUGGESTION',
  'CALL_OTHER',
  'WORKSHOP_APPOINTMENT',
  'WORKSHOP_WALK_IN',
  'PARTS_REPLENISHMENT',
  'COMPLAINT_WRITTEN',
] as const;
export type Scenario = (typeof SCENARIOS)[number];

export const DEFAULT_MIX: Readonly<Record<Scenario, number>> = {
  CALL_FAULT_REPAIR: 10,
  CALL_COMPLAINT: 6,
  CALL_CONSULTATION: 9,
  CALL_RESCUE: 3,
  CALL_PURCHASE: 5,
  CALL_SUGGESTION: 2,
  CALL_OTHER: 4,
  WORKSHOP_APPOINTMENT: 20,
  WORKSHOP_WALK_IN: 16,
  PARTS_REPLENISHMENT: 8,
  COMPLAINT_WRITTEN: 4,
};

export function pickScenario(rng: Rng, mix: Readonly<Partial<Record<Scenario, number>>> = DEFAULT_MIX): Scenario {
  const s = rng.weighted(SCENARIOS, (k) => mix[k] ?? 0);
  if (!s) throw new Error('the scenario mix has no positive weight');
  return s;
}

/** Scenario families, for the centers a scenario may start at. */
export function isWorkshopScenario(s: Scenario): boolean {
  return s === 'WORKSHOP_APPOINTMENT' || s === 'WORKSHOP_WALK_IN';
}

// ---------------------------------------------------------------------------------------------- surveys

export type SurveyProfile = 'PROMOTER' | 'PASSIVE' | 'DETRACTOR';

/** Shares of customers by how they answer (J.D. Power-like after-sales: most promoters, some detractors). */
export const DEFAULT_SURVEY_MIX: Readonly<Record<SurveyProfile, number>> = { PROMOTER: 0.55, PASSIVE: 0.28, DETRACTOR: 0.17 };

export function pickSurveyProfile(rng: Rng, mix: Readonly<Record<SurveyProfile, number>> = DEFAULT_SURVEY_MIX): SurveyProfile {
  return rng.weighted(['PROMOTER', 'PASSIVE', 'DETRACTOR'] as const, (p) => mix[p])!;
}

export interface SurveyQuestion {
  id: string;
  type: 'SCALE_0_10' | 'SCALE_1_5' | 'YES_NO' | 'SINGLE_CHOICE' | 'MULTIPLE_CHOICE' | 'TEXT';
  required: boolean;
  nps?: boolean | null;
  complaintRequest?: boolean | null;
  options?: { id: string }[] | null;
  maxLength?: number | null;
}

export interface SurveyAnswer {
  questionId: string;
  value?: number;
  yes?: boolean;
  choices?: string[];
  text?: string;
}

const COMMENTS: Record<SurveyProfile, string[]> = {
  PROMOTER: ['Friendly advisor and the car was ready on time.', 'Quick service, clear explanation of the work.', 'Very professional, thank you.'],
  PASSIVE: ['Fine overall, but the waiting area was crowded.', 'Good repair, the bill was a bit higher than expected.', 'OK, took longer than promised.'],
  DETRACTOR: ['Nobody called me back and the noise is still there.', 'Waited three hours past the promised time.', 'The same fault came back a week later.'],
};

/**
 * Answers to a questionnaire as a customer of this profile gives them: NPS 9-10 / 7-8 / 0-6, CSI
 * scales high / middle / low, and a detractor now and then asks for a complaint. Works from the
 * questions the surveys service publishes, so a new questionnaire version needs no change here.
 */
export function surveyAnswers(questions: readonly SurveyQuestion[], profile: SurveyProfile, rng: Rng): SurveyAnswer[] {
  const out: SurveyAnswer[] = [];
  for (const q of questions) {
    if (!q.required && !rng.chance(q.type === 'TEXT' ? 0.4 : 0.6)) continue;
    switch (q.type) {
      case 'SCALE_0_10':
        out.push({ questionId: q.id, value: profile === 'PROMOTER' ? rng.int(9, 10) : profile === 'PASSIVE' ? rng.int(7, 8) : rng.int(0, 6) });
        break;
      case 'SCALE_1_5':
        out.push({ questionId: q.id, value: profile === 'PROMOTER' ? rng.int(4, 5) : profile === 'PASSIVE' ? rng.int(3, 4) : rng.int(1, 3) });
        break;
      case 'YES_NO':
        out.push({ questionId: q.id, yes: q.complaintRequest ? profile === 'DETRACTOR' && rng.chance(0.3) : profile !== 'DETRACTOR' || rng.chance(0.3) });
        break;
      case 'SINGLE_CHOICE':
        if (q.options?.length) out.push({ questionId: q.id, choices: [rng.pick(q.options).id] });
        break;
      case 'MULTIPLE_CHOICE':
        if (q.options?.length) {
          const picked = rng.subset(q.options, profile === 'PROMOTER' ? 0.15 : 0.4).map((o) => o.id);
          out.push({ questionId: q.id, choices: picked.length ? picked : [rng.pick(q.options).id] });
        }
        break;
      case 'TEXT': {
        const text = rng.pick(COMMENTS[profile]);
        out.push({ questionId: q.id, text: q.maxLength ? text.slice(0, q.maxLength) : text });
        break;
      }
    }
  }
  return out;
}

/** NPS of a set of 0-10 answers: % promoters minus % detractors. */
export function npsOf(values: readonly number[]): number | null {
  if (!values.length) return null;
  const promoters = values.filter((v) => v >= 9).length;
  const detractors = values.filter((v) => v <= 6).length;
  return ((promoters - detractors) / values.length) * 100;
}
