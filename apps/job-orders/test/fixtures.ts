import { DateTime } from 'luxon';
import { isWorkingDay } from '@aftersales/calendar';
import { callCenterStaff } from '@aftersales/testing';

const weekday = (weekday: number) => ({ weekday, slots: [{ start: '08:00', end: '18:00' }] });

export const REGIONS = [{ id: 'rg-south', code: 'SOUTH', name: 'South', countries: ['BR'] }];

function center(id: string, overrides: Record<string, unknown> = {}) {
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

/** Two São Paulo dealers (Mon-Fri 08:00-18:00) and the HQ service department. */
export const CENTERS = [center('hq-br', { kind: 'HQ', staff: [callCenterStaff('agent-ana')] }), center('sc-sp-1'), center('sc-sp-2', { location: { lat: -23.6, lng: -46.7 } })];

/**
 * 10:00 in São Paulo on the next Monday of a full working week: inside working hours, so the 0.5 h
 * contact clock runs at once. It must lie ahead of the real time: the calls service runs on the real
 * clock and would escalate a contact check whose half hour is already over.
 */
export const MONDAY_10_SAO_PAULO = nextWorkingMonday();

function nextWorkingMonday(): string {
  const calendar = { ...CENTERS[1]!.calendar, timeZone: 'America/Sao_Paulo', country: 'BR' } as never;
  let monday = DateTime.now().setZone('America/Sao_Paulo').startOf('week').plus({ weeks: 1 });
  while (![0, 1, 2, 3, 4].every((d) => isWorkingDay(calendar, monday.plus({ days: d }).toISODate()!))) monday = monday.plus({ weeks: 1 });
  return monday.set({ hour: 10 }).toUTC().toISO()!;
}

export const CUSTOMER = { name: 'Ana Souza', phone: '+5511987654321', country: 'BR' };
export const RECORD = {
  who: 'Ana Souza, owner of the truck',
  when: 'today 09:40',
  where: 'São Paulo, Av. Paulista',
  what: 'third gear broken, dealer visited 5 times without a fix',
  why: 'wants the transmission assembly replaced',
  how: 'job order to the dealer',
};

export const COMPLETE_REPLY = {
  responsiblePerson: 'Carlos Lima',
  procedure: 'Called the customer, inspected the gearbox and replaced the transmission assembly',
  result: 'Transmission assembly replaced, third gear works, customer satisfied',
  verifiedBy: 'Marta Reis (service manager)',
  customerAccepts: true,
  followUpPossible: true,
};
