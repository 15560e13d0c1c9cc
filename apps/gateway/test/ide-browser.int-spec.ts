import { statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { type Browser } from 'puppeteer-core';
import { chromiumPath, CHROMIUM_ARGS, serviceEnv, startGateway, startServiceProcess, tokenFor, uniqueName, type ServiceProcess } from '@aftersales/testing';

/**
 * A person opens the IDE in a real browser with no way out of the machine (every request to another
 * host is refused and recorded), pastes a token and runs a query.
 */
describe('gateway IDE in headless Chromium', () => {
  let network: ServiceProcess;
  let gateway: ServiceProcess;
  let browser: Browser;

  beforeAll(async () => {
    network = await startServiceProcess('apps/network/src/main.ts', serviceEnv(uniqueName('ide_browser_network'), { NODE_ENV: 'test' }));
    gateway = await startGateway({ network: network.graphqlUrl });
    browser = await puppeteer.launch({ executablePath: chromiumPath(), headless: true, args: CHROMIUM_ARGS });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await gateway?.stop();
    await network?.stop();
  });

  it('loads with nothing from off the machine, opens the README examples, and runs a query with the token typed in', async () => {
    const hq = await tokenFor({ role: 'HQ_ADMIN' });
    const region = { id: 'rg-ide-sul', code: 'IDE', name: 'Região Sul 南区', countries: ['BR'] };
    const created = await gateway.client.as(hq).request(`mutation($input: RegionInput!) { upsertRegion(input: $input) { id } }`, { input: region });
    expect(created.errors).toBeUndefined();

    const page = await browser.newPage();
    await page.setViewport({ width: 1280, height: 800 });
    const origin = new URL(gateway.graphqlUrl).origin;
    const refused: string[] = [];
    const failed: string[] = [];
    await page.setRequestInterception(true);
    page.on('request', (req) => {
      if (req.url().startsWith('data:') || new URL(req.url()).origin === origin) return void req.continue();
      refused.push(req.url());
      void req.abort();
    });
    page.on('requestfailed', (req) => failed.push(req.url()));
    page.on('response', (res) => {
      if (res.status() >= 400 && !res.url().endsWith('/graphql')) failed.push(`${res.url()}: ${res.status()}`);
    });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));

    await page.goto(gateway.graphqlUrl, { waitUntil: 'networkidle0' });
    await page.waitForSelector('.graphiql-container .CodeMirror');
    const tabs = await page.$$eval('.graphiql-tab', (els) => els.length);
    expect(tabs).toBeGreaterThanOrEqual(10);

    await page.type('#token', hq);
    await page.keyboard.press('Tab'); // the change event: GraphiQL gets a fetcher with the token
    const query = `{ region(id: ${JSON.stringify(region.id)}) { name countries } }`;
    // CodeMirror 5 hangs its editor on the element; setting the text as a paste would.
    await page.$eval('.graphiql-query-editor .CodeMirror', (el, q) => (el as unknown as { CodeMirror: { setValue(v: string): void } }).CodeMirror.setValue(q), query);
    await page.click('.graphiql-execute-button');
    await page.waitForFunction(`document.querySelector('.result-window')?.textContent?.includes(${JSON.stringify(region.name)})`, { timeout: 15_000 });
    const result = await page.$eval('.result-window', (el) => el.textContent ?? '');
    expect(result).toContain('"countries"');
    expect(result).not.toContain('UNAUTHENTICATED');

    const screenshot = join(tmpdir(), 'aftersales-ide.png');
    await page.screenshot({ path: screenshot });
    expect(statSync(screenshot).size).toBeGreaterThan(10_000);

    expect(refused).toEqual([]);
    expect(failed).toEqual([]);
    expect(errors).toEqual([]);
  });
});
