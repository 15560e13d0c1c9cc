/** What `POST /test/clock` takes (mounted with NODE_ENV=test): a time to jump to, a step, or back to real time. */
export type ClockMove = { now: string } | { advanceMs: number } | { reset: true };

/** Moves one service's business clock; answers the service's time after the move. */
export async function moveClock(baseUrl: string, move: ClockMove): Promise<{ now: string }> {
  const res = await fetch(`${baseUrl}/test/clock`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(move) });
  if (!res.ok) throw new Error(`${baseUrl}/test/clock answered ${res.status} ${await res.text()}`);
  return (await res.json()) as { now: string };
}
