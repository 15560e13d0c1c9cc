import ExcelJS from 'exceljs';
import { stringify } from 'csv-stringify/sync';
import { genuineCode } from '@aftersales/domain-parts';
import { createLogger } from '@aftersales/platform-core';
import { EventConsumer } from '@aftersales/platform-kafka';
import { eventually as waitFor, errorCodes, GraphQLClient, seedTestNetwork, serviceEnv, startApp, startGateway, startServiceProcess, tokenFor, uniqueName, type RunningApp, type ServiceProcess } from '@aftersales/testing';
import { AppModule } from '../src/app.module';
import { partsConfig } from '../src/config';
import { networkFixture } from './fixtures';

const NET = networkFixture();
const { d1, rc } = NET.ids;
const IMPORT = `mutation($input: ImportPartsCatalogInput!) { importPartsCatalog(input: $input) { id status total processed } }`;
const JOB = `query($id: ID!) { partsCatalogImportJob(id: $id) { id status total processed accepted rejected unchanged progressPercent issues { row field rule message } } }`;
const PART = `query($pn: String!) { part(partNumber: $pn) { partNumber supersededBy currentPartNumber listPrice unit leadTimeDays en: name(lang: "en") zh: name(lang: "zh-CN") de: name(lang: "de") } }`;
const HEADER = ['Part Number', 'names', 'supersededBy', 'listPrice', 'unit', 'leadTimeDays', 'genuinePackageCodes'];
const CODE_A = genuineCode(new Uint8Array(12).map((_, i) => (i * 37 + Date.now()) % 256));
const CODE_B = genuineCode(new Uint8Array(12).map((_, i) => (i * 11 + Date.now()) % 256));

interface Job {
  id: string;
  status: string;
  total: number;
  processed: number;
  accepted: number;
  rejected: number;
  unchanged: number;
  progressPercent: number;
  issues: { row: number; field: string; rule: string; message: string }[];
}

// OLD -> MID -> NEW: an old number superseded twice; LOOP-A <-> LOOP-B a cycle inside the file.
const ROWS: string[][] = [
  ['EP-OLD', 'en:Brake pad (old)|zh-CN:刹车片（旧）', 'EP-MID', '40', 'SET', '20', ''],
  ['EP-MID', 'en:Brake pad (mid)', 'EP-NEW', '41', 'SET', '20', ''],
  ['EP-NEW', 'en:Brake pad set|zh-CN:刹车片|de:Bremsbeläge', '', '42.5', 'SET', '25', `${CODE_A};${CODE_B}`],
  ['EP-LOOP-A', 'en:Loop A', 'EP-LOOP-B', '1', '', '', ''],
  ['EP-LOOP-B', 'en:Loop B', 'EP-LOOP-A', '1', '', '', ''],
  ['EP-ORPHAN', 'en:Orphan', 'EP-NOWHERE', '1', '', '', ''],
  ['EP-BAD', 'Brake pad', '', '-3', 'BOX', '', ''],
  ['EP-NEW', 'en:Twice', '', '1', '', '', ''],
];

const csv = (rows: string[][]) => Buffer.from(stringify([HEADER, ...rows])).toString('base64');
async function xlsx(rows: string[][]): Promise<string> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Catalog');
  [HEADER, ...rows].forEach((r) => sheet.addRow(r));
  return Buffer.from(await book.xlsx.writeBuffer()).toString('base64');
}

