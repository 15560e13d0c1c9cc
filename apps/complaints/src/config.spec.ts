import { ConfigError } from '@aftersales/platform-core';
import { complaintsConfig } from './config';

const valid = { MONGO_URL: 'mongodb://127.0.0.1:27017/', KAFKA_BROKERS: '127.0.0.1:9092', JWT_SECRET: 'x'.repeat(32) };

const problemsOf = (env: Record<string, string>) => {
  try {
    complaintsConfig({ ...valid, ...env });
  } catch (e) {
    return (e as ConfigError).problems.map((p) => `${p.variable}: ${p.message}`);
  }
  return [];
};

describe('complaints configuration: the repeat rule', () => {
  it('defaults to a 180-day window, a similarity threshold of 0.6 and 50 candidates per subject', () => {
    expect(complaintsConfig(valid)).toMatchObject({ COMPLAINTS_REPEAT_WINDOW_DAYS: 180, COMPLAINTS_REPEAT_SIMILARITY: 0.6, COMPLAINTS_REPEAT_CANDIDATES: 50 });
    expect(complaintsConfig({ ...valid, COMPLAINTS_REPEAT_SIMILARITY: '0.75', COMPLAINTS_REPEAT_CANDIDATES: '20' })).toMatchObject({ COMPLAINTS_REPEAT_SIMILARITY: 0.75, COMPLAINTS_REPEAT_CANDIDATES: 20 });
  });

  it.each(['0', '0.01', '1.5', 'high', '-0.6'])('refuses COMPLAINTS_REPEAT_SIMILARITY=%s at boot, naming the variable', (value) => {
    const problems = problemsOf({ COMPLAINTS_REPEAT_SIMILARITY: value });
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.every((p) => p.startsWith('COMPLAINTS_REPEAT_SIMILARITY: COMPLAINTS_REPEAT_SIMILARITY must'))).toBe(true);
  });

  it.each(['0', '501', '2.5'])('refuses COMPLAINTS_REPEAT_CANDIDATES=%s', (value) => {
    expect(problemsOf({ COMPLAINTS_REPEAT_CANDIDATES: value }).map((p) => p.split(':')[0])).toContain('COMPLAINTS_REPEAT_CANDIDATES');
  });
});

describe('complaints configuration: the PDF font', () => {
  it('needs none: the bundled font is used', () => {
    expect(complaintsConfig(valid).COMPLAINTS_PDF_FONT).toBeUndefined();
  });

  it('refuses a font path that names no file, or no TTF/OTF, at boot', () => {
    expect(problemsOf({ COMPLAINTS_PDF_FONT: '/nowhere/NotoSansCJK-Regular.otf' })).toEqual(['COMPLAINTS_PDF_FONT: COMPLAINTS_PDF_FONT names no readable file: /nowhere/NotoSansCJK-Regular.otf']);
    expect(problemsOf({ COMPLAINTS_PDF_FONT: '/usr/share/fonts/NotoSansCJK.ttc' }).map((p) => p.split(':')[0])).toEqual(['COMPLAINTS_PDF_FONT']);
  });
});
