import { randomBytes } from 'node:crypto';

/** Unique ids per run: the network topic is shared with other suites, whose centers must not mix into ours. */
export const RUN = randomBytes(3).toString('hex');
export const REGION = `rg-ws-${RUN}`;
export const CENTER_A = `ws-${RUN}-a`;
export const CENTER_B = `ws-${RUN}-b`;

const weekday = (weekday: number) => ({ weekday, slots: [{ start: '08:30', end: '12:00' }, { start: '13:30', end: '17:30' }] });
const CALENDAR = { weekly: [1, 2, 3, 4, 5].map(weekday), closures: [], extraWorkingDays: [], observePublicHolidays: true };

const qualified = (...roles: string[]) => roles.map((role) => ({ role, certifiedAt: '2025-01-01', expiresAt: '2028-01-01' }));
const staff = (center: string, key: string, role: string, qualifications: string[] = []) => ({
  id: `${center}-${key}`,
  name: `Staff ${key}`,
  email: `${key}@${center}.example`,
  role,
  active: true,
  qualifications: qualified(...qualifications),
});

export const STAFF = {
  advisor: `${CENTER_A}-advisor`,
  tech1: `${CENTER_A}-tech1`,
  tech2: `${CENTER_A}-tech2`,
  expired: `${CENTER_A}-expired`,
  leader: `${CENTER_A}-leader`,
  inspector: `${CENTER_A}-qc`,
  rescue1: `${CENTER_B}-rescue1`,
  rescue2: `${CENTER_B}-rescue2`,
};

function center(id: string, overrides: Record<string, unknown>) {
  return {
    id,
    code: id.toUpperCase(),
    name: `Workshop ${id}`,
    kind: 'SERVICE_CENTER',
    country: 'CN',
    regionId: REGION,
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

export const REGION_INPUT = { id: REGION, code: `WS-${RUN.toUpperCase()}`, name: 'Workshop test region', countries: ['CN'] };

export const CENTERS = [
  center(CENTER_A, {
    staff: [
      staff(CENTER_A, 'advisor', 'SERVICE_ADVISOR', ['SERVICE_ADVISOR']),
      staff(CENTER_A, 'tech1', 'TECHNICIAN', ['TECHNICIAN']),
      staff(CENTER_A, 'tech2', 'TECHNICIAN', ['TECHNICIAN']),
      { ...staff(CENTER_A, 'expired', 'TECHNICIAN'), qualifications: [{ role: 'TECHNICIAN', certifiedAt: '2023-01-01', expiresAt: '2025-01-01' }] },
      staff(CENTER_A, 'leader', 'TEAM_LEADER', ['TEAM_LEADER', 'TECHNICIAN']),
      staff(CENTER_A, 'qc', 'QC_INSPECTOR', ['QC_INSPECTOR']),
    ],
  }),
  center(CENTER_B, {
    location: { lat: 31.3, lng: 121.5 },
    rescue24h: true,
    address: { line1: '2 Test Road', city: 'Shanghai' },
    staff: [staff(CENTER_B, 'rescue1', 'RESCUE_STAFF', ['RESCUE_STAFF']), staff(CENTER_B, 'rescue2', 'RESCUE_STAFF', ['RESCUE_STAFF'])],
  }),
];

export const SETUP = (serviceCenterId: string) => ({
  serviceCenterId,
  bays: [
    { id: 'b1', appointmentBay: true },
    { id: 'b2', appointmentBay: true },
    { id: 'b3', appointmentBay: false },
  ],
  slotMinutes: 60,
  lateAfterMinutes: 15,
  periods: [
    { start: '08:30', end: '10:30', kind: 'FIXED' },
    { start: '10:30', end: '16:30', kind: 'FLEXIBLE' },
    { start: '16:30', end: '17:30', kind: 'NON_APPOINTMENT' },
  ],
});

export const CUSTOMER = { name: 'Wang Fang', phone: '+8613800138000', country: 'CN', language: 'zh-CN' };
export const VIN = 'LJ12EKR23N4000001';

export function repairOrderInput(overrides: Record<string, unknown> = {}) {
  return {
    serviceCenterId: CENTER_A,
    advisorId: STAFF.advisor,
    customer: CUSTOMER,
    vehicle: { vin: VIN, model: 'JS4' },
    walkAround: { mileageKm: 42_000, fuelPercent: 40, damages: ['scratch rear bumper'], valuables: [], tools: ['jack'], customerSigned: true },
    faultDescription: 'Brakes squeal when stopping at low speed',
    faultCode: 'BRAKE-NOISE',
    items: [
      { kind: 'LABOR', code: 'OP-BRAKE', description: 'Replace front pads', quantity: 1.5, unitPrice: 200, warrantyClaim: false },
      { kind: 'PART', code: 'P-PAD', description: 'Front pad set', quantity: 2, unitPrice: 150, warrantyClaim: false },
      { kind: 'PART', code: 'P-FLUID', description: 'Brake fluid', quantity: 1, unitPrice: 50, warrantyClaim: true },
    ],
    promisedAt: '2026-03-03T08:00:00.000Z',
    customerSignature: { name: 'Wang Fang', signedAt: '2026-03-03T01:40:00.000Z' },
    nextMaintenance: { date: '2026-09-03', mileageKm: 52_000 },
    ...overrides,
  };
}
