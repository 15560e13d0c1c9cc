import fc from 'fast-check';
import { proposeClass, scanKeywords } from './classification';
import { A_FLAGS, COMPLAINT_TYPES } from './model';
import type { RepeatMatch } from './repeat';

const repeat: RepeatMatch = {
  complaintId: 'c-1',
  number: 'CMP-2025-000001',
  receivedAt: new Date('2025-05-01T00:00:00Z'),
  by: 'VIN',
  key: 'vin|LJ166A2X1N1234567',
  basis: 'TEXT',
  problemCode: null,
  similarity: 0.82,
  threshold: 0.6,
  sharedTerms: ['NOISE', 'ENGINE'],
  problemKey: 'TEXT',
  reason: 'same VIN LJ166A2X1N1234567 and same problem by text similarity 0.82 >= 0.6 (shared terms: NOISE, ENGINE) as complaint CMP-2025-000001 10 day(s) earlier (window 180 days)',
};

describe('A keywords', () => {
  it.each([
    ['en', 'The car caught fire on the highway', 'FIRE'],
    ['zh', '车辆在高速上自燃了', 'FIRE'],
    ['pt', 'Vou procurar a imprensa e o Reclame Aqui', 'MEDIA_THREAT'],
    ['es', 'Presentaré una demanda ante PROFECO', 'GOVERNMENT_INVESTIGATION'],
    ['ru', 'Попали в аварию, есть травмы', 'SAFETY_ACCIDENT'],
    ['fr', 'Je vais contacter un journaliste', 'MEDIA_THREAT'],
    ['ar', 'حدث حريق في السيارة', 'FIRE'],
  ])('finds %s keywords', (_lang, text, flag) => {
    expect(scanKeywords(text).map((h) => h.flag)).toContain(flag);
  });

  it('matches whole words in Latin scripts, with declared prefixes only', () => {
    expect(scanKeywords('The advisor was fired last week')).toEqual([]);
    expect(scanKeywords('Two people were injured').map((h) => h.keyword)).toEqual(['injur*']);
    expect(scanKeywords('The paint has small scratches')).toEqual([]);
  });
});

describe('proposeClass', () => {
  it('A outranks B, B outranks the content classes', () => {
    expect(proposeClass({ type: 'PRODUCT_QUALITY', flags: ['FIRE'], texts: [], repeat }).proposed).toBe('A');
    expect(proposeClass({ type: 'PRODUCT_QUALITY', flags: [], texts: ['engine smoke'], repeat }).proposed).toBe('A');
    const b = proposeClass({ type: 'PRODUCT_QUALITY', flags: [], texts: ['engine noise again'], repeat });
    expect(b).toMatchObject({ proposed: 'B', reasons: [{ rule: 'repeat', detail: expect.stringContaining('CMP-2025-000001') }] });
    expect(proposeClass({ type: 'SERVICE_QUALITY', flags: [], texts: ['rude advisor'], repeat: null }).proposed).toBe('C');
    expect(proposeClass({ type: 'CLIENT_SUGGESTION', flags: [], texts: ['add cup holders'], repeat: null }).proposed).toBe('SUGGESTION');
    expect(proposeClass({ type: 'NO_SUBJECT', flags: [], texts: ['?'], repeat: null }).proposed).toBe('OTHERS');
  });

  it('any A flag makes A whatever the type, text or history (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...COMPLAINT_TYPES),
        fc.subarray([...A_FLAGS], { minLength: 1 }),
        fc.string(),
        fc.boolean(),
        (type, flags, text, isRepeat) => {
          const r = proposeClass({ type, flags, texts: [text], repeat: isRepeat ? repeat : null });
          return r.proposed === 'A' && flags.every((f) => r.reasons.some((x) => x.detail === `flagged ${f}`));
        },
      ),
    );
  });
});
