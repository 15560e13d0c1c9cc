import ExcelJS from 'exceljs';
import { stringify } from 'csv-stringify/sync';
import { Clock, ControllableClock, createLogger } from '@aftersales/platform-core';
import { EventConsumer } from '@aftersales/platform-kafka';
import { eventually as waitFor, errorCodes, GraphQLClient, serviceEnv, startApp, startGateway, startServiceProcess, tokenFor, uniqueName, type RunningApp, type ServiceProcess } from '@aftersales/testing';
import { AppModule } from '../src/app.module';
import { workshopConfig } from '../src/config';
import { DMS_IMPORT_KIND, DmsImportsService } from '../src/dms-imports/dms-imports.service';
import { CENTER_A, CENTER_B, CENTERS, REGION, REGION_INPUT, repairOrderInput, STAFF } from './fixtures';

const IMPORT = `mutation($input: ImportRepairOrderHistoryInput!) { importRepairOrderHistory(input: $input) { id status total processed serviceCenterId } }`;
const JOB = `query($id: ID!, $o: Int, $l: Int) { repairOrderImportJob(id: $id, issuesOffset: $o, issuesLimit: $l) { id status total processed accepted rejected unchanged progressPercent failure issues { row field rule message } } }`;
const HEADER = ['RO Number', 'VIN', 'openedAt', 'deliveredAt', 'mileageKm', 'faultCode', 'laborOperations', 'partNumbers', 'technicianId', 'amount'];
// European VINs: no mandatory check digit. VIN_BAD starts with L, whose check digit is wrong.
const VIN_REPEAT = 'WVWZZZ1JZ3W100001';
const VIN_OTHER = 'WVWZZZ1JZ3W100002';
const VIN_BAD = 'LJ12EKR23N4000002';

interface Job {
  id: string;
  status: string;
  total: number;
  processed: number;
  accepted: number;
  rejected: number;
  unchanged: number;
  progressPercent: number;
  failure: string | null;
  issues: { row: number; field: string; rule: string; message: string }[];
}

const ROWS: string[][] = [
  ['DMS-1', VIN_REPEAT, '2026-02-20 09:00', '2026-02-20 17:30', '41000', 'BRAKE-NOISE', 'OP-BRAKE', 'P-PAD', 'T-9', '480.00'],
  ['DMS-2', VIN_OTHER, '2025-11-03', '2025-11-04', '12000', 'OIL-LEAK', 'OP-SEAL;OP-OIL', '', '', ''],
  ['DMS-3', VIN_BAD, '2025-10-01', '2025-10-02', '1', 'X', '', '', '', ''],
  ['DMS-4', VIN_OTHER, '2025-13-01', '2025-10-02', 'ten', 'X', '', '', '', ''],
  ['DMS-1', VIN_OTHER, '2025-09-01', '2025-09-02', '', 'X', '', '', '', ''],
];

const csv = (rows: string[][]) => Buffer.from(stringify([HEADER, ...rows])).toString('base64');
async function xlsx(rows: string[][]): Promise<string> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Repair orders');
  [HEADER, ...rows].forEach((r) => sheet.addRow(r));
  return Buffer.from(await book.xlsx.writeBuffer()).toString('base64');
}

