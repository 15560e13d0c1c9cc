const weekday = (weekday: number) => ({ weekday, slots: [{ start: '08:30', end: '12:00' }, { start: '13:30', end: '17:30' }] });

export const CALENDAR = {
  weekly: [1, 2, 3, 4, 5].map(weekday),
  closures: [],
  extraWorkingDays: [],
  observePublicHolidays: true,
};

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
    ...overrides,
  };
}

export const CENTERS = [
  center('sc-east-1', { staff: [
    { id: 'st-east-1-gm', name: 'Li Wei', email: 'gm@east1.example', role: 'GENERAL_MANAGER', active: true, qualifications: [] },
    { id: 'st-east-1-tech', name: 'Zhang Min', email: 'tech@east1.example', role: 'TECHNICIAN', active: true,
      qualifications: [{ role: 'TECHNICIAN', certifiedAt: '2025-01-01', expiresAt: '2027-01-01' }] },
  ], star: { auditDate: '2026-03-01' } }),
  center('sc-east-2', { location: { lat: 31.3, lng: 121.5 }, rescue24h: true, staff: [] }),
  center('sc-south-1', {
    country: 'BR', regionId: 'rg-south', timeZone: 'America/Sao_Paulo', location: { lat: -23.55, lng: -46.63 },
    address: { line1: 'Rua Teste 1', city: 'São Paulo' }, phones: ['+551155550000'], staff: [],
  }),
];
