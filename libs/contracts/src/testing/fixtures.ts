import type { ServiceCenterUpsertedV1, StaffUpsertedV1 } from '../events/network';

/** Valid sample payloads for tests (plain objects; override fields as needed). */
export function sampleServiceCenter(overrides: Partial<ServiceCenterUpsertedV1> = {}): ServiceCenterUpsertedV1 {
  return {
    id: 'sc-0001',
    code: 'DE-MUC-01',
    name: 'Autohaus München Nord',
    kind: 'SERVICE_CENTER',
    country: 'DE',
    regionId: 'region-de-south',
    parentId: null,
    timeZone: 'Europe/Berlin',
    location: { lat: 48.1851, lng: 11.5752 },
    address: { line1: 'Ingolstädter Str. 1', city: 'München', postalCode: '80807' },
    phones: ['+49 89 1234567'],
    status: 'ACTIVE',
    rescue24h: true,
    star: { auditDate: '2025-03-14' },
    calendar: {
      weekly: [
        { weekday: 1, slots: [{ start: '08:00', end: '12:00' }, { start: '13:00', end: '18:00' }] },
        { weekday: 6, slots: [{ start: '09:00', end: '13:00' }] },
      ],
      closures: ['2025-12-24'],
      extraWorkingDays: [{ date: '2025-12-27', slots: [{ start: '09:00', end: '12:00' }] }],
      observePublicHolidays: true,
      subdivision: 'BY',
    },
    keyContacts: [{ role: 'SERVICE_MANAGER', staffId: 'st-1', name: 'Eva Huber', email: 'eva.huber@example.com' }],
    updatedAt: '2025-06-01T10:00:00.000Z',
    ...overrides,
  };
}

export function sampleStaff(overrides: Partial<StaffUpsertedV1> = {}): StaffUpsertedV1 {
  return {
    id: 'st-1',
    serviceCenterId: 'sc-0001',
    name: 'Eva Huber',
    email: 'eva.huber@example.com',
    role: 'SERVICE_MANAGER',
    active: true,
    qualifications: [{ role: 'SERVICE_ADVISOR', certifiedAt: '2023-01-10', expiresAt: '2026-01-10' }],
    ...overrides,
  };
}
