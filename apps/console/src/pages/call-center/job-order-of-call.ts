/**
 * The id of the job order a call asks for. job-orders derives it from its source (`jo-` + the first 24
 * hex digits of sha256 of `CALL:<callId>`, apps/job-orders/README.md "One order per source"), and the
 * graph has no link from a call to its order, so the console derives it the same way and asks
 * `jobOrder(id)` until the order is there.
 */
export async function jobOrderIdOfCall(callId: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(`CALL:${callId}`));
  const hex = Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
  return `jo-${hex.slice(0, 24)}`;
}
