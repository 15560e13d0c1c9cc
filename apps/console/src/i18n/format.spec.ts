import { formatDateTime, formatNumber, formatPercent } from './format';

describe('figures in the reader’s locale, times in the center’s zone', () => {
  const at = '2026-03-02T01:30:00Z';

  it('names the zone, and shows the same instant as the center’s wall clock', () => {
    expect(formatDateTime(at, 'en', 'Asia/Shanghai')).toMatch(/9:30.*\(Asia\/Shanghai\)$/);
    expect(formatDateTime(at, 'pt-BR', 'America/Sao_Paulo')).toMatch(/22:30.*\(America\/Sao_Paulo\)$/);
    expect(formatDateTime(at, 'zh', 'Asia/Shanghai')).toContain('2026');
  });

  it('groups and rounds numbers the way each language writes them', () => {
    expect(formatNumber(1234567.891, 'en', 1)).toBe('1,234,567.9');
    expect(formatNumber(1234567.891, 'pt', 1)).toBe('1.234.567,9');
    expect(formatPercent(0.8571, 'es')).toMatch(/85,7\s%/);
    expect(formatNumber(null, 'en')).toBe('—');
  });
});
