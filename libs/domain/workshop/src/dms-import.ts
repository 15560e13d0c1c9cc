import { normalizeVin, vinIssue } from '@aftersales/values';

/** A past visit as a dealer's DMS exports it, once validated. */
export interface DmsRepairOrder {
  roNumber: string;
  vin: string;
  openedAt: Date;
  deliveredAt: Date;
  mileageKm: number | null;
  faultCode: string;
  laborOperations: string[];
  partNumbers: string[];
  technicianId: string | null;
  amount: number | null;
}

export interface DmsIssue {
  field: string;
  rule: string;
  message: string;
}

/** The documented columns of a DMS repair-order history file (README: "DMS repair-order history"). */
export const DMS_COLUMNS = [
  { name: 'roNumber', required: true, aliases: ['ro', 'repairOrderNumber', 'roNo'] },
  { name: 'vin', required: true },
  { name: 'openedAt', required: true, aliases: ['opened', 'openDate'] },
  { name: 'deliveredAt', required: true, aliases: ['delivered', 'deliveryDate'] },
  { name: 'mileageKm', required: false, aliases: ['mileage', 'odometerKm'] },
  { name: 'faultCode', required: true },
  { name: 'laborOperations', required: false, aliases: ['operations', 'laborOps'] },
  { name: 'partNumbers', required: false, aliases: ['parts'] },
  { name: 'technicianId', required: false, aliases: ['technician'] },
  { name: 'amount', required: false, aliases: ['total'] },
] as const;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;
const CODE = /^[A-Z0-9][A-Z0-9._/-]{0,39}$/;
const MAX_MILEAGE_KM = 2_000_000;

/** `a;b | c` — DMS exports separate list cells with semicolons or pipes. */
export const listCell = (raw: string) =>
  raw
    .split(/[;|]/)
    .map((s) => s.trim().toUpperCase())
    .filter(Boolean);

/**
 * A date-time cell: ISO 8601. A date without an offset is read in the center's zone offset given by
 * `zoneOffsetMinutes(date)` (the caller knows the center's time zone); a date alone is that day at 00:00.
 */
export function parseDmsDate(raw: string, zoneOffsetMinutes: (localGuess: Date) => number): Date | null {
  const s = raw.trim();
  if (!ISO_DATE.test(s)) return null;
  const withT = s.replace(' ', 'T');
  if (/Z|[+-]\d{2}:?\d{2}$/.test(withT.slice(10))) {
    const d = new Date(withT);
    return Number.isNaN(d.getTime()) ? null : d;
  }
  const local = new Date(`${withT.length === 10 ? `${withT}T00:00:00` : withT}Z`);
  if (Number.isNaN(local.getTime()) || local.toISOString().slice(0, 10) !== withT.slice(0, 10)) return null;
  return new Date(local.getTime() - zoneOffsetMinutes(local) * 60_000);
}

function optionalNumber(raw: string, field: string, max: number, issues: DmsIssue[], integer: boolean): number | null {
  if (raw.trim() === '') return null;
  const n = Number(raw.replace(/,/g, ''));
  if (!Number.isFinite(n) || n < 0 || n > max || (integer && !Number.isInteger(n))) {
    issues.push({ field, rule: integer ? 'nonNegativeInteger' : 'nonNegativeNumber', message: `must be ${integer ? 'a whole number' : 'a number'} from 0 to ${max}, got "${raw}"` });
    return null;
  }
  return n;
}

/**
 * Validates one row of a DMS export. Every broken field is reported (not just the first), so a dealer
 * fixes a file in one pass. `now` refuses visits from the future.
 */
export function validateDmsRow(cells: Record<string, string>, now: Date, zoneOffsetMinutes: (localGuess: Date) => number): { issues: DmsIssue[] } | { value: DmsRepairOrder } {
  const issues: DmsIssue[] = [];
  const cell = (k: string) => (cells[k] ?? '').trim();
  const roNumber = cell('roNumber');
  if (!roNumber) issues.push({ field: 'roNumber', rule: 'required', message: 'the DMS repair-order number is required' });
  else if (roNumber.length > 40) issues.push({ field: 'roNumber', rule: 'maxLength', message: 'at most 40 characters' });
  const vinProblem = vinIssue(cell('vin'));
  if (vinProblem) issues.push({ field: 'vin', ...vinProblem });
  const openedAt = parseDmsDate(cell('openedAt'), zoneOffsetMinutes);
  if (!openedAt) issues.push({ field: 'openedAt', rule: 'isoDate', message: `must be an ISO date or date-time (2026-03-02 or 2026-03-02T09:30), got "${cell('openedAt')}"` });
  const deliveredAt = parseDmsDate(cell('deliveredAt'), zoneOffsetMinutes);
  if (!deliveredAt) issues.push({ field: 'deliveredAt', rule: 'isoDate', message: `must be an ISO date or date-time, got "${cell('deliveredAt')}"` });
  if (openedAt && deliveredAt && deliveredAt < openedAt) issues.push({ field: 'deliveredAt', rule: 'notBeforeOpened', message: 'delivered before it was opened' });
  if (deliveredAt && deliveredAt > now) issues.push({ field: 'deliveredAt', rule: 'notFuture', message: 'history cannot be delivered in the future' });
  const faultCode = cell('faultCode').toUpperCase();
  if (!CODE.test(faultCode)) issues.push({ field: 'faultCode', rule: 'code', message: 'required: letters, digits and . _ / - (up to 40)' });
  const laborOperations = listCell(cell('laborOperations'));
  const partNumbers = listCell(cell('partNumbers'));
  if (laborOperations.some((o) => !CODE.test(o))) issues.push({ field: 'laborOperations', rule: 'code', message: 'each operation: letters, digits and . _ / - (up to 40), separated by ; or |' });
  if (partNumbers.some((p) => !CODE.test(p))) issues.push({ field: 'partNumbers', rule: 'code', message: 'each part number: letters, digits and . _ / - (up to 40), separated by ; or |' });
  const mileageKm = optionalNumber(cell('mileageKm'), 'mileageKm', MAX_MILEAGE_KM, issues, true);
  const amount = optionalNumber(cell('amount'), 'amount', 10_000_000, issues, false);
  if (issues.length) return { issues };
  return {
    value: {
      roNumber,
      vin: normalizeVin(cell('vin')),
      openedAt: openedAt!,
      deliveredAt: deliveredAt!,
      mileageKm,
      faultCode,
      laborOperations,
      partNumbers,
      technicianId: cell('technicianId') || null,
      amount,
    },
  };
}
