import { listCell, parseDmsDate, validateDmsRow } from './dms-import';

const shanghai = () => 480;
const NOW = new Date('2026-03-10T00:00:00Z');
const row = (over: Record<string, string> = {}) => ({
  roNumber: 'RO-1001',
  vin: 'wvwzzz1jz3w000001',
  openedAt: '2026-03-01 09:30',
  deliveredAt: '2026-03-01T17:00:00+08:00',
  mileageKm: '42,000',
  faultCode: 'brake-noise',
  laborOperations: 'op-brake; OP-DISC',
  partNumbers: 'P-PAD|P-FLUID',
  technicianId: 'T7',
  amount: '512.50',
  ...over,
});
const keys = (r: ReturnType<typeof validateDmsRow>) => ('issues' in r ? r.issues.map((i) => `${i.field}:${i.rule}`) : []);

describe('DMS repair-order rows', () => {
  it('reads local times in the center zone, normalizes the VIN, codes and lists', () => {
    const r = validateDmsRow(row(), NOW, shanghai);
    expect(r).toEqual({
      value: {
        roNumber: 'RO-1001',
        vin: 'WVWZZZ1JZ3W000001',
        openedAt: new Date('2026-03-01T01:30:00Z'),
        deliveredAt: new Date('2026-03-01T09:00:00Z'),
        mileageKm: 42_000,
        faultCode: 'BRAKE-NOISE',
        laborOperations: ['OP-BRAKE', 'OP-DISC'],
        partNumbers: ['P-PAD', 'P-FLUID'],
        technicianId: 'T7',
        amount: 512.5,
      },
    });
  });

  it('reports every broken field of a row at once', () => {
    const r = validateDmsRow(row({ roNumber: '', vin: 'LJ12EKR23N4000002', openedAt: '2026-02-30', deliveredAt: '01/03/2026', mileageKm: '-5', faultCode: '', amount: 'abc' }), NOW, shanghai);
    expect(keys(r)).toEqual(['roNumber:required', 'vin:vinCheckDigit', 'openedAt:isoDate', 'deliveredAt:isoDate', 'faultCode:code', 'mileageKm:nonNegativeInteger', 'amount:nonNegativeNumber']);
  });

  it('refuses a delivery before the opening or in the future', () => {
    expect(keys(validateDmsRow(row({ deliveredAt: '2026-02-28' }), NOW, shanghai))).toEqual(['deliveredAt:notBeforeOpened']);
    expect(keys(validateDmsRow(row({ deliveredAt: '2026-03-11' }), NOW, shanghai))).toEqual(['deliveredAt:notFuture']);
  });

  it('parses dates with and without offsets and splits list cells', () => {
    expect(parseDmsDate('2026-03-01', shanghai)).toEqual(new Date('2026-02-28T16:00:00Z'));
    expect(parseDmsDate('2026-03-01T10:00Z', shanghai)).toEqual(new Date('2026-03-01T10:00:00Z'));
    expect(parseDmsDate('yesterday', shanghai)).toBeNull();
    expect(listCell(' a ; b|| c ')).toEqual(['A', 'B', 'C']);
  });
});
