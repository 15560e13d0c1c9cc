const weekday = (weekday: number) => ({ weekday, slots: [{ start: '08:30', end: '12:00' }, { start: '13:30', end: '17:30' }] });

/** Mon-Fri 08:30-12:00 + 13:30-17:30, public holidays observed. */
export const CALENDAR = { weekly: [1, 2, 3, 4, 5].map(weekday), closures: [], extraWorkingDays: [], observePublicHolidays: true };

export const REGIONS = [
  { id: 'rg-cmpt-east', code: 'CMPT-EAST', name: 'East', countries: ['CN'] },
  { id: 'rg-cmpt-south', code: 'CMPT-SOUTH', name: 'South', countries: ['BR'] },
];

const staff = (center: string, role: string, name: string) => ({
  id: `st-${center}-${role.toLowerCase().replace(/_/g, '-')}`,
  name,
  email: `${role.toLowerCase()}@${center}.example`,
  role,
  active: true,
  qualifications: [],
});

function center(id: string, overrides: Record<string, unknown>) {
  return {
    id,
    code: id.toUpperCase(),
    name: `Center ${id}`,
    kind: 'SERVICE_CENTER',
    country: 'CN',
    regionId: 'rg-cmpt-east',
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
  center('cmpt-cn-1', {
    staff: [
      staff('cmpt-cn-1', 'SERVICE_MANAGER', 'Wang Fang'),
      staff('cmpt-cn-1', 'SERVICE_DIRECTOR', 'Liu Yang'),
      staff('cmpt-cn-1', 'GENERAL_MANAGER', 'Li Wei'),
    ],
  }),
  center('cmpt-cn-2', { staff: [staff('cmpt-cn-2', 'GENERAL_MANAGER', 'Zhao Lei')] }),
  center('cmpt-br-1', {
    country: 'BR',
    regionId: 'rg-cmpt-south',
    timeZone: 'America/Sao_Paulo',
    location: { lat: -23.55, lng: -46.63 },
    address: { line1: 'Rua Teste 1', city: 'São Paulo' },
    phones: ['+551155550000'],
    staff: [staff('cmpt-br-1', 'SERVICE_MANAGER', 'João Lima'), staff('cmpt-br-1', 'GENERAL_MANAGER', 'Maria Costa')],
  }),
];

export const VIN_1 = 'LJ166A2X6N1234567';
export const VIN_2 = 'LJ166A2X7N7654321';
