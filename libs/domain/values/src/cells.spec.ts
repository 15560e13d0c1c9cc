import { exportCell, stripMarkup } from './cells';

describe('export cells', () => {
  it('makes a text that starts like a formula inert with a leading quote (OWASP)', () => {
    expect(exportCell('=HYPERLINK("http://evil.example","click")')).toBe(`'=HYPERLINK("http://evil.example","click")`);
    expect(exportCell('@SUM(A1:A9)')).toBe(`'@SUM(A1:A9)`);
    expect(exportCell('+1+cmd|calc')).toBe(`'+1+cmd|calc`);
    expect(exportCell('-2+3')).toBe(`'-2+3`);
    expect(exportCell('\t=1')).toBe(`'\t=1`);
    expect(exportCell('\r=1')).toBe(`'\r=1`);
    expect(exportCell('＝1+1')).toBe(`'＝1+1`);
  });

  it('leaves numbers, dates, booleans, empty values and ordinary text alone', () => {
    const date = new Date('2026-01-01T00:00:00Z');
    for (const v of [-12.5, 0, 42, true, null, undefined, date, '', 'Ana Souza', 'a = b', 'CMP-2026-000001', '发动机异响']) expect(exportCell(v)).toBe(v);
  });

  it('strips markup and control characters, and checks the formula start after stripping', () => {
    expect(exportCell('<script>alert(1)</script>Ana')).toBe('alert(1)Ana');
    expect(exportCell('<img src=x onerror=alert(1)>Ana')).toBe('Ana');
    expect(exportCell('<b>=1+1</b>')).toBe(`'=1+1`);
    expect(exportCell('pressure < 2 bar, > 1 bar')).toBe('pressure < 2 bar, > 1 bar');
    expect(exportCell('line 1\nline 2\u0007')).toBe('line 1\nline 2');
    expect(stripMarkup('<<b>script>alert(1)<</b>/script>')).toBe('alert(1)');
    expect(stripMarkup('a<!-- hidden -->b<!DOCTYPE html><?xml x?>')).toBe('ab');
  });
});
