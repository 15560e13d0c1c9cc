const day = (weekday: number) => ({ weekday, slots: [{ start: '08:30', end: '12:00' }, { start: '13:30', end: '17:30' }] });
const CALENDAR = { weekly: [1, 2, 3, 4, 5].map(day), closures: [], extraWorkingDays: [], observePublicHolidays: true };

export const REGIONS = [
  { id: 'rg-ntf-east', code: 'NTF-EAST', name: 'East', countries: ['CN'] },
  { id: 'rg-ntf-south', code: 'NTF-SOUTH', name: 'South', countries: ['BR'] },
];

export const staffId = (center: string, role: string) => `st-${center}-${role.toLowerCase().replace(/_/g, '-')}`;
export const emailOf = (center: string, role: string) => `${role.toLowerCase()}@${center}.example`;

const person = (center: string, role: string, name: string) => ({ id: staffId(center, role), name, email: emailOf(center, role), role, active: true, qualifications: [] });

const center = (id: string, over: Record<string, unknown>) => ({
  id,
  code: id.toUpperCase(),
  name: `Center ${id}`,
  kind: 'SERVICE_CENTER',
  country: 'CN',
  regionId: 'rg-ntf-east',
  parentId: null,
  timeZone: 'Asia/Shanghai',
  location: { lat: 31.23, lng: 121.47 },
  address: { line1: '1 Test Road', city: 'Shanghai' },
  phones: ['+862155550000'],
  star: null,
  calendar: CALENDAR,
  status: 'ACTIVE',
  rescue24h: false,
  ...over,
});

/** Two dealers in China and one in Brazil, each with the people a complaint is transferred to. */
export const CENTERS = [
  center('ntf-cn-1', { staff: [person('ntf-cn-1', 'SERVICE_MANAGER', 'Wang Fang'), person('ntf-cn-1', 'GENERAL_MANAGER', 'Li Wei')] }),
  center('ntf-cn-2', { staff: [person('ntf-cn-2', 'SERVICE_MANAGER', 'Zhao Lei'), person('ntf-cn-2', 'GENERAL_MANAGER', 'Sun Mei')] }),
  center('ntf-br-1', {
    country: 'BR',
    regionId: 'rg-ntf-south',
    timeZone: 'America/Sao_Paulo',
    location: { lat: -23.55, lng: -46.63 },
    address: { line1: 'Rua Teste 1', city: 'São Paulo' },
    phones: ['+551155550000'],
    staff: [person('ntf-br-1', 'SERVICE_MANAGER', 'João Lima'), person('ntf-br-1', 'GENERAL_MANAGER', 'Maria Costa')],
  }),
];
