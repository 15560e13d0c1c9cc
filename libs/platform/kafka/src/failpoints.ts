/**
 * Crash points for the fault suite (tools/faults): with `AFTERSALES_FAILPOINTS=outbox:before-publish`
 * the process dies by SIGKILL at that point, as it would on a power cut, so a test can prove what
 * survives a crash at the worst moment. Never armed in production.
 */
export type Failpoint = 'outbox:before-publish' | 'outbox:after-publish';

export function failpoint(name: Failpoint): void {
  if (process.env.NODE_ENV === 'production') return;
  const armed = process.env.AFTERSALES_FAILPOINTS;
  if (armed && armed.split(',').includes(name)) process.kill(process.pid, 'SIGKILL');
}
