import { DEFAULT_QUESTIONNAIRE, npsCategory, validateAnswers } from '@aftersales/domain-surveys';
import { DEFAULT_MIX, DEFAULT_SURVEY_MIX, npsOf, pickScenario, pickSurveyProfile, SCENARIOS, surveyAnswers, type SurveyProfile } from './mix';
import { Rng } from './rng';

describe('the mix of scenarios', () => {
  it('draws each scenario in proportion to its weight', () => {
    const rng = new Rng(2026);
    const n = 20_000;
    const counts = new Map<string, number>();
    for (let i = 0; i < n; i++) {
      const s = pickScenario(rng);
      counts.set(s, (counts.get(s) ?? 0) + 1);
    }
    const total = Object.values(DEFAULT_MIX).reduce((a, b) => a + b, 0);
    for (const s of SCENARIOS) {
      expect(Math.abs((counts.get(s) ?? 0) / n - DEFAULT_MIX[s] / total)).toBeLessThan(0.012);
    }
  });

  it('is about half calls and a third workshop visits', () => {
    const total = Object.values(DEFAULT_MIX).reduce((a, b) => a + b, 0);
    const calls = SCENARIOS.filter((s) => s.startsWith('CALL_')).reduce((a, s) => a + DEFAULT_MIX[s], 0) / total;
    const workshop = (DEFAULT_MIX.WORKSHOP_APPOINTMENT + DEFAULT_MIX.WORKSHOP_WALK_IN) / total;
    expect(calls).toBeGreaterThan(0.4);
    expect(calls).toBeLessThan(0.5);
    expect(workshop).toBeGreaterThan(0.33);
    expect(workshop).toBeLessThan(0.45);
  });

  it('never draws a scenario weighted 0, and refuses an empty mix', () => {
    const rng = new Rng(1);
    for (let i = 0; i < 500; i++) expect(pickScenario(rng, { CALL_COMPLAINT: 1, WORKSHOP_WALK_IN: 0 })).toBe('CALL_COMPLAINT');
    expect(() => pickScenario(rng, {})).toThrow(/no positive weight/);
  });
});

describe('survey answers', () => {
  const questions = DEFAULT_QUESTIONNAIRE.questions.map((q) => ({ ...q, options: q.options ?? null }));

  it.each(['PROMOTER', 'PASSIVE', 'DETRACTOR'] as SurveyProfile[])('are valid for the surveys service and in the %s range', (profile) => {
    const rng = new Rng(11);
    for (let i = 0; i < 200; i++) {
      const answers = surveyAnswers(questions as never, profile, rng);
      expect(validateAnswers(DEFAULT_QUESTIONNAIRE, answers)).toEqual([]);
      const nps = answers.find((a) => a.questionId === 'recommend')!.value!;
      expect(npsCategory(nps)).toBe(profile === 'PASSIVE' ? 'PASSIVE' : profile);
    }
  });

  it('come from promoters, passives and detractors in the configured shares', () => {
    const rng = new Rng(5);
    const n = 10_000;
    const counts: Record<SurveyProfile, number> = { PROMOTER: 0, PASSIVE: 0, DETRACTOR: 0 };
    for (let i = 0; i < n; i++) counts[pickSurveyProfile(rng)]++;
    for (const p of Object.keys(counts) as SurveyProfile[]) expect(Math.abs(counts[p] / n - DEFAULT_SURVEY_MIX[p])).toBeLessThan(0.015);
  });

  it('make an NPS that matches the mix (55 % promoters, 17 % detractors: about +38)', () => {
    const rng = new Rng(9);
    const values: number[] = [];
    for (let i = 0; i < 5000; i++) values.push(surveyAnswers(questions as never, pickSurveyProfile(rng), rng).find((a) => a.questionId === 'recommend')!.value!);
    expect(npsOf(values)!).toBeGreaterThan(33);
    expect(npsOf(values)!).toBeLessThan(43);
    expect(npsOf([])).toBeNull();
  });
});
