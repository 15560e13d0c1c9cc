import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { stringify } from 'csv-stringify/sync';
import { serviceEnv, startGateway, startServiceProcess, tokenFor, type GraphQLClient, type ServiceProcess } from '@aftersales/testing';
import { loadavg, withInfra } from './infra';

export const describe = 'imports: 50,000-row DMS repair-order history and EPC parts catalog, rows/s first import and re-import (unchanged)';

const log = (msg: string) => process.stderr.write(`bench imports: ${msg}\n`);
const CAL = { weekly: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, slots: [{ start: '08:30', end: '17:30' }] })), closures: [], extraWorkingDays: [], observePublicHolidays: true };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Job {
  id: string;
  status: string;
  total: number;
  processed: number;
  accepted: number;
  rejected: number;
  unchanged: number;
  createdAt: string;
  finishedAt: string | null;
  failure: string | null;
  issues: { row: number; field: string; rule: string; message: string }[];
}
const JOB_FIELDS = 'id status total processed accepted rejected unchanged createdAt finishedAt failure issues { row field rule message }';

/** Starts an import, polls the job to its end; rows/s over the job's own lifetime and over the whole call (upload and parse included). */
async function measure(label: string, start: () => Promise<{ id: string }>, poll: (id: string) => Promise<Job>): Promise<void> {
  const t0 = performance.now();
  const { id } = await start();
  const accepted = performance.now() - t0;
  let job = await poll(id);
  while (job.status === 'PENDING' || job.status === 'RUNNING') {
    await sleep(200);
    job = await poll(id);
  }
  const wall = (performance.now() - t0) / 1000;
  if (job.status !== 'COMPLETED') throw new Error(`${label}: ${job.status} ${job.failure}`);
  // Every bench row is valid: a rejected row means the figure measures the validator's refusals, not the import.
  if (job.rejected) throw new Error(`${label}: ${job.rejected} rows rejected, e.g. ${JSON.stringify(job.issues[0])}`);
  const jobSeconds = (new Date(job.finishedAt!).getTime() - new Date(job.createdAt).getTime()) / 1000;
  process.stdout.write(
    `${label.padEnd(34)} rows ${job.total}  accepted ${job.accepted}  unchanged ${job.unchanged}  rejected ${job.rejected}  ` +
      `mutation answered in ${(accepted / 1000).toFixed(1)} s  job ${jobSeconds.toFixed(1)} s = ${Math.round(job.total / jobSeconds)} rows/s  ` +
      `end to end ${wall.toFixed(1)} s = ${Math.round(job.total / wall)} rows/s\n`,
  );
}

function dmsFile(rows: number): string {
  const data = Array.from({ length: rows }, (_, i) => [
    `RO-${i}`,
    `WVWZZZ1JZ3W${String(i).padStart(6, '0')}`,
    '2025-06-01 09:00',
    '2025-06-01 17:00',
    String(10_000 + i),
    i % 3 ? 'SERVICE' : 'BRAKE-NOISE',
    'OP-OIL;OP-FILTER',
    'P-OIL|P-FILTER',
    `T-${i % 20}`,
    '120.50',
  ]);
  return Buffer.from(stringify([['roNumber', 'vin', 'openedAt', 'deliveredAt', 'mileageKm', 'faultCode', 'laborOperations', 'partNumbers', 'technicianId', 'amount'], ...data])).toString('base64');
}

function epcFile(rows: number): string {
  const pn = (i: number) => `BE-${String(i).padStart(6, '0')}`;
  // Every fifth part superseded by the next one: chains are checked on a real share of the rows.
  const data = Array.from({ length: rows }, (_, i) => [pn(i), `en:Bench part ${i}|zh-CN:零件${i}|de:Teil ${i}`, i % 5 === 0 && i + 1 < rows ? pn(i + 1) : '', '19.99', 'PIECE', '30']);
  return Buffer.from(stringify([['partNumber', 'names', 'supersededBy', 'listPrice', 'unit', 'leadTimeDays'], ...data])).toString('base64');
}

