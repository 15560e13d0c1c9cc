const weekday = (weekday: number) => ({ weekday, slots: [{ start: '08:00', end: '18:00' }] });

export const REGIONS = [
  { id: 'rg-south', code: 'SOUTH', name: 'South', countries: ['BR'] },
  { id: 'rg-east', code: 'EAST', name: 'East', countries: ['CN'] },
];

function center(id: string, overrides: Record<string, unknown>) {
  return {
    id,
    code: id.toUpperCase(),
    name: `Center ${id}`,
    kind: 'SERVICE_CENTER',
    country: 'BR',
    regionId: 'rg-south',
    parentId: null,
    timeZone: 'America/Sao_Paulo',
    location: { lat: -23.55, lng: -46.63 },
    address: { line1: 'Rua Teste 1', city: 'São Paulo' },
    phones: ['+551155550000'],
    star: null,
    calendar: { weekly: [1, 2, 3, 4, 5].map(weekday), closures: [], extraWorkingDays: [], observePublicHolidays: true },
    status: 'ACTIVE',
    rescue24h: false,
    staff: [],
    ...overrides,
  };
}

/** São Paulo: a dealer and a 24 h fast repair shop; Rio: a 24 h dealer; Shanghai: a suspended dealer. */
export const CENTERS = [
  center('sc-sp-1', {}),
  center('sc-sp-2', { kind: 'FAST_REPAIR_SHOP', location: { lat: -23.6, lng: -46.7 }, rescue24h: true }),
  center('sc-rj-1', { location: { lat: -22.9, lng: -43.2 }, address: { line1: 'Av. Teste 2', city: 'Rio de Janeiro' }, rescue24h: true }),
  center('sc-sh-1', {
    country: 'CN', regionId: 'rg-east', timeZone: 'Asia/Shanghai', location: { lat: 31.23, lng: 121.47 },
    address: { line1: '1 Test Road', city: 'Shanghai' }, phones: ['+862155550000'], status: 'SUSPENDED',
  }),
];

export const RECORD = {
  who: 'Ana Souza, owner of the truck',
  when: 'today 11:20',
  where: 'São Paulo, Av. Paulista',
  what: 'third gear broken, dealer visited 5 times',
  why: 'wants the transmission replaced',
  how: 'job order to the dealer and the service department',
};

export const CUSTOMER = { name: 'Ana Souza', phone: '+5511987654321', country: 'BR' };
