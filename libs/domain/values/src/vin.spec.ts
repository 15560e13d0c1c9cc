import fc from 'fast-check';
import { normalizeVin, vinCheckDigit, vinIssues } from './vin';

describe('VIN (ISO 3779)', () => {
  it('accepts a North American VIN whose position 9 holds the computed check digit', () => {
    // The 49 CFR 565 worked example: weights 8..2,10,0,9..2 over transliterated characters, sum mod 11 = 10 -> X.
    expect(vinCheckDigit('1M8GDM9AXKP042788')).toBe('X');
    expect(vinIssues('1M8GDM9AXKP042788')).toEqual([]);
    expect(vinIssues('11111111111111111')).toEqual([]);
  });

  it('rejects a wrong check digit where it is mandatory (North America, China)', () => {
    expect(vinIssues('1M8GDM9A1KP042788')).toEqual([expect.objectContaining({ field: 'vehicle.vin', rule: 'vinCheckDigit' })]);
    expect(vinIssues('LJ12EKR25A4000001').map((i) => i.rule)).toEqual(['vinCheckDigit']);
  });

  it('does not check position 9 for VINs from regions where ISO 3779 leaves it to the maker', () => {
    expect(vinIssues('WVWZZZ1JZXW000001')).toEqual([]);
    expect(vinIssues('9BWZZZ377VT004251')).toEqual([]);
  });

  it('names length and alphabet problems', () => {
    expect(vinIssues('1M8GDM9AXKP04278').map((i) => i.rule)).toEqual(['vinLength']);
    expect(vinIssues('1M8GDM9AXKP04278O').map((i) => i.rule)).toEqual(['vinCharacters']);
    expect(vinIssues('WVWZZZ1JZXW00000I').map((i) => i.rule)).toEqual(['vinCharacters']);
  });

  it('normalizes what people type before checking: case, surrounding spaces, spaces and dashes inside, full-width input', () => {
    for (const typed of [' 1m8gdm9axkp042788 ', '1M8-GDM9AX-KP042788', '1m8 gdm9ax kp04 2788', '1M8–GDM9AXKP042788', '\t1M8GDM9AXKP042788\n', '１Ｍ８ＧＤＭ９ＡＸＫＰ０４２７８８']) {
      expect(normalizeVin(typed)).toBe('1M8GDM9AXKP042788');
      expect(vinIssues(typed)).toEqual([]);
    }
    // Normalizing never repairs a VIN: a lower-case o is still an O, and separators do not count towards the 17.
    expect(vinIssues('1m8gdm9axkp04278o').map((i) => i.rule)).toEqual(['vinCharacters']);
    expect(vinIssues('1M8-GDM9AX-KP04278').map((i) => i.rule)).toEqual(['vinLength']);
    expect(vinIssues('1m8-gdm9a1-kp042788').map((i) => i.rule)).toEqual(['vinCheckDigit']);
    expect(vinIssues('1M8GDM9AXKP0427.8').map((i) => i.rule)).toEqual(['vinCharacters']);
  });

  it('any 16 characters completed with their check digit form a valid VIN (property)', () => {
    const char = fc.constantFrom(...'0123456789ABCDEFGHJKLMNPRSTUVWXYZ'.split(''));
    fc.assert(
      fc.property(fc.constantFrom('1', '2', '3', '4', '5', 'L'), fc.array(char, { minLength: 15, maxLength: 15 }), (first, rest) => {
        const draft = first + rest.join('');
        const vin = draft.slice(0, 8) + '0' + draft.slice(8);
        const fixed = vin.slice(0, 8) + vinCheckDigit(vin) + vin.slice(9);
        expect(vinIssues(fixed)).toEqual([]);
        const wrong = fixed.slice(0, 8) + (fixed[8] === '0' ? '1' : '0') + fixed.slice(9);
        expect(vinIssues(wrong).map((i) => i.rule)).toEqual(['vinCheckDigit']);
      }),
    );
  });
});
