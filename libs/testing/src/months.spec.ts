import { DateTime } from 'luxon';
import { monthsAround } from './months';

describe('monthsAround', () => {
  it('holds the local month of any instant within the days given, in the zones furthest from UTC', () => {
    for (const at of ['2026-11-30T16:30:00Z', '2026-12-31T23:59:00Z', '2027-01-01T00:01:00Z', '2026-06-15T12:00:00Z']) {
      const { from, to } = monthsAround(new Date(at), 1);
      for (const zone of ['Asia/Shanghai', 'Pacific/Kiritimati', 'Pacific/Pago_Pago', 'America/Sao_Paulo']) {
        for (const offsetH of [-20, 0, 20]) {
          const local = DateTime.fromISO(at, { zone }).plus({ hours: offsetH }).toFormat('yyyy-MM');
          expect(local >= from && local <= to).toBe(true);
        }
      }
    }
    expect(monthsAround(new Date('2026-12-31T20:00:00Z'))).toEqual({ from: '2026-12', to: '2027-01' });
    expect(monthsAround(new Date('2026-12-15T20:00:00Z'))).toEqual({ from: '2026-12', to: '2026-12' });
  });
});
