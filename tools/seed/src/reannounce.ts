import type { Graph } from '../../simulator/src/graph';

const CENTER = `query($id: ID!) { serviceCenter(id: $id) {
  id code name kind country regionId parentId timeZone location { lat lng } address { line1 city postalCode } phones
  star { auditDate } status rescue24h
  calendar { weekly { weekday slots { start end } } closures extraWorkingDays { date slots { start end } } observePublicHolidays subdivision }
  staff { id name email role active qualifications { role certifiedAt expiresAt } } } }`;
const IMPORT = `mutation($input: ImportServiceCentersInput!) { importServiceCenters(input: $input) { centers staff } }`;

const day = (iso: string) => iso.slice(0, 10);
const BATCH = 10;

/**
 * Has the network publish its snapshot of these centers again, by importing them unchanged: a service
 * whose consumer group joined after the centers were first published (or lost them) never hears of
 * them otherwise. Reads each center from the graph, so nothing HQ changed since is undone.
 */
export async function reannounceCenters(
  graph: Graph,
  hqToken: string,
  ids: readonly string[],
  log: (m: string) => void = () => undefined,
  onBatch: (ids: string[]) => void = () => undefined,
): Promise<number> {
  let done = 0;
  // Small batches: every center is an update of a large document on the network's side, and its
  // outbox relay works through them one by one after publishing.
  for (let i = 0; i < ids.length; i += BATCH) {
    const batchIds = ids.slice(i, i + BATCH);
    const centers: Record<string, unknown>[] = [];
    for (const id of batchIds) {
      const { serviceCenter: c } = await graph.data<{ serviceCenter: any }>(CENTER, { id }, hqToken);
      centers.push({
        ...c,
        star: c.star ? { auditDate: day(c.star.auditDate) } : null,
        calendar: { ...c.calendar, ...(c.calendar.subdivision ? {} : { subdivision: undefined }) },
        staff: c.staff.map((s: any) => ({ ...s, qualifications: s.qualifications.map((q: any) => ({ role: q.role, certifiedAt: day(q.certifiedAt), expiresAt: day(q.expiresAt) })) })),
      });
    }
    await graph.data(IMPORT, { input: { centers } }, hqToken);
    done += centers.length;
    onBatch(batchIds);
    log(`network: re-announced ${done}/${ids.length} centers`);
  }
  return done;
}
