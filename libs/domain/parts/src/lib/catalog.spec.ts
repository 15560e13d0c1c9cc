import fc from 'fast-check';
import { genuineCode, genuineVerdict, isWellFormedGenuineCode, supersessionChain } from './catalog';

describe('genuine package codes', () => {
  it('every issued code is well formed and any single mistyped character is caught', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 12, maxLength: 12 }), fc.nat(12), fc.nat(31), (bytes, pos, shift) => {
        const code = genuineCode(bytes);
        expect(isWellFormedGenuineCode(code)).toBe(true);
        const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
        const replaced = alphabet[(alphabet.indexOf(code[pos]) + 1 + (shift % 31)) % 32];
        expect(isWellFormedGenuineCode(code.slice(0, pos) + replaced + code.slice(pos + 1))).toBe(false);
      }),
    );
  });

  it('is genuine once; a second scan of the same code is flagged', () => {
    const code = genuineCode(new Uint8Array(12).fill(7));
    expect(genuineVerdict(code, 'P1', { partNumber: 'P1' }, true)).toBe('GENUINE');
    expect(genuineVerdict(code, 'P1', { partNumber: 'P1' }, false)).toBe('ALREADY_VERIFIED');
    expect(genuineVerdict(code, 'P2', { partNumber: 'P1' }, true)).toBe('WRONG_PART');
    expect(genuineVerdict(code, 'P1', null, true)).toBe('UNKNOWN_CODE');
    expect(genuineVerdict('NOT-A-CODE', 'P1', null, true)).toBe('MALFORMED');
  });
});

describe('supersession', () => {
  it('follows the chain to the current part and refuses cycles', () => {
    const next: Record<string, string> = { OLD: 'MID', MID: 'NEW' };
    expect(supersessionChain('OLD', (p) => next[p])).toEqual(['OLD', 'MID', 'NEW']);
    expect(() => supersessionChain('OLD', (p) => ({ ...next, NEW: 'OLD' })[p])).toThrow('supersession cycle: OLD -> MID -> NEW -> OLD');
  });
});
