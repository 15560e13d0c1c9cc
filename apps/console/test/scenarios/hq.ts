import type { Page } from 'puppeteer-core';
import type { ConsoleContext } from '../harness';

const rowCenters = (page: Page) => page.$$eval('[data-testid="scorecard-row"]', (rows) => rows.map((r) => r.getAttribute('data-center') ?? ''));
const rowCodes = (page: Page) => page.$$eval('[data-testid="scorecard-row"] td:nth-child(3) a', (as) => as.map((a) => (a.textContent ?? '').split(' ')[0]!));
const text = (page: Page, selector: string) => page.$eval(selector, (el) => el.textContent ?? '');

/** Waits until the scorecard shows rows in an order other than `before` (the graph answered the new sort). */
async function orderChangedFrom(page: Page, before: string[]) {
  await page.waitForFunction(
    (prev: string[]) => {
      const now = [...document.querySelectorAll('[data-testid="scorecard-row"]')].map((r) => r.getAttribute('data-center'));
      return now.length > 1 && now.join() !== prev.join();
    },
    { timeout: 15_000 },
    before,
  );
}

/** The HQ pages: the scorecard sorted and a center opened, the refusals, each page on screen. */
export function hqScenarios(ctx: ConsoleContext): void {
  it('lets an HQ user sort the scorecard by the graph and open a center with every service’s figures and its zone', async () => {
    // A media-threat complaint at center A: an open A-class complaint for HQ's escalations page.
    const { registerComplaint } = await ctx.hq.data<{ registerComplaint: { id: string; proposedClass: string } }>(
      `mutation($input: RegisterComplaintInput!) { registerComplaint(input: $input) { id proposedClass } }`,
      {
        input: {
          channel: 'EMAIL',
          type: 'PRODUCT_QUALITY',
          serviceCenterId: ctx.network.centers.a,
          customer: { name: 'Chen Jing', phone: '+8613800138000' },
          vehicle: { vin: 'LJ166A2X6N1234567' },
          content: 'Smoke from the engine bay on the highway; a TV station has called me',
          problemCode: 'ENGINE_SMOKE',
          flags: ['MEDIA_THREAT'],
        },
      },
    );
    expect(registerComplaint.proposedClass).toBe('A');
    await ctx.hq.data(`mutation($id: ID!) { confirmComplaintClass(id: $id, input: { class: A }) { status } }`, { id: registerComplaint.id });
    // Transferred to the distributor: its first-reply and solution clocks run in Shanghai's calendar.
    await ctx.hq.data(`mutation($id: ID!) { transferComplaint(id: $id, input: { receivingDepartment: "HQ Service" }) { status } }`, { id: registerComplaint.id });

    const page = await ctx.newPage({ language: 'en-US' });
    await ctx.signIn(page, { role: 'HQ_ANALYST' });
    await page.goto(`${ctx.consoleUrl}hq/scorecard`);
    await page.waitForSelector('[data-testid="scorecard-row"]');
    await page.waitForSelector('[data-testid="trend-table"]', { timeout: 30_000 });
    await page.waitForSelector('[data-testid="region-breakdown"]');

    // The trend draws a line once a figure has values: every center has a survey-response count (0 here).
    await page.select('[data-testid="trend-figure"]', 'surveyResponses');
    await page.waitForSelector('[data-testid="trend-chart"] canvas', { timeout: 30_000 });
    await ctx.screenshot(page, 'hq-scorecard');

    // Sort by center code, ascending, then descending: the graph orders all centers, the rows follow.
    const sortedBy = (direction: 'asc' | 'desc') =>
      page.waitForFunction(
        (d: string) => {
          const codes = [...document.querySelectorAll('[data-testid="scorecard-row"] td:nth-child(3) a')].map((a) => (a.textContent ?? '').split(' ')[0]!);
          const sorted = [...codes].sort();
          if (d === 'desc') sorted.reverse();
          return codes.length > 1 && codes.join() === sorted.join() && document.querySelector('[data-testid="sort-CODE"]')!.textContent!.includes(d === 'asc' ? '↑' : '↓');
        },
        { timeout: 15_000 },
        direction,
      );
    await page.click('[data-testid="sort-CODE"]');
    await sortedBy('asc');
    const ascending = await rowCodes(page);
    const ascendingIds = await rowCenters(page);
    await page.click('[data-testid="sort-CODE"]');
    await orderChangedFrom(page, ascendingIds);
    await sortedBy('desc');
    const descending = await rowCodes(page);
    expect(descending).toEqual([...ascending].reverse());
    await ctx.screenshot(page, 'hq-scorecard-sorted');

    // Only centers of the east region: A and B, and the breakdown says so.
    await page.select('[data-testid="scorecard-filters"] select[name="regionId"]', ctx.network.regions.east);
    await page.click('[data-testid="scorecard-filters"] button[type="submit"]');
    await page.waitForFunction((ids: string[]) => {
      const now = [...document.querySelectorAll('[data-testid="scorecard-row"]')].map((r) => r.getAttribute('data-center'));
      return now.length === 2 && ids.every((id) => now.includes(id));
    }, {}, [ctx.network.centers.a, ctx.network.centers.b]);
    await ctx.screenshot(page, 'hq-scorecard-east');

    // Open center A from its row.
    await page.click(`[data-center="${ctx.network.centers.a}"] a`);
    await page.waitForSelector('[data-testid="center-title"]');
    expect(await text(page, '[data-testid="center-title"]')).toContain('上海徐汇服务站');
    expect(await text(page, '[data-testid="center-zone"]')).toMatch(/Time zone: Asia\/Shanghai — local time now .*\(Asia\/Shanghai\)/);
    // Each service's figures, as numbers (this young center has counts of 0 and rates not measured yet: —).
    expect(await text(page, '[data-testid="kpi-job-orders"]')).toMatch(/Created\s*\d+.*Close rate\s*(—|\d)/);
    expect(await text(page, '[data-testid="kpi-complaints"]')).toMatch(/Complaints \d{4}.*Deliveries\s*\d+/);
    expect(await text(page, '[data-testid="kpi-call-center"]')).toMatch(/Inbound calls\s*\d+/);
    for (const card of ['kpi-job-orders', 'kpi-workshop', 'kpi-rescue', 'kpi-parts', 'kpi-surveys', 'kpi-call-center', 'kpi-leads', 'calendar']) {
      expect(await page.$(`[data-testid="${card}"]`)).not.toBeNull();
    }
    expect(await text(page, '[data-testid="calendar"]')).toMatch(/Mon.*08:30–12:00/);
    await ctx.screenshot(page, 'hq-center');

    // The open A-class complaint, its clocks on Shanghai's wall clock, linking back to the center.
    await page.goto(`${ctx.consoleUrl}hq/escalations`);
    await page.waitForSelector('[data-testid="a-class-row"]');
    const aClass = await page.$$eval('[data-testid="a-class-row"]', (rows) => rows.map((r) => r.textContent ?? ''));
    expect(aClass.find((r) => r.includes('上海徐汇服务站'))).toMatch(/media threat.*Asia\/Shanghai.*First reply: (running|breached) due .*\(Asia\/Shanghai\)/);
    await page.waitForSelector('[data-testid="breached-count"]');
    await ctx.screenshot(page, 'hq-escalations');

    await page.goto(`${ctx.consoleUrl}hq/assessment`);
    // Center A's complaint is open: it ranks with a closing rate of 0 %.
    await page.waitForFunction((name: string) => (document.querySelector('[data-testid="assessment-table"]')?.textContent ?? '').includes(name), {}, '上海徐汇服务站');
    const assessed = await page.$$eval('[data-testid="assessment-table"] tbody tr', (rows) => rows.map((r) => [...r.querySelectorAll('td')].map((td) => td.textContent ?? '')));
    expect(assessed.find((r) => r[1]!.includes('上海徐汇服务站'))?.slice(2, 5)).toEqual(['1', '0', '0.0%']);
    await ctx.screenshot(page, 'hq-assessment');
  });

  it('shows the meeting packs and downloads the XLSX with the signed-in token', async () => {
    const page = await ctx.newPage({ language: 'zh-CN' });
    await ctx.signIn(page, { role: 'HQ_ADMIN' });
    await page.goto(`${ctx.consoleUrl}hq/meeting-packs`);
    await page.waitForSelector('[data-testid="meeting-table"]');
    await page.select('form select[name="kind"]', 'WEEKLY');
    await page.click('form button[type="submit"]');
    await page.waitForFunction(() => /周会/.test(document.querySelector('[data-testid="meeting-bucket"]')?.textContent ?? ''));
    await page.click('[data-testid="download-xlsx"]');
    const saved = await page.waitForSelector('[data-testid="download-saved"]');
    expect(await saved!.evaluate((el) => el.textContent)).toMatch(/meeting-weekly-\d{4}-W\d{2}\.xlsx/);
    await ctx.screenshot(page, 'hq-meeting-packs');
  });

  it('refuses a dealer of center A the page of center B, and a region manager a center outside the region', async () => {
    const dealer = await ctx.newPage({ language: 'en-US' });
    await ctx.signIn(dealer, { role: 'DEALER', center: ctx.network.centers.a });
    await dealer.goto(`${ctx.consoleUrl}centers/${ctx.network.centers.b}`);
    expect(await (await dealer.waitForSelector('[data-testid="forbidden"]'))!.evaluate((el) => el.textContent)).toMatch(/not allowed/);
    expect(await dealer.$('[data-testid="center-title"]')).toBeNull();
    // Its own center opens.
    await dealer.goto(`${ctx.consoleUrl}centers/${ctx.network.centers.a}`);
    await dealer.waitForSelector('[data-testid="center-title"]');

    // The graph itself refuses a region manager of the south the Shanghai center (NOT_FOUND: outside the scope).
    const manager = await ctx.newPage({ language: 'pt-BR' });
    await ctx.signIn(manager, { role: 'REGION_MANAGER', region: ctx.network.regions.south });
    await manager.goto(`${ctx.consoleUrl}centers/${ctx.network.centers.a}`);
    const refused = await manager.waitForSelector('[data-testid="center-refused"]');
    expect(await refused!.evaluate((el) => el.textContent)).toMatch(/Não visível para si/);
    await ctx.screenshot(manager, 'hq-center-refused-pt');
  });
}
