import { TEST_REGIONS, TEST_SITES, testCenter } from '@aftersales/testing';

export const REGIONS = [...TEST_REGIONS, { id: 'rg-ntf-hq', code: 'NTF-HQ', name: 'Headquarters', countries: ['RU'] }];

export const staffId = (center: string, role: string) => `st-${center}-${role.toLowerCase().replace(/_/g, '-')}`;
export const emailOf = (center: string, role: string) => `${role.toLowerCase()}@${center}.example`;

export const person = (center: string, role: string, name: string) => ({ id: staffId(center, role), name, email: emailOf(center, role), role, active: true, qualifications: [] });

/** HQ in Russia, two dealers in China and one in Brazil, each with the people their events name. */
export const CENTERS = [
  testCenter('ntf-hq', {
    kind: 'HQ',
    country: 'RU',
    regionId: 'rg-ntf-hq',
    timeZone: 'Europe/Moscow',
    location: { lat: 55.75, lng: 37.62 },
    address: { line1: 'Tverskaya 1', city: 'Moscow' },
    phones: ['+74955550000'],
    staff: [person('ntf-hq', 'SERVICE_MANAGER', 'Ivan Petrov'), person('ntf-hq', 'TECHNICIAN', 'Oleg Smirnov')],
  }),
  testCenter('ntf-cn-1', { staff: [person('ntf-cn-1', 'SERVICE_MANAGER', 'Wang Fang'), person('ntf-cn-1', 'GENERAL_MANAGER', 'Li Wei')] }),
  testCenter('ntf-cn-2', { staff: [person('ntf-cn-2', 'SERVICE_MANAGER', 'Zhao Lei'), person('ntf-cn-2', 'GENERAL_MANAGER', 'Sun Mei')] }),
  testCenter('ntf-br-1', { ...TEST_SITES.saoPaulo, staff: [person('ntf-br-1', 'SERVICE_MANAGER', 'João Lima'), person('ntf-br-1', 'GENERAL_MANAGER', 'Maria Costa')] }),
];
