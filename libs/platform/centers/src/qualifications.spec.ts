import { ConflictError } from '@aftersales/platform-core';
import type { NetworkStaff } from './center.schema';
import { qualificationConflict, refusedPeople } from './qualifications';

const at = new Date('2026-11-23T10:00:00Z');
const member = (id: string, name: string, quals: [string, string, string][]): NetworkStaff => ({
  _id: id, serviceCenterId: 'sc-br-0001', name, email: `${id}@example.com`, role: quals[0]?.[0] ?? 'TECHNICIAN', active: true, occurredAt: '2026-01-01T00:00:00Z',
  qualifications: quals.map(([role, from, to]) => ({ role, certifiedAt: new Date(from), expiresAt: new Date(to) })),
});
const staff = new Map([
  ['r1', member('r1', 'João Silva', [['RESCUE_STAFF', '2025-01-01', '2028-01-01']])],
  ['r2', member('r2', 'María García', [['RESCUE_STAFF', '2022-01-01', '2025-03-01']])],
  ['a1', member('a1', '王芳', [['INBOUND_AGENT', '2025-01-01', '2028-01-01']])],
]);

describe('the qualification gate', () => {
  it('refuses every unqualified person named, in input order, and lets the qualified ones pass', () => {
    const refused = refusedPeople('RESCUE_STAFF', [{ field: 'staffIds[0]', staffId: 'r1' }, { field: 'staffIds[1]', staffId: 'r2' }, { field: 'staffIds[2]', staffId: 'x9' }], staff, at);
    expect(refused.map((u) => [u.field, u.reason])).toEqual([['staffIds[1]', 'EXPIRED'], ['staffIds[2]', 'UNKNOWN_STAFF']]);
  });

  it('with several posts, any of them will do, and a refusal names the first', () => {
    expect(refusedPeople(['INBOUND_AGENT', 'OUTBOUND_AGENT'], [{ field: 'caller', staffId: 'a1' }], staff, at)).toEqual([]);
    expect(refusedPeople(['OUTBOUND_AGENT', 'QC_AGENT'], [{ field: 'caller', staffId: 'a1' }], staff, at)).toMatchObject([{ qualification: 'OUTBOUND_AGENT', reason: 'MISSING' }]);
  });

  it('is a CONFLICT whose message and details name the person, the qualification and its expiry', () => {
    const refused = refusedPeople('RESCUE_STAFF', [{ field: 'staffIds[1]', staffId: 'r2' }], staff, at);
    const error = qualificationConflict(refused);
    expect(error).toBeInstanceOf(ConflictError);
    expect(error.code).toBe('CONFLICT');
    expect(error.message).toBe('staffIds[1]: María García (r2) holds no valid RESCUE_STAFF qualification: it expired on 2025-03-01');
    expect(error.details).toEqual({
      rule: 'qualified', field: 'staffIds[1]', staffId: 'r2', staffName: 'María García', qualification: 'RESCUE_STAFF', reason: 'EXPIRED',
      certifiedAt: '2022-01-01T00:00:00.000Z', expiresAt: '2025-03-01T00:00:00.000Z', unqualified: refused,
    });
  });
});
