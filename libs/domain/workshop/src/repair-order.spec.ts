import fc from 'fast-check';
import { authorizationIssues, completedOnTime, estimateAccurate, estimateOf, itemIssues, repairOrderMachine, settlementIssues, type RepairItem } from './repair-order';
import { checkIssues, outcomeOf, type QcCheck } from './quality';
import { dispatchIssues, dispatchOrder, type TechnicianView } from './dispatch';
import { findRepeatOf } from './repeat-repair';

const labor = (hours: number, rate: number, warrantyClaim = false): RepairItem => ({ kind: 'LABOR', code: 'OP-1', description: 'x', quantity: hours, unitPrice: rate, warrantyClaim });
const part = (qty: number, price: number, warrantyClaim = false): RepairItem => ({ kind: 'PART', code: 'P-1', description: 'x', quantity: qty, unitPrice: price, warrantyClaim });

describe('estimate', () => {
  it('sums labor and parts; warranty items are not the customer’s', () => {
    expect(estimateOf([labor(1.5, 200), part(2, 120.5), part(1, 99.99, true)])).toEqual({ total: 640.99, customer: 541, laborHours: 1.5 });
  });

  it('applies the 10% rule strictly', () => {
    expect(estimateAccurate(1000, 1099.99)).toBe(true);
    expect(estimateAccurate(1000, 1100)).toBe(false);
    expect(estimateAccurate(1000, 900.01)).toBe(true);
    expect(estimateAccurate(0, 0)).toBe(true);
    expect(estimateAccurate(0, 1)).toBe(false);
  });

  it('the estimate never goes down when an item is added (property)', () => {
    const item = fc.record({
      kind: fc.constantFrom('LABOR' as const, 'PART' as const),
      code: fc.constant('c'),
      description: fc.constant('d'),
      quantity: fc.integer({ min: 1, max: 20 }),
      unitPrice: fc.integer({ min: 0, max: 100_000 }).map((c) => c / 100),
      warrantyClaim: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(item, { maxLength: 10 }), item, (items, added) => {
        const before = estimateOf(items);
        const after = estimateOf([...items, added]);
        expect(after.total).toBeGreaterThanOrEqual(before.total);
        expect(after.customer).toBeLessThanOrEqual(after.total);
      }),
    );
  });

  it('rejects bad items and unrecorded authorizations', () => {
    expect(itemIssues(part(1.5, -1), 'items[0]').map((i) => i.rule)).toEqual(['min', 'integer']);
    const now = new Date('2026-03-02T03:00:00Z');
    expect(authorizationIssues({ by: 'Wang', channel: 'PHONE', at: now }, now).map((i) => `${i.field}:${i.rule}`)).toEqual(['authorization.note:phoneNote']);
    expect(settlementIssues({ finalAmount: 100, paidAmount: 90 }).map((i) => i.rule)).toEqual(['equalsFinalBill']);
  });

  it('on-time completion leaves 10 minutes before the promise', () => {
    const promised = new Date('2026-03-02T09:00:00Z');
    expect(completedOnTime(new Date('2026-03-02T08:50:00Z'), promised)).toBe(true);
    expect(completedOnTime(new Date('2026-03-02T08:51:00Z'), promised)).toBe(false);
  });

  it('names the allowed actions when one comes out of order', () => {
    expect(() => repairOrderMachine.assert('OPEN', 'deliver')).toThrow(/RepairOrder is OPEN: deliver is not allowed now; allowed: addItem, dispatch, partsShortage, partsReserved/);
  });
});

describe('three-level quality check', () => {
  const at = new Date();
  const round: QcCheck[] = [{ level: 'TECHNICIAN', passed: true, inspectorId: 'tech', at }];
  it('goes technician -> team leader -> QC inspector, by different people', () => {
    expect(checkIssues([], { level: 'TECHNICIAN', passed: true, inspectorId: 'tech' }, 'tech')).toEqual([]);
    expect(checkIssues([], { level: 'QC_INSPECTOR', passed: true, inspectorId: 'qc' }, 'tech').map((i) => i.rule)).toEqual(['qcLevelOrder']);
    expect(checkIssues(round, { level: 'TEAM_LEADER', passed: true, inspectorId: 'tech' }, 'tech').map((i) => i.rule)).toEqual(['independentCheck']);
    expect(outcomeOf({ level: 'TEAM_LEADER', passed: true })).toEqual({ kind: 'NEXT_LEVEL', next: 'QC_INSPECTOR' });
    expect(outcomeOf({ level: 'QC_INSPECTOR', passed: true })).toEqual({ kind: 'PASSED' });
    expect(outcomeOf({ level: 'TEAM_LEADER', passed: false })).toEqual({ kind: 'REWORK' });
  });
});

