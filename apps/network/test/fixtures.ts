import { testCenter, TEST_SITES } from '@aftersales/testing';

export { TEST_REGIONS as REGIONS } from '@aftersales/testing';

export const center = testCenter;

export const CENTERS = [
  center('sc-east-1', { staff: [
    { id: 'st-east-1-gm', name: 'Li Wei', email: 'gm@east1.example', role: 'GENERAL_MANAGER', active: true, qualifications: [] },
    { id: 'st-east-1-tech', name: 'Zhang Min', email: 'tech@east1.example', role: 'TECHNICIAN', active: true,
      qualifications: [{ role: 'TECHNICIAN', certifiedAt: '2025-01-01', expiresAt: '2027-01-01' }] },
  ], star: { auditDate: '2026-03-01' } }),
  center('sc-east-2', { location: { lat: 31.3, lng: 121.5 }, rescue24h: true, staff: [] }),
  center('sc-south-1', { ...TEST_SITES.saoPaulo }),
];
