import { randomBytes } from 'node:crypto';
import { testCenter, weekdayCalendar } from '@aftersales/testing';

const CALENDAR = weekdayCalendar([{ start: '08:30', end: '17:30' }]);

/** Ids unique to this run: other suites publish centers on the same topic at the same time. */
export function networkFixture() {
  const sfx = randomBytes(3).toString('hex');
  const id = (name: string) => `pt${sfx}-${name}`;
  const region = { id: `rg-pt${sfx}`, code: `PT${sfx.toUpperCase()}`, name: 'Parts test East', countries: ['CN'] };
  const center = (name: string, kind: string, parentId: string | null, lat: number, lng: number, city: string) =>
    testCenter(id(name), {
      name: `Parts ${name}`,
      kind,
      regionId: region.id,
      parentId,
      location: { lat, lng },
      address: { line1: '1 Parts Road', city },
      calendar: CALENDAR,
      staff: [],
    });
  const ids = { hq: id('hq'), rc: id('rc'), d1: id('d1'), d2: id('d2') };
  return {
    region,
    ids,
    centers: [
      center('hq', 'HQ', null, 31.82, 117.23, 'Hefei'),
      center('rc', 'REGIONAL_CENTER', ids.hq, 32.06, 118.79, 'Nanjing'),
      center('d1', 'SERVICE_CENTER', ids.rc, 31.23, 121.47, 'Shanghai'),
      center('d2', 'SERVICE_CENTER', ids.rc, 30.27, 120.15, 'Hangzhou'),
    ],
  };
}

export const part = (partNumber: string, listPrice: number, extra: Record<string, unknown> = {}) => ({
  partNumber,
  names: [
    { lang: 'en', text: `Part ${partNumber}` },
    { lang: 'pt-BR', text: `Peça ${partNumber}` },
  ],
  listPrice,
  unit: 'PIECE',
  leadTimeDays: 30,
  ...extra,
});

const flat = (n: number) => Array.from({ length: 24 }, () => n);
const alternating = (a: number, b: number) => Array.from({ length: 24 }, (_, i) => (i % 2 ? b : a));

/** 24 months of demand with known classes under 80/15/5 (the domain spec derives the same table). */
export const ABC_FIXTURE: { partNumber: string; listPrice: number; monthly: number[]; expected: string }[] = [
  { partNumber: 'FX-STEADY', listPrice: 50, monthly: flat(10), expected: 'AX' },
  { partNumber: 'FX-LUMPY', listPrice: 30, monthly: alternating(0, 20), expected: 'AZ' },
  { partNumber: 'FX-WAVY', listPrice: 10, monthly: alternating(5, 15), expected: 'BY' },
  { partNumber: 'FX-SMALL', listPrice: 5, monthly: flat(10), expected: 'BX' },
  { partNumber: 'FX-ONE', listPrice: 3, monthly: flat(10), expected: 'CX' },
  { partNumber: 'FX-TWO', listPrice: 2, monthly: flat(10), expected: 'CX' },
];

/** Months ending with `last` (YYYY-MM), oldest first. */
export function monthsUntil(last: string, n: number): string[] {
  const [y, m] = last.split('-').map(Number);
  return Array.from({ length: n }, (_, i) => new Date(Date.UTC(y, m - 1 - (n - 1 - i), 1)).toISOString().slice(0, 7));
}
