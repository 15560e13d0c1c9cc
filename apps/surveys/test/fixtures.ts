import { DateTime } from 'luxon';

const weekday = (weekday: number) => ({ weekday, slots: [{ start: '08:30', end: '12:00' }, { start: '13:30', end: '17:30' }] });

export const CALENDAR = { weekly: [1, 2, 3, 4, 5].map(weekday), closures: [], extraWorkingDays: [], observePublicHolidays: true };

export const REGIONS = [
  { id: 'rg-east', code: 'EAST', name: 'East', countries: ['CN'] },
  { id: 'rg-south', code: 'SOUTH', name: 'South', countries: ['BR'] },
];

export function center(id: string, overrides: Record<string, unknown> = {}) {
  return {
    id,
    code: id.toUpperCase(),
    name: `Center ${id}`,
    kind: 'SERVICE_CENTER',
    country: 'CN',
    regionId: 'rg-east',
    parentId: null,
    timeZone: 'Asia/Shanghai',
    location: { lat: 31.23, lng: 121.47 },
    address: { line1: '1 Test Road', city: 'Shanghai' },
    phones: ['+862155550000'],
    star: null,
    calendar: CALENDAR,
    status: 'ACTIVE',
    rescue24h: false,
    staff: [],
    ...overrides,
  };
}

export const CENTERS = [
  center('sc-east-1'),
  center('sc-east-2'),
  center('sc-south-1', {
    country: 'BR',
    regionId: 'rg-south',
    timeZone: 'America/Sao_Paulo',
    location: { lat: -23.55, lng: -46.63 },
    address: { line1: 'Rua Teste 1', city: 'São Paulo' },
    phones: ['+551155550000'],
  }),
];

/** Satisfied answers of the default questionnaire, with overrides per question. */
export function answers(over: Record<string, Record<string, unknown>> = {}) {
  const base: Record<string, Record<string, unknown>> = {
    initiation: { value: 4 },
    advisor: { value: 4 },
    facility: { value: 5 },
    pickup: { value: 4 },
    quality: { value: 4 },
    fixed_first_time: { yes: true },
    recommend: { value: 9 },
  };
  return Object.entries({ ...base, ...over }).map(([questionId, a]) => ({ questionId, ...a }));
}

export const monthOf = (at: Date, zone: string) => DateTime.fromJSDate(at, { zone }).toFormat('yyyy-MM');