describe('EPC parts-catalog import through the gateway', () => {
  let parts: RunningApp;
  let network: ServiceProcess;
  let gateway: ServiceProcess;
  let planner: GraphQLClient;
  let hq: GraphQLClient;
  let dealer: GraphQLClient;

  const finished = (id: string) =>
    waitFor('the import to finish', async () => (await planner.data(JOB, { id })).partsCatalogImportJob as Job, (j) => j.status === 'COMPLETED' || j.status === 'FAILED', 120_000, 100);

  beforeAll(async () => {
    parts = await startApp(AppModule.forRoot(partsConfig(serviceEnv(uniqueName('epc'), { PARTS_KAFKA_GROUP: uniqueName('epc') })), createLogger('parts', 'silent')), 'parts');
    await parts.app.get(EventConsumer).waitForJoin();
    network = await startServiceProcess('apps/network/src/main.ts', serviceEnv(uniqueName('epc_network')));
    gateway = await startGateway({ network: network.graphqlUrl, parts: parts.graphqlUrl });
    hq = gateway.client.as(await tokenFor({ role: 'HQ_ADMIN' }));
    planner = gateway.client.as(await tokenFor({ role: 'PARTS_PLANNER', subject: 'planner-epc' }));
    dealer = gateway.client.as(await tokenFor({ role: 'DEALER', centers: [d1], regions: [NET.region.id] }));
    await seedTestNetwork(hq, { regions: [NET.region], centers: NET.centers });
    await waitFor(
      'parts to learn the centers',
      async () => (await Promise.all([rc, d1].map((loc) => hq.request(`query($loc: ID!) { stock(locationId: $loc) { partNumber } }`, { loc })))).every((r) => !r.errors),
      Boolean,
      90_000,
      250,
    );
  }, 300_000);

  afterAll(async () => {
    await gateway?.stop();
    await network?.stop();
    await parts?.close();
  });

  it('imports parts with names in several languages, supersessions and genuine codes; cycles and bad rows are row errors', async () => {
    const started = (await planner.data(IMPORT, { input: { fileName: 'epc.csv', contentType: 'CSV', contentBase64: csv(ROWS) } })).importPartsCatalog;
    expect(started).toMatchObject({ status: 'PENDING', total: 8, processed: 0 });
    const job = await finished(started.id);
    expect(job).toMatchObject({ status: 'COMPLETED', processed: 8, accepted: 3, rejected: 5, unchanged: 0, progressPercent: 100 });
    expect(job.issues.map((i) => `${i.row}:${i.field}:${i.rule}`)).toEqual([
      '5:supersededBy:cycle',
      '6:supersededBy:cycle',
      '7:supersededBy:exists',
      '8:names:langText',
      '8:listPrice:price',
      '8:unit:enum',
      '9:partNumber:uniqueInFile',
    ]);
    expect(job.issues[0].message).toBe('supersession cycle: EP-LOOP-A -> EP-LOOP-B -> EP-LOOP-A');
    expect((await planner.data(PART, { pn: 'EP-NEW' })).part).toEqual({ partNumber: 'EP-NEW', supersededBy: null, currentPartNumber: 'EP-NEW', listPrice: 42.5, unit: 'SET', leadTimeDays: 25, en: 'Brake pad set', zh: '刹车片', de: 'Bremsbeläge' });
    expect((await planner.data(PART, { pn: 'EP-OLD' })).part).toMatchObject({ supersededBy: 'EP-MID', currentPartNumber: 'EP-NEW', zh: '刹车片（旧）' });
    for (const pn of ['EP-LOOP-A', 'EP-ORPHAN', 'EP-BAD']) expect(errorCodes(await planner.request(PART, { pn }))).toEqual(['NOT_FOUND']);
    // the imported genuine-package codes verify for their part, once
    const verify = `mutation($input: VerifyGenuineCodeInput!) { verifyGenuineCode(input: $input) { verdict } }`;
    expect((await dealer.data(verify, { input: { code: CODE_A, partNumber: 'EP-NEW', locationId: d1 } })).verifyGenuineCode.verdict).toBe('GENUINE');
    expect((await dealer.data(verify, { input: { code: CODE_B, partNumber: 'EP-OLD', locationId: d1 } })).verifyGenuineCode.verdict).toBe('WRONG_PART');
  });

  it('the same file again, as XLSX, changes nothing and reports the rows as unchanged', async () => {
    const started = (await planner.data(IMPORT, { input: { fileName: 'epc.xlsx', contentType: 'XLSX', contentBase64: await xlsx(ROWS) } })).importPartsCatalog;
    expect(await finished(started.id)).toMatchObject({ status: 'COMPLETED', accepted: 0, unchanged: 3, rejected: 5 });
    // a genuine code already issued for another part is a row error
    const stolen = [['EP-MID', 'en:Brake pad (mid)', 'EP-NEW', '41', 'SET', '20', CODE_A]];
    const job = await finished((await planner.data(IMPORT, { input: { fileName: 'c.csv', contentType: 'CSV', contentBase64: csv(stolen) } })).importPartsCatalog.id);
    expect(job.issues.map((i) => `${i.row}:${i.field}:${i.rule}`)).toEqual(['2:genuineCodes:codeOfAnotherPart']);
  });

  it('an order for a superseded number is an order for the newest one', async () => {
    const order = (
      await dealer.data(`mutation($input: SubmitPartsOrderInput!) { submitPartsOrder(input: $input) { id lines { partNumber requested } } }`, {
        input: { locationId: d1, lines: [{ partNumber: 'EP-OLD', quantity: 2 }] },
      })
    ).submitPartsOrder;
    expect(order.lines).toEqual([{ partNumber: 'EP-NEW', requested: 2 }]);
    const stock = (await dealer.data(`query($loc: ID!) { stock(locationId: $loc, partNumbers: ["EP-NEW", "EP-OLD"]) { partNumber onOrder } }`, { loc: d1 })).stock;
    // the old number's own stock stays under it (packages are labelled with it); nothing more is ordered for it
    expect(stock).toEqual(expect.arrayContaining([{ partNumber: 'EP-NEW', onOrder: 2 }, { partNumber: 'EP-OLD', onOrder: 0 }]));
  });

  it('an ABC run classifies the demand of superseded numbers under the newest one', async () => {
    const { d2 } = NET.ids;
    const months = Array.from({ length: 12 }, (_, i) => `2026-${String(i + 1).padStart(2, '0')}`).slice(0, 10);
    const lines = [['EP-OLD', 10], ['EP-MID', 5], ['EP-NEW', 1]].flatMap(([partNumber, quantity]) => months.map((month) => ({ partNumber, month, quantity })));
    await planner.data(`mutation($input: ImportDemandInput!) { importDemandHistory(input: $input) }`, { input: { locationId: d2, lines } });
    const run = (await planner.data(`mutation($input: ClassificationRunInput) { runClassification(input: $input) { id } }`, { input: { locationIds: [d2], lastMonth: '2026-10' } })).runClassification;
    const done = await waitFor('the run', async () => (await planner.data(`{ classificationRun(id: "${run.id}") { status partsPlanned } }`)).classificationRun, (r) => r.status !== 'RUNNING', 90_000, 250);
    expect(done).toEqual({ status: 'DONE', partsPlanned: 1 });
    const plans = (await planner.data(`{ partPlans(locationId: "${d2}") { partNumber abc } }`)).partPlans;
    expect(plans).toEqual([{ partNumber: 'EP-NEW', abc: 'A' }]);
  });

  it('only HQ admins and parts planners import or read catalog imports', async () => {
    const input = { fileName: 'epc.csv', contentType: 'CSV', contentBase64: csv(ROWS.slice(0, 1)) };
    expect(errorCodes(await dealer.request(IMPORT, { input }))).toEqual(['FORBIDDEN']);
    const { id } = (await hq.data(IMPORT, { input })).importPartsCatalog;
    expect(errorCodes(await dealer.request(JOB, { id }))).toEqual(['FORBIDDEN']);
    expect((await finished(id)).status).toBe('COMPLETED');
  });

  it('a few thousand parts are processed in the background with progress chunk by chunk', async () => {
    const rows = Array.from({ length: 5000 }, (_, i) => [`BK-${String(i).padStart(5, '0')}`, `en:Bulk part ${i}|zh-CN:零件${i}`, i > 0 && i % 2 ? `BK-${String(i - 1).padStart(5, '0')}` : '', '9.99', '', '', '']);
    const started = (await planner.data(IMPORT, { input: { fileName: 'bulk.csv', contentType: 'CSV', contentBase64: csv(rows) } })).importPartsCatalog;
    const seen: number[] = [];
    const job = await waitFor(
      'the bulk import to finish',
      async () => {
        const j = (await planner.data(JOB, { id: started.id })).partsCatalogImportJob as Job;
        seen.push(j.processed);
        return j;
      },
      (j) => j.status === 'COMPLETED',
      120_000,
      20,
    );
    expect(job).toMatchObject({ accepted: 5000, rejected: 0 });
    expect(seen.some((p) => p > 0 && p < 5000)).toBe(true);
    expect((await planner.data(PART, { pn: 'BK-00001' })).part.currentPartNumber).toBe('BK-00000');
  });
});
