import type { JobOrderRequestedV1 } from '../events/calls';
import type { JobOrderCreatedV1 } from '../events/job-orders';
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

/** A complaint call's request for a job order, as calls publishes it. */
export function sampleJobOrderRequested(overrides: Partial<JobOrderRequestedV1> = {}): JobOrderRequestedV1 {
  return {
    callId: 'call-0001',
    reason: 'COMPLAINT',
    serviceCenterId: 'sc-0001',
    toHq: false,
    customer: { name: 'Ana Souza', phone: '+5511987654321', email: 'ana.souza@example.com', country: 'BR', language: 'pt' },
    vehicle: { vin: '1M8GDM9AXKP042788', model: 'T7', mileageKm: 12000 },
    location: { lat: -23.55, lng: -46.63, address: 'Av. Paulista 1000' },
    description: 'The engine stalls when the air conditioning is on; the customer asks for a call back before noon.',
    requirement: 'Call back before noon',
    requestedAt: '2026-12-05T10:00:00.000Z',
    ...overrides,
  };
}

/** The job order job-orders created from it (its own KPI consumer reads it back). */
export function sampleJobOrderCreated(overrides: Partial<JobOrderCreatedV1> = {}): JobOrderCreatedV1 {
  return {
    jobOrderId: 'jo-0001',
    number: 'JO-2026-000001',
    source: { kind: 'CALL', id: 'call-0001' },
    links: [{ kind: 'CALL', id: 'call-0001' }],
    serviceCenterId: 'sc-0001',
    holderCenterIds: ['sc-0001'],
    tiers: ['DEALER'],
    customer: { name: 'Ana Souza', phone: '+5511987654321', country: 'BR' },
    vehicle: { vin: '1M8GDM9AXKP042788', model: 'T7' },
    description: 'The engine stalls when the air conditioning is on.',
    createdAt: '2026-12-05T10:00:01.000Z',
    policyVersion: 'SEED',
    ...overrides,
  };
}