export async function run(args: string[]): Promise<void> {
  const { values } = parseArgs({ args, options: { rows: { type: 'string', default: '50000' } } });
  const rows = Number(values.rows);
  await withInfra('imports', log, async () => {
    const sfx = randomBytes(3).toString('hex');
    const env = { NODE_ENV: 'production', LOG_LEVEL: process.env.BENCH_LOG_LEVEL || 'warn' };
    const processes: ServiceProcess[] = [];
    try {
      const network = await startServiceProcess('apps/network/src/main.ts', serviceEnv(`bench_imnet_${sfx}`, env), { timeoutMs: 120_000 });
      processes.push(network);
      const workshop = await startServiceProcess('apps/workshop/src/main.ts', serviceEnv(`bench_imws_${sfx}`, { ...env, WORKSHOP_CONSUMER_GROUP: `bench-imws-${sfx}` }), { timeoutMs: 120_000 });
      processes.push(workshop);
      const parts = await startServiceProcess('apps/parts/src/main.ts', serviceEnv(`bench_impt_${sfx}`, { ...env, PARTS_KAFKA_GROUP: `bench-impt-${sfx}` }), { timeoutMs: 120_000 });
      processes.push(parts);
      const token = await tokenFor({ role: 'HQ_ADMIN', subject: 'bench', expiresIn: '6h' });
      const net = network.client.as(token);
      const region = `rg-bi${sfx}`;
      const center = `bi${sfx}-d1`;
      await net.data(`mutation($i: RegionInput!) { upsertRegion(input: $i) { id } }`, { i: { id: region, code: `BI${sfx.toUpperCase()}`, name: 'Bench', countries: ['CN'] } });
      await net.data(`mutation($i: ImportServiceCentersInput!) { importServiceCenters(input: $i) { centers } }`, {
        i: {
          centers: [
            { id: center, code: center.toUpperCase(), name: center, kind: 'SERVICE_CENTER', country: 'CN', regionId: region, parentId: null, timeZone: 'Asia/Shanghai', location: { lat: 31, lng: 121 }, address: { line1: 'x', city: 'y' }, phones: [], star: null, calendar: CAL, status: 'ACTIVE', rescue24h: false, staff: [] },
          ],
        },
      });
      // Through the gateway, as a dealer's or planner's client sends it: the whole file in one mutation.
      const gateway = await startGateway({ network: network.graphqlUrl, workshop: workshop.graphqlUrl, parts: parts.graphqlUrl });
      processes.push(gateway);
      const ws: GraphQLClient = gateway.client.as(token);
      const pt: GraphQLClient = ws;
      const IMPORT_RO = `mutation($input: ImportRepairOrderHistoryInput!) { importRepairOrderHistory(input: $input) { id } }`;
      const deadline = Date.now() + 60_000;
      // The center reaches the workshop by event: a one-row import is refused (NOT_FOUND) until it has.
      const warmup = Buffer.from(`roNumber,vin,openedAt,deliveredAt,faultCode\nWARMUP,WVWZZZ1JZ3WZZZZZZ,2025-01-01,2025-01-01,X\n`).toString('base64');
      while ((await ws.request(IMPORT_RO, { input: { serviceCenterId: center, fileName: 'warmup.csv', contentType: 'CSV', contentBase64: warmup } })).errors) {
        if (Date.now() > deadline) throw new Error('the workshop never learned the bench center');
        await sleep(250);
      }
      const ro = dmsFile(rows);
      const epc = epcFile(rows);
      log(`files: DMS ${(ro.length / 1e6).toFixed(1)} MB, EPC ${(epc.length / 1e6).toFixed(1)} MB (base64); load average before: ${await loadavg()}`);
      const pollRo = async (id: string) => (await ws.data(`query($id: ID!) { repairOrderImportJob(id: $id, issuesLimit: 1) { ${JOB_FIELDS} } }`, { id })).repairOrderImportJob as Job;
      const startRo = async () => (await ws.data(IMPORT_RO, { input: { serviceCenterId: center, fileName: 'bench.csv', contentType: 'CSV', contentBase64: ro } })).importRepairOrderHistory as { id: string };
      await measure('DMS repair orders, first import', startRo, pollRo);
      await measure('DMS repair orders, re-import', startRo, pollRo);
      const pollEpc = async (id: string) => (await pt.data(`query($id: ID!) { partsCatalogImportJob(id: $id, issuesLimit: 1) { ${JOB_FIELDS} } }`, { id })).partsCatalogImportJob as Job;
      const startEpc = async () => (await pt.data(`mutation($input: ImportPartsCatalogInput!) { importPartsCatalog(input: $input) { id } }`, { input: { fileName: 'bench.csv', contentType: 'CSV', contentBase64: epc } })).importPartsCatalog as { id: string };
      await measure('EPC parts catalog, first import', startEpc, pollEpc);
      await measure('EPC parts catalog, re-import', startEpc, pollEpc);
      process.stdout.write(`load average after (1/5/15 min): ${await loadavg()} on ${(await import('node:os')).cpus().length} cores\n`);
    } catch (err) {
      for (const p of processes) log(`output of ${p.baseUrl}:\n${p.output().slice(-3000)}`);
      throw err;
    } finally {
      for (const p of processes.reverse()) await p.stop().catch(() => undefined);
    }
  });
}
