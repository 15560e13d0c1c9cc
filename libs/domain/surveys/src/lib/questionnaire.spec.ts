import { DEFAULT_QUESTIONNAIRE } from './default-questionnaire';
import { LANGUAGES, localize, textDirection, validateQuestionnaire, type Questionnaire } from './questionnaire';

const clone = (): Questionnaire => structuredClone(DEFAULT_QUESTIONNAIRE);
const rules = (q: Questionnaire) => validateQuestionnaire(q).map((i) => `${i.field}:${i.rule}`);

describe('questionnaires', () => {
  it('the default questionnaire is valid and covers the five CSI factors in six languages', () => {
    expect(validateQuestionnaire(DEFAULT_QUESTIONNAIRE)).toEqual([]);
    expect(new Set(DEFAULT_QUESTIONNAIRE.questions.flatMap((q) => (q.factor ? [q.factor] : []))).size).toBe(5);
    for (const lang of LANGUAGES) expect(localize(DEFAULT_QUESTIONNAIRE, lang).questions.every((q) => q.text.length > 0)).toBe(true);
  });

  it('Arabic is right to left, the others left to right', () => {
    expect(localize(DEFAULT_QUESTIONNAIRE, 'ar').direction).toBe('RTL');
    expect(LANGUAGES.filter((l) => textDirection(l) === 'RTL')).toEqual(['ar']);
  });

  it('names each broken rule', () => {
    const q = clone();
    delete (q.questions[0].text as Partial<Record<string, string>>).ar;
    q.questions[1].id = q.questions[0].id;
    q.questions[6].nps = false;
    q.questions[7].options = [q.questions[7].options![0]];
    q.questions[9].factor = 'SERVICE_QUALITY';
    q.factorWeights.SERVICE_ADVISOR = -1;
    q.dissatisfaction.factorBelow = 1200;
    expect(rules(q)).toEqual(
      expect.arrayContaining([
        'questions.0.text.ar:translated',
        'questions.1.id:unique',
        'questions:oneNps',
        'questions.7.options:minSize',
        'questions.9.factor:ratingOnly',
        'factorWeights.SERVICE_ADVISOR:min',
        'dissatisfaction.factorBelow:range',
      ]),
    );
  });

  it('a weighted factor needs a question, and explicit complaints need the complaint question', () => {
    const q = clone();
    q.questions = q.questions.filter((x) => x.factor !== 'SERVICE_FACILITY' && !x.complaintRequest);
    expect(rules(q)).toEqual(expect.arrayContaining(['factorWeights.SERVICE_FACILITY:unused', 'dissatisfaction.explicitComplaint:needsQuestion']));
  });
});
