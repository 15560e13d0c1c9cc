const DAY_MS = 86_400_000;

/**
 * A range of months `yyyy-mm` holding the local month, in any time zone, of every instant within
 * `days` of `at`: for a suite that counts what it does "this month" while services count each thing in
 * the local month of its center (Shanghai's month begins at 16:00 UTC the day before). Take it once
 * per suite, so counts before and after an action read the same range.
 */
export function monthsAround(at: Date = new Date(), days = 2): { from: string; to: string } {
  const month = (t: number) => new Date(t).toISOString().slice(0, 7);
  return { from: month(at.getTime() - days * DAY_MS), to: month(at.getTime() + days * DAY_MS) };
}
