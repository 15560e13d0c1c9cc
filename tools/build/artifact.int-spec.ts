import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PDFParse } from 'pdf-parse';
import {
  buildApp,
  errorCodes,
  serviceEnv,
  startGateway,
  startServiceProcess,
  TEST_REGIONS,
  tokenFor,
  uniqueName,
  type GraphQLClient,
  type ServiceProcess,
} from '@aftersales/testing';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));


/**
 * A copy of the artifact outside the repository, whose node_modules holds only the manifest's
 * dependencies: an import or a package file the manifest forgot fails to resolve there.
 */
function copyWithManifestPackages(app: string): string {
  const dir = mkdtempSync(join(tmpdir(), `artifact-${app}-`));
  cpSync(join(ROOT, 'dist/apps', app), dir, { recursive: true });
  const { dependencies } = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
  for (const name of Object.keys(dependencies)) {
    mkdirSync(dirname(join(dir, 'node_modules', name)), { recursive: true });
    symlinkSync(join(ROOT, 'node_modules', name), join(dir, 'node_modules', name));
  }
  return dir;
}

/**
 * The artifacts platform engineers deploy: network and the gateway built into dist/ by the build
 * script `nx build` runs, started with plain Node (no SWC loader) against this run's Kafka and store.
 */
describe('built service artifacts (dist/apps/<app>)', () => {
  let network: ServiceProcess;
  let gateway: ServiceProcess;
  let hq: GraphQLClient;

  beforeAll(async () => {
    buildApp('network');
    buildApp('gateway');
    network = await startServiceProcess('dist/apps/network/main.js', serviceEnv(uniqueName('artifact_network'), { NODE_ENV: 'test' }));
    gateway = await startGateway({ network: network.graphqlUrl }, {}, { entry: 'dist/apps/gateway/main.js' });
    hq = gateway.client.as(await tokenFor({ role: 'HQ_ADMIN' }));
  }, 120_000);

  afterAll(async () => {
    await gateway?.stop();
    await network?.stop();
  });

  it('writes data through the built gateway into the built network and reads it back', async () => {
    const region = TEST_REGIONS[0];
    const saved = await hq.request(`mutation($input: RegionInput!) { upsertRegion(input: $input) { id name } }`, { input: region });
    expect(saved.errors).toBeUndefined();
    expect(saved.data).toEqual({ upsertRegion: { id: region.id, name: region.name } });
    const read = await hq.request(`{ regions { id code countries } }`);
    expect(read.data).toEqual({ regions: [{ id: region.id, code: region.code, countries: region.countries }] });
  });

  it('keeps the input checks of the source (class-validator metadata survives the build)', async () => {
    const res = await hq.request(`mutation($input: RegionInput!) { upsertRegion(input: $input) { id } }`, {
      input: { ...TEST_REGIONS[1], countries: ['not a country'] },
    });
    expect(errorCodes(res)).toEqual(['BAD_USER_INPUT']);
    expect(JSON.stringify(res.errors)).toMatch(/ISO 3166-1 alpha-2/);
  });

  it('serves the IDE assets from the packages listed in the gateway manifest', async () => {
    const res = await fetch(`${gateway.baseUrl}/ide/assets/graphiql.min.js`);
    expect(res.status).toBe(200);
  });

  it("prints the complaint PDF's Chinese headers with the font package of its own manifest", async () => {
    buildApp('complaints');
    // The built complaints service, run from a copy outside the repository: pdfkit and the font resolve there or nowhere.
    const dir = copyWithManifestPackages('complaints');
    try {
      const complaints = await startServiceProcess(join(dir, 'main.js'), serviceEnv(uniqueName('artifact_complaints'), { NODE_ENV: 'test' }));
      try {
        const hqOfComplaints = complaints.client.as(await tokenFor({ role: 'HQ_ADMIN' }));
        const { registerComplaint } = await hqOfComplaints.data(`mutation($input: RegisterComplaintInput!) { registerComplaint(input: $input) { id number } }`, {
          input: { channel: 'EMAIL', type: 'PRODUCT_QUALITY', customer: { name: '李娜', phone: '+8613800138000' }, content: '发动机异响' },
        });
        const { complaintPdf } = await hqOfComplaints.data(`query($id: ID!) { complaintPdf(id: $id) { contentType base64 } }`, { id: registerComplaint.id });
        expect(complaintPdf.contentType).toBe('application/pdf');
        const { text } = await new PDFParse({ data: new Uint8Array(Buffer.from(complaintPdf.base64, 'base64')) }).getText();
        expect(text).toContain('JAC 海外客户投诉表 JAC CLIENTS COMPLAINT TABLE');
        expect(text).toMatch(/客户姓名 CLIENT NAME:\s*李娜/);
        expect(text).toContain(registerComplaint.number);
      } finally {
        await complaints.stop();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 90_000);

  it('runs with only the npm packages of its own package.json', async () => {
    // A copy of the artifact outside the repository, whose node_modules holds only the manifest's
    // dependencies: an import the manifest forgot fails to resolve at start.
    const dir = copyWithManifestPackages('network');
    try {
      const copy = await startServiceProcess(join(dir, 'main.js'), serviceEnv(uniqueName('artifact_copy'), { NODE_ENV: 'test' }));
      try {
        const res = await copy.client.as(await tokenFor({ role: 'HQ_ADMIN' })).request(`{ regions { id } }`);
        expect(res.errors).toBeUndefined();
        expect(res.data).toEqual({ regions: [] });
      } finally {
        await copy.stop();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 90_000);
});