describe('dispatch', () => {
  const at = new Date('2026-03-02T03:00:00Z');
  const tech = (id: string, center = 'sc-1', expiresAt = '2027-01-01'): TechnicianView => ({
    id,
    serviceCenterId: center,
    active: true,
    qualifications: [{ role: 'TECHNICIAN', certifiedAt: new Date('2025-01-01'), expiresAt: new Date(expiresAt) }],
  });
  const base = { serviceCenterId: 'sc-1', bayId: 'b1', bays: ['b1'], at };

  it('takes only technicians of the center, on one of its bays (their qualification is the gate after these rules)', () => {
    expect(dispatchIssues({ ...base, technician: tech('t1'), technicianId: 't1' })).toEqual([]);
    expect(dispatchIssues({ ...base, technician: tech('t3', 'sc-2'), technicianId: 't3' }).map((i) => i.rule)).toEqual(['exists']);
    expect(dispatchIssues({ ...base, technician: undefined, technicianId: 'nobody' }).map((i) => i.rule)).toEqual(['exists']);
    expect(dispatchIssues({ ...base, technician: tech('t1'), technicianId: 't1', bayId: 'b9' }).map((i) => i.field)).toEqual(['bayId']);
  });

  it('sends rework back to the original technician while that one is qualified', () => {
    expect(dispatchIssues({ ...base, technician: tech('t2'), technicianId: 't2', originalTechnician: tech('t1') }).map((i) => i.rule)).toEqual(['originalTechnician']);
    expect(dispatchIssues({ ...base, technician: tech('t2'), technicianId: 't2', originalTechnician: tech('t1', 'sc-1', '2026-01-01') })).toEqual([]);
  });

  it('orders the queue: rework, then appointments, then walk-ins, each by promised time', () => {
    const e = (id: string, repeatRepair: boolean, fromAppointment: boolean, promised: string) => ({
      id, repeatRepair, fromAppointment, promisedAt: new Date(promised), openedAt: at,
    });
    const order = dispatchOrder([
      e('walk-early', false, false, '2026-03-02T04:00:00Z'),
      e('appt-late', false, true, '2026-03-02T09:00:00Z'),
      e('rework', true, false, '2026-03-02T10:00:00Z'),
      e('appt-early', false, true, '2026-03-02T05:00:00Z'),
    ]).map((x) => x.id);
    expect(order).toEqual(['rework', 'appt-early', 'appt-late', 'walk-early']);
  });
});

describe('repeat repair', () => {
  const visit = (id: string, delivered: string, faultCode: string, operations: string[]) => ({
    repairOrderId: id, serviceCenterId: 'sc-1', deliveredAt: new Date(delivered), faultCode, operations, technicianId: 't1',
  });
  const history = [visit('ro-1', '2026-02-01T00:00:00Z', 'BRAKE-NOISE', ['OP-BRAKE']), visit('ro-2', '2026-02-20T00:00:00Z', 'AC', ['OP-AC'])];

  it('flags a return for the same fault or the same operation within the window', () => {
    expect(findRepeatOf(history, { at: new Date('2026-03-01T00:00:00Z'), faultCode: 'BRAKE-NOISE', operations: [] })?.repairOrderId).toBe('ro-1');
    expect(findRepeatOf(history, { at: new Date('2026-03-01T00:00:00Z'), faultCode: 'OTHER', operations: ['OP-AC'] })?.repairOrderId).toBe('ro-2');
    expect(findRepeatOf(history, { at: new Date('2026-03-05T00:00:00Z'), faultCode: 'BRAKE-NOISE', operations: [] })).toBeNull();
    expect(findRepeatOf(history, { at: new Date('2026-03-05T00:00:00Z'), faultCode: 'BRAKE-NOISE', operations: [] }, 60)?.repairOrderId).toBe('ro-1');
  });
});
