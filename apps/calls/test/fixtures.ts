import { callCenterStaff, testCenter, TEST_REGIONS, TEST_SITES, weekdayCalendar } from '@aftersales/testing';

export const REGIONS = TEST_REGIONS;

const center = (id: string, overrides: Record<string, unknown>) =>
  testCenter(id, { ...TEST_SITES.saoPaulo, calendar: weekdayCalendar([{ start: '08:00', end: '18:00' }]), staff: [], ...overrides });

/** The call center's people (the tokens' subjects): two agents taking and following up calls, two QC agents. */
export const CALL_CENTER_STAFF = [
  callCenterStaff('agent-ana', ['INBOUND_AGENT', 'OUTBOUND_AGENT'], 'Ana Lima'),
  callCenterStaff('agent-bo', ['INBOUND_AGENT', 'OUTBOUND_AGENT'], 'Bo Chen'),
  callCenterStaff('qc-lia', ['QC_AGENT'], 'Lia Costa'),
  callCenterStaff('qc-kai', ['QC_AGENT'], 'Kai Wong'),
];

/**
 * A dealer open round the clock, every day: its 0.5 h checks fall due 30 minutes later whatever time the
 * suite runs (the dealer calendar's evenings, weekends and holidays are in the gateway's contact-rule suite).
 */
const ROUND_THE_CLOCK = {
  weekly: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, slots: [{ start: '00:00', end: '24:00' }] })),
  closures: [],
  extraWorkingDays: [],
  observePublicHolidays: false,
};

/** São Paulo: a dealer (with the call center's people) and a 24 h fast repair shop; Rio: a 24 h dealer; Shanghai: a suspended dealer. */
export const CENTERS = [
  center('sc-sp-1', { calendar: ROUND_THE_CLOCK, staff: CALL_CENTER_STAFF }),
  center('sc-sp-2', { kind: 'FAST_REPAIR_SHOP', location: { lat: -23.6, lng: -46.7 }, rescue24h: true }),
  center('sc-rj-1', { location: { lat: -22.9, lng: -43.2 }, address: { line1: 'Av. Teste 2', city: 'Rio de Janeiro' }, rescue24h: true }),
  center('sc-sh-1', { ...TEST_SITES.shanghai, status: 'SUSPENDED' }),
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
