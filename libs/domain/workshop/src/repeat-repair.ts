/** A finished visit in a vehicle's history, as far as repeat detection needs it. */
export interface PastVisit {
  repairOrderId: string;
  serviceCenterId: string;
  deliveredAt: Date;
  faultCode: string;
  operations: readonly string[];
  technicianId: string | null;
}

export interface Arrival {
  at: Date;
  faultCode: string;
  operations: readonly string[];
}

export const DEFAULT_REPEAT_WINDOW_DAYS = 30;

/**
 * A vehicle back within the window for the same fault or the same labor operation is a repeat
 * repair (red tag); the most recent such visit is the one it repeats.
 */
export function findRepeatOf(history: readonly PastVisit[], arrival: Arrival, windowDays = DEFAULT_REPEAT_WINDOW_DAYS): PastVisit | null {
  const windowMs = windowDays * 86_400_000;
  const ops = new Set(arrival.operations);
  let best: PastVisit | null = null;
  for (const v of history) {
    const age = arrival.at.getTime() - v.deliveredAt.getTime();
    if (age < 0 || age > windowMs) continue;
    const same = v.faultCode === arrival.faultCode || v.operations.some((o) => ops.has(o));
    if (same && (!best || v.deliveredAt > best.deliveredAt)) best = v;
  }
  return best;
}
