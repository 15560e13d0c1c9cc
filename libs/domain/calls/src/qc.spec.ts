import { detectTaboos, scoreCall, StandardTerms } from './qc';

const record = { who: 'Ana', when: 'today 11:20', where: 'São Paulo', what: 'noise', why: 'wants repair', how: 'dealer asked' };

describe('QC scoring', () => {
  it('a call with every standard term, no taboo and a full 5W1H record scores 100 and passes', () => {
    expect(scoreCall({ termsUsed: [...StandardTerms], taboos: [] }, record)).toMatchObject({ score: 100, issues: 0, passed: true });
  });

  it('finds taboos in the transcript and fails the call whatever its points', () => {
    const s = scoreCall(
      { termsUsed: [...StandardTerms], taboos: [], transcript: "Sorry, I don't know. Maybe the dealer has it, probably tomorrow." },
      record,
    );
    expect(s.taboos).toEqual(['LACK_OF_KNOWLEDGE', 'UNCERTAIN_ANSWER']);
    expect(s).toMatchObject({ score: 80, tabooScore: 10, passed: false, issues: 2 });
  });

  it('missing terms and vague 5W1H elements cost points and count as issues', () => {
    const s = scoreCall({ termsUsed: ['OPENING_REMARKS', 'CONCLUDING_REMARKS', 'ASKS_ANYTHING_ELSE'], taboos: ['INTERRUPTING'], inadequateRecord: ['where'] }, { ...record, why: '' });
    expect(s.missingTerms).toEqual(['TERMS_OF_ADDRESS', 'APOLOGY_WHEN_KEEPING_WAITING', 'REPEATS_CUSTOMER_QUESTION']);
    expect(s.missingRecord).toEqual(['where', 'why']);
    expect(s).toMatchObject({ termsScore: 20, tabooScore: 20, recordScore: 20, score: 60, issues: 6, passed: false });
  });

  it('plain polite wording is not a taboo', () => {
    expect(detectTaboos('Good morning, this is the customer service center. What can I do for you?')).toEqual([]);
    expect(detectTaboos('That is impossible, no way.')).toEqual(['NEGATIVE_WORDS']);
  });
});
