import fc from 'fast-check';
import { dissatisfactionReasons, npsCategory, scoreResponse, validateAnswers, type Answer } from './answers';
import { DEFAULT_QUESTIONNAIRE as Q } from './default-questionnaire';

const good = (over: Partial<Record<string, Partial<Answer>>> = {}): Answer[] =>
  [
    { questionId: 'initiation', value: 5 },
    { questionId: 'advisor', value: 4 },
    { questionId: 'facility', value: 5 },
    { questionId: 'pickup', value: 3 },
    { questionId: 'quality', value: 5 },
    { questionId: 'fixed_first_time', yes: true },
    { questionId: 'recommend', value: 9 },
    { questionId: 'improve', choices: ['price'] },
    { questionId: 'comment', text: 'Fine' },
  ].map((a) => ({ ...a, ...(over[a.questionId] ?? {}) }));

const rules = (answers: Answer[]) => validateAnswers(Q, answers).map((i) => `${i.field}:${i.rule}`);

describe('answer validation per question type', () => {
  it('accepts a complete answer set', () => {
    expect(validateAnswers(Q, good())).toEqual([]);
  });

  it('refuses out of range, wrong kind, unknown options, too long texts, missing and unknown questions', () => {
    const answers = good({
      advisor: { value: 6 },
      recommend: { value: 7.5 },
      fixed_first_time: { yes: undefined, value: 1 },
      improve: { choices: ['price', 'free_coffee'] },
      comment: { text: 'x'.repeat(1001) },
    }).filter((a) => a.questionId !== 'quality');
    answers.push({ questionId: 'contact_preference', choices: ['phone', 'email'] }, { questionId: 'nope', value: 1 });
    expect(rules(answers).sort()).toEqual(
      [
        'answers.advisor:range',
        'answers.recommend:integer',
        'answers.fixed_first_time:answerKind',
        'answers.improve:option',
        'answers.comment:maxLength',
        'answers.contact_preference:singleChoice',
        'answers.9.questionId:unknownQuestion',
        'answers.quality:required',
      ].sort(),
    );
  });

  it('refuses a question answered twice', () => {
    expect(rules([...good(), { questionId: 'advisor', value: 3 }])).toEqual(['answers.advisor:duplicate']);
  });
});

describe('scoring', () => {
  it('computes factor scores, weighted CSI, NPS and top box', () => {
    const s = scoreResponse(Q, good());
    expect(s.factors).toEqual({ SERVICE_INITIATION: 1000, SERVICE_ADVISOR: 750, SERVICE_FACILITY: 1000, VEHICLE_PICKUP: 500, SERVICE_QUALITY: 1000 });
    // 0.16*1000 + 0.2*750 + 0.15*1000 + 0.17*500 + 0.32*1000 = 865
    expect(s.csi).toBe(865);
    expect(s).toMatchObject({ nps: 9, npsCategory: 'PROMOTER', topBox: 4, topBoxBase: 6, complaintRequested: false, verbatim: 'Fine' });
  });

  it('NPS categories: 0-6 detractor, 7-8 passive, 9-10 promoter', () => {
    expect([0, 6, 7, 8, 9, 10].map(npsCategory)).toEqual(['DETRACTOR', 'DETRACTOR', 'PASSIVE', 'PASSIVE', 'PROMOTER', 'PROMOTER']);
  });

  it('CSI is always within 0-1000 and between the lowest and highest factor', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 5, maxLength: 5 }), fc.integer({ min: 0, max: 10 }), fc.boolean(), (r, nps, fixed) => {
        const answers = good({
          initiation: { value: r[0] },
          advisor: { value: r[1] },
          facility: { value: r[2] },
          pickup: { value: r[3] },
          quality: { value: r[4] },
          recommend: { value: nps },
          fixed_first_time: { yes: fixed },
        });
        expect(validateAnswers(Q, answers)).toEqual([]);
        const s = scoreResponse(Q, answers);
        const factors = Object.values(s.factors);
        expect(s.csi!).toBeGreaterThanOrEqual(Math.min(...factors) - 0.1);
        expect(s.csi!).toBeLessThanOrEqual(Math.max(...factors) + 0.1);
      }),
    );
  });
});

describe('dissatisfaction policy', () => {
  it('a detractor, a factor below the threshold and an explicit complaint each count', () => {
    const s = scoreResponse(Q, good({ recommend: { value: 3 }, advisor: { value: 1 } }).concat({ questionId: 'complaint', yes: true }));
    expect(dissatisfactionReasons(Q, s)).toEqual([
      { kind: 'NPS_DETRACTOR', nps: 3 },
      { kind: 'FACTOR_BELOW_THRESHOLD', factor: 'SERVICE_ADVISOR', score: 0, threshold: 400 },
      { kind: 'EXPLICIT_COMPLAINT' },
    ]);
  });

  it('each rule can be switched off', () => {
    const q = { ...Q, dissatisfaction: { npsDetractor: false, factorBelow: null, explicitComplaint: false } };
    const s = scoreResponse(q, good({ recommend: { value: 0 }, advisor: { value: 1 } }).concat({ questionId: 'complaint', yes: true }));
    expect(dissatisfactionReasons(q, s)).toEqual([]);
  });

  it('a satisfied customer raises nothing', () => {
    expect(dissatisfactionReasons(Q, scoreResponse(Q, good()))).toEqual([]);
  });
});