describe('DMS repair-order history import through the gateway', () => {
  let network: ServiceProcess;
  let workshop: RunningApp;
  let gateway: ServiceProcess;
  let clock: ControllableClock;
  let hq: GraphQLClient;
  let dealerA: GraphQLClient;
  let dealerB: GraphQLClient;

  const finished = (client: GraphQLClient, id: string) =>
    waitFor('the import to finish', async () => (await client.data(JOB, { id })).repairOrderImportJob as Job, (j) => j.status === 'COMPLETED' || j.status === 'FAILED', 120_000, 100);

  beforeAll(async () => {
    network = await startServiceProcess('apps/network/src/main.ts', serviceEnv(uniqueName('dms_network')));
    const config = workshopConfig(serviceEnv(uniqueName('dms'), { WORKSHOP_CONSUMER_GROUP: uniqueName('dms') }));
    workshop = await startApp(AppModule.forRoot(config, createLogger('workshop', process.env.TEST_LOG_LEVEL ?? 'silent')), 'workshop');
    await workshop.app.get(EventConsumer).waitForJoin();
    clock = workshop.app.get(Clock) as ControllableClock;
    clock.set(new Date('2026-03-02T02:00:00Z'));
    gateway = await startGateway({ network: network.graphqlUrl, workshop: workshop.graphqlUrl });
    hq = gateway.client.as(await tokenFor({ role: 'HQ_ADMIN', subject: 'hq-dms' }));
    dealerA = gateway.client.as(await tokenFor({ role: 'DEALER', subject: 'dms-a', centers: [CENTER_A], regions: [REGION] }));
    dealerB = gateway.client.as(await tokenFor({ role: 'DEALER', subject: 'dms-b', centers: [CENTER_B], regions: [REGION] }));
    await hq.data(`mutation($input: RegionInput!) { upsertRegion(input: $input) { id } }`, { input: REGION_INPUT });
    await hq.data(`mutation($input: ImportServiceCentersInput!) { importServiceCenters(input: $input) { centers } }`, { input: { centers: CENTERS } });
    await waitFor('centers in the workshop read model', async () => ((await hq.request(`{ workshopStaff(serviceCenterId: "${CENTER_A}") { id } }`)).data as { workshopStaff?: unknown[] } | undefined)?.workshopStaff?.length ?? 0, (n) => n === 6, 30_000, 250);
  }, 180_000);

  afterAll(async () => {
    await gateway?.stop();
    await workshop?.close();
    await network?.stop();
  });

  let firstJob: Job;

  it('a dealer imports its DMS history: valid rows written, bad rows reported by row, field and rule, nothing written for them', async () => {
    const started = (await dealerA.data(IMPORT, { input: { serviceCenterId: CENTER_A, fileName: 'history.csv', contentType: 'CSV', contentBase64: csv(ROWS) } })).importRepairOrderHistory;
    expect(started).toMatchObject({ status: 'PENDING', total: 5, processed: 0, serviceCenterId: CENTER_A });
    firstJob = await finished(dealerA, started.id);
    expect(firstJob).toMatchObject({ status: 'COMPLETED', total: 5, processed: 5, accepted: 2, rejected: 3, unchanged: 0, progressPercent: 100, failure: null });
    expect(firstJob.issues.map((i) => `${i.row}:${i.field}:${i.rule}`)).toEqual([
      '4:vin:vinCheckDigit',
      '5:openedAt:isoDate',
      '5:mileageKm:nonNegativeInteger',
      '6:roNumber:uniqueInFile',
    ]);
    // paged
    const page = (await dealerA.data(JOB, { id: started.id, o: 1, l: 2 })).repairOrderImportJob as Job;
    expect(page.issues.map((i) => i.row)).toEqual([5, 5]);
    const history = (await dealerA.data(`{ vehicleHistory(vin: "${VIN_REPEAT}") { repairOrderId serviceCenterId source dmsRoNumber faultCode operations mileageKm openedAt deliveredAt } }`)).vehicleHistory;
    expect(history).toEqual([
      { repairOrderId: `${CENTER_A}|DMS-1`, serviceCenterId: CENTER_A, source: 'DMS', dmsRoNumber: 'DMS-1', faultCode: 'BRAKE-NOISE', operations: ['OP-BRAKE'], mileageKm: 41000, openedAt: '2026-02-20T01:00:00.000Z', deliveredAt: '2026-02-20T09:30:00.000Z' },
    ]);
    // the rejected row for VIN_OTHER (row 6) wrote nothing: only DMS-2 is in its history
    const other = (await dealerA.data(`{ vehicleHistory(vin: "${VIN_OTHER}") { dmsRoNumber } }`)).vehicleHistory;
    expect(other).toEqual([{ dmsRoNumber: 'DMS-2' }]);
    expect((await dealerB.data(`{ vehicleHistory(vin: "${VIN_REPEAT}") { dmsRoNumber } }`)).vehicleHistory).toEqual([]);
  });

  it('the same file again, as XLSX, changes nothing and reports the rows as unchanged', async () => {
    const started = (await dealerA.data(IMPORT, { input: { serviceCenterId: CENTER_A, fileName: 'history.xlsx', contentType: 'XLSX', contentBase64: await xlsx(ROWS) } })).importRepairOrderHistory;
    const job = await finished(dealerA, started.id);
    expect(job).toMatchObject({ status: 'COMPLETED', accepted: 0, unchanged: 2, rejected: 3 });
    expect((await dealerA.data(`{ vehicleHistory(vin: "${VIN_OTHER}") { dmsRoNumber } }`)).vehicleHistory).toEqual([{ dmsRoNumber: 'DMS-2' }]);
    // a corrected row is an update, not a second visit
    const fixed = [['DMS-2', VIN_OTHER, '2025-11-03', '2025-11-04', '12500', 'OIL-LEAK', 'OP-SEAL;OP-OIL', '', '', '']];
    const again = await finished(dealerA, (await dealerA.data(IMPORT, { input: { serviceCenterId: CENTER_A, fileName: 'fix.csv', contentType: 'CSV', contentBase64: csv(fixed) } })).importRepairOrderHistory.id);
    expect(again).toMatchObject({ accepted: 1, unchanged: 0, rejected: 0 });
    expect((await dealerA.data(`{ vehicleHistory(vin: "${VIN_OTHER}") { dmsRoNumber mileageKm } }`)).vehicleHistory).toEqual([{ dmsRoNumber: 'DMS-2', mileageKm: 12500 }]);
  });

  it('an imported past visit makes a new repair order for the same fault within the window a repeat repair', async () => {
    clock.set(new Date('2026-03-03T01:40:00Z'));
    const opened = (
      await dealerA.data(`mutation($input: OpenRepairOrderInput!) { openRepairOrder(input: $input) { id repeatRepair repeatOf { repairOrderId serviceCenterId deliveredAt } } }`, {
        input: repairOrderInput({ vehicle: { vin: VIN_REPEAT, model: 'JS4' }, advisorId: STAFF.advisor }),
      })
    ).openRepairOrder;
    expect(opened).toMatchObject({ repeatRepair: true, repeatOf: { repairOrderId: `${CENTER_A}|DMS-1`, serviceCenterId: CENTER_A, deliveredAt: '2026-02-20T09:30:00.000Z' } });
    const history = (await dealerA.data(`{ vehicleHistory(vin: "${VIN_REPEAT}") { source repeatRepair } }`)).vehicleHistory;
    expect(history).toEqual([
      { source: 'DMS', repeatRepair: false },
      { source: 'PLATFORM', repeatRepair: true },
    ]);
  });

  it('refuses a file outside the caller’s centers, a wrong type, bad headers and too many rows; jobs are scoped', async () => {
    const input = { serviceCenterId: CENTER_A, fileName: 'h.csv', contentType: 'CSV', contentBase64: csv(ROWS.slice(0, 1)) };
    expect(errorCodes(await dealerB.request(IMPORT, { input }))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await dealerB.request(JOB, { id: firstJob.id }))).toEqual(['NOT_FOUND']);
    expect((await hq.data(JOB, { id: firstJob.id })).repairOrderImportJob.id).toBe(firstJob.id);
    const issues = async (over: Record<string, unknown>) => {
      const res = await dealerA.request(IMPORT, { input: { ...input, ...over } });
      return ((res.errors?.[0]?.extensions?.issues ?? []) as { field: string; rule: string }[]).map((i) => `${i.field}:${i.rule}`);
    };
    expect(await issues({ contentType: 'XLSX' })).toEqual(['contentType:matchesContent']);
    expect(await issues({ contentBase64: Buffer.from('RO Number,vin,colour\nA,B,C\n').toString('base64') })).toEqual([
      'header.3:knownColumn',
      'header.openedAt:requiredColumn',
      'header.deliveredAt:requiredColumn',
      'header.faultCode:requiredColumn',
    ]);
    const tooMany = Array.from({ length: 50_001 }, (_, i) => `R${i},${VIN_OTHER},2025-01-01,2025-01-01,,X`).join('\n');
    expect(await issues({ contentBase64: Buffer.from(`roNumber,vin,openedAt,deliveredAt,mileageKm,faultCode\n${tooMany}\n`).toString('base64') })).toEqual(['contentBase64:maxRows']);
  });

  it('at boot, a job left RUNNING by a process that stopped beating is marked FAILED, saying how to finish it', async () => {
    const imports = workshop.app.get(DmsImportsService);
    const principal = { subject: 'dms-a', roles: ['DEALER' as const], serviceCenterIds: [CENTER_A], regionIds: [REGION] };
    const orphan = await imports.jobs.create(DMS_IMPORT_KIND, principal, 'dead.csv', 10, { serviceCenterId: CENTER_A, regionId: REGION });
    expect(await imports.jobs.failInterrupted(5 * 60_000)).toBe(0);
    clock.set(new Date(clock.now().getTime() + 6 * 60_000));
    expect(await imports.jobs.failInterrupted(5 * 60_000)).toBe(1);
    const job = (await dealerA.data(`query($id: ID!) { repairOrderImportJob(id: $id) { status failure } }`, { id: orphan._id })).repairOrderImportJob;
    expect(job.status).toBe('FAILED');
    expect(job.failure).toMatch(/upload the file again/);
  });

  it('a few thousand rows are processed in the background, the job showing its progress chunk by chunk', async () => {
    const rows = Array.from({ length: 4000 }, (_, i) => [`BULK-${i}`, `WVWZZZ1JZ3W2${String(i).padStart(5, '0')}`, '2025-06-01', '2025-06-02', '1000', 'SERVICE', 'OP-OIL', '', '', '100']);
    const started = (await hq.data(IMPORT, { input: { serviceCenterId: CENTER_A, fileName: 'bulk.csv', contentType: 'CSV', contentBase64: csv(rows) } })).importRepairOrderHistory;
    expect(started).toMatchObject({ status: 'PENDING', total: 4000, processed: 0 });
    const seen: number[] = [];
    const job = await waitFor(
      'the bulk import to finish',
      async () => {
        const j = (await hq.data(JOB, { id: started.id })).repairOrderImportJob as Job;
        seen.push(j.processed);
        return j;
      },
      (j) => j.status === 'COMPLETED',
      120_000,
      20,
    );
    expect(job).toMatchObject({ accepted: 4000, rejected: 0, processed: 4000, progressPercent: 100 });
    expect(seen.some((p) => p > 0 && p < 4000)).toBe(true);
    expect(seen.every((p, i) => i === 0 || p >= seen[i - 1])).toBe(true);
  });
});
