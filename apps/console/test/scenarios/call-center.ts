import type { Page } from 'puppeteer-core';
import { callCenterStaff, errorCodes, seedTestNetwork, testCenter } from '@aftersales/testing';
import type { ConsoleContext } from '../harness';

const VIN = 'LJ12EKR20A4000001';
/** The same VIN with another check digit (position 9): a Chinese VIN's check digit is verified. */
const BAD_VIN = 'LJ12EKR25A4000001';

const text = (page: Page, selector: string) => page.$eval(selector, (el) => el.textContent ?? '');

/** Types into a form field as a user does, replacing what it held. */
async function fill(page: Page, name: string, value: string) {
  const selector = `[name="${name}"]`;
  await page.click(selector, { clickCount: 3 });
  await page.keyboard.press('Backspace');
  await page.type(selector, value);
}

const settled = (page: Page) => page.waitForFunction(() => !document.querySelector('[aria-busy="true"]'), { timeout: 30_000 });

/**
 * The call center's pages (and the dealer's parts-short and own-scorecard pages, built with them): an
 * inbound agent logs a call, is refused field by field, fixes it and sees the job order appear; works
 * the contact check it sets off from the outbound queue; a management agent plans tomorrow's staffing.
 */
export function callCenterScenarios(ctx: ConsoleContext): void {
  let agentId = '';

  beforeAll(async () => {
    // A qualified inbound and outbound agent: calls checks the token's subject against the network's staff.
    agentId = ctx.unique('agent-cc-');
    const region = ctx.unique('rg-cc');
    await seedTestNetwork(ctx.hq, {
      regions: [{ id: region, code: region.toUpperCase(), name: `Call center ${region}`, countries: ['CN'] }],
      centers: [testCenter(ctx.unique('cc-office-'), { kind: 'HQ', name: 'Call center office', regionId: region, staff: [callCenterStaff(agentId, ['INBOUND_AGENT', 'OUTBOUND_AGENT'], 'Lina Zhao')] })],
    });
    // The staff reach calls by Kafka: wait until calls knows the agent (a suggestion call is refused until then).
    const agent = ctx.hq.as(await ctx.token({ role: 'INBOUND_AGENT', subject: agentId }));
    const deadline = Date.now() + 60_000;
    for (;;) {
      const res = await agent.request(`mutation($input: LogCallInput!) { logCall(input: $input) { id } }`, {
        input: {
          category: 'SUGGESTION',
          customer: { name: 'Warm Up', phone: '+8613800000000', country: 'CN' },
          startedAt: new Date().toISOString(),
          durationSec: 30,
          record: { who: 'a customer', what: 'a suggestion', when: 'today', where: 'Shanghai', why: 'to improve', how: 'forwarded' },
        },
      });
      if (!res.errors) break;
      if (!errorCodes(res).includes('CONFLICT') || Date.now() > deadline) throw new Error(`the agent cannot log calls: ${JSON.stringify(res.errors)}`);
      await new Promise((r) => setTimeout(r, 500));
    }
  }, 120_000);

  it('an agent logs a complaint, is refused field by field, fixes it, sees the job order appear with its clocks, and works its contact check', async () => {
    const page = await ctx.newPage({ language: 'en-US' });
    await ctx.signIn(page, { role: 'INBOUND_AGENT', subject: agentId });
    await page.waitForFunction(() => location.pathname === '/console/calls/log');
    await page.waitForSelector('form[aria-label="Log a call"]');

    await page.select('select[name="category"]', 'COMPLAINT');
    await fill(page, 'name', 'Ana Souza');
    await fill(page, 'phone', '138 0013 8000');
    await fill(page, 'who', 'Ana, the owner');
    await fill(page, 'what', 'third gear broken after five visits');
    await fill(page, 'when', 'this morning');
    await fill(page, 'where', 'Xuhui, Shanghai');
    // A VIN with a wrong check digit; why and the customer's requirement left out.
    await fill(page, 'how', 'job order to the dealer');
    await fill(page, 'vin', BAD_VIN);
    await fill(page, 'serviceCenterId', ctx.network.centers.a);
    const submit = 'form[aria-label="Log a call"] button[type="submit"]';
    await page.click(submit);

    // The shape of the input is checked first (calls README): the VIN, under its field.
    const vin = await page.waitForSelector('[data-testid="issue-vehicle.vin"]');
    expect(await vin!.evaluate((el) => el.textContent)).toMatch(/check digit/i);
    expect(await page.$eval('[name="vin"]', (el) => el.getAttribute('aria-invalid'))).toBe('true');

    // Then what a complaint needs: each missing field named under its input.
    await fill(page, 'vin', VIN);
    await page.click(submit);
    const why = await page.waitForSelector('[data-testid="issue-record.why"]');
    expect(await why!.evaluate((el) => el.textContent)).toMatch(/must say why/);
    expect(await text(page, '[data-testid="issue-requirement"]')).toMatch(/requirement/);
    expect(await page.$('[data-testid="issue-vehicle.vin"]')).toBeNull();
    expect(await page.$eval('[name="why"]', (el) => el.getAttribute('aria-invalid'))).toBe('true');
    expect(await page.$eval('[name="what"]', (el) => el.getAttribute('aria-invalid'))).toBeNull();
    expect(await page.$('[data-testid="logged-call"]')).toBeNull();
    await ctx.screenshot(page, 'call-center-log-call-refused');

    await fill(page, 'why', 'wants the gearbox replaced');
    await fill(page, 'requirement', 'replace the gearbox');
    await page.click(submit);
    await page.waitForSelector('[data-testid="logged-call"]');
    expect(await page.$('[data-testid="field-issues"]')).toBeNull();
    const number = await page.waitForSelector('[data-testid="job-order-number"]', { timeout: 60_000 });
    const jobOrderNumber = await number!.evaluate((el) => el.textContent ?? '');
    expect(jobOrderNumber).toMatch(/^JO-\d{4}-\d{6}$/);
    const contact = await page.waitForSelector('[data-testid="clock-CUSTOMER_CONTACT"]');
    await page.waitForFunction((el) => /\(Asia\/Shanghai\)/.test(el?.textContent ?? ''), { timeout: 15_000 }, contact);
    await settled(page);
    await ctx.screenshot(page, 'call-center-log-call');

    // The order the page shows is the one job-orders opened for this call, for the dealer named.
    const callId = (await text(page, '[data-testid="logged-call"] header')).match(/call-\S+/)![0];
    const { call } = await ctx.hq.data<{ call: { agentId: string; jobOrderRequested: string; serviceCenterId: string } }>(
      `query($id: ID!) { call(id: $id) { agentId jobOrderRequested serviceCenterId } }`,
      { id: callId },
    );
    expect(call).toEqual({ agentId, jobOrderRequested: 'COMPLAINT', serviceCenterId: ctx.network.centers.a });
    const { jobOrders } = await ctx.hq.data<{ jobOrders: { edges: { node: { id: string; number: string; source: { kind: string; id: string } } }[] } }>(
      `query($c: ID) { jobOrders(filter: { serviceCenterId: $c }, first: 20) { edges { node { id number source { kind id } } } } }`,
      { c: ctx.network.centers.a },
    );
    const order = jobOrders.edges.map((e) => e.node).find((o) => o.source.kind === 'CALL' && o.source.id === callId);
    expect(order?.number).toBe(jobOrderNumber);

    // The dealer is asked to call within half an hour: the call center's check of that is in the agent's queue.
    await page.goto(`${ctx.consoleUrl}calls/queue`);
    const row = `[data-testid="task-contact-check:${order!.id}"]`;
    const deadline = Date.now() + 30_000;
    while (!(await page.$(row))) {
      if (Date.now() > deadline) throw new Error(`no contact check ${row} in the agent's queue`);
      await page.click('[data-testid="my-queue"] header button');
      await new Promise((r) => setTimeout(r, 1000));
    }
    await page.waitForFunction((sel: string) => /\(Asia\/Shanghai\)/.test(document.querySelector(sel)?.textContent ?? ''), {}, row);
    await settled(page);
    await ctx.screenshot(page, 'call-center-queue');
    await page.click(`${row} button`);
    await page.click(`${row} button[type="submit"]`);
    await page.waitForSelector(row, { hidden: true, timeout: 15_000 });
    const { outboundTask } = await ctx.hq.data<{ outboundTask: { state: string; result: { contacted: boolean; recordedBy: string } } }>(
      `query($id: ID!) { outboundTask(id: $id) { state result { contacted recordedBy } } }`,
      { id: `contact-check:${order!.id}` },
    );
    expect(outboundTask).toEqual({ state: 'DONE', result: { contacted: true, recordedBy: agentId } });
  }, 180_000);

  it('a management agent plans tomorrow’s staffing from the forecast; an inbound agent has no such page', async () => {
    const page = await ctx.newPage({ language: 'en-US' });
    await ctx.signIn(page, { role: 'MANAGEMENT_AGENT' });
    await page.goto(`${ctx.consoleUrl}calls/staffing`);
    await page.waitForSelector('form[aria-label="Plan the staffing"]');
    await fill(page, 'calls-10', '100');
    await page.click('form[aria-label="Plan the staffing"] button[type="submit"]');
    const summary = await page.waitForSelector('[data-testid="staffing-summary"]');
    expect(await summary!.evaluate((el) => el.textContent)).toMatch(/Erlang C at the peak hour: \d+ rostered/);
    // 100 calls of 180 s in an hour are 5 Erlangs: Erlang C needs more agents than that, rostered after 30 % shrinkage more still.
    const rostered = Number(await text(page, '[data-testid="rostered-10"]'));
    expect(rostered).toBeGreaterThan(5);
    await ctx.screenshot(page, 'call-center-staffing');

    const agent = await ctx.newPage({ language: 'en-US' });
    await ctx.signIn(agent, { role: 'INBOUND_AGENT' });
    await agent.goto(`${ctx.consoleUrl}calls/staffing`);
    await agent.waitForSelector('[data-testid="forbidden"]');
  }, 120_000);

  it('a dealer short of a part sees who in the region can spare it and asks for a transfer; and reads its own scorecard', async () => {
    const { a, b } = ctx.network.centers;
    const part = ctx.unique('PT-CC-').toUpperCase();
    await ctx.hq.data(`mutation($input: PartInput!) { upsertPart(input: $input) { partNumber } }`, {
      input: { partNumber: part, names: [{ lang: 'en', text: 'Gearbox seal' }, { lang: 'zh-CN', text: '变速箱油封' }], listPrice: 12 },
    });
    const move = `mutation($input: StockMovementInput!) { recordStockMovement(input: $input) { available } }`;
    // Dealer a used its last two; dealer b, in the same region, has six.
    await ctx.hq.data(move, { input: { locationId: a, partNumber: part, type: 'RECEIPT', quantity: 2, unitCost: 10 } });
    await ctx.hq.data(move, { input: { locationId: a, partNumber: part, type: 'ISSUE', quantity: 2 } });
    await ctx.hq.data(move, { input: { locationId: b, partNumber: part, type: 'RECEIPT', quantity: 6, unitCost: 10 } });

    const page = await ctx.newPage({ language: 'en-US' });
    await ctx.signIn(page, { role: 'DEALER', center: a });
    await page.goto(`${ctx.consoleUrl}dealer/parts-short`);
    const short = await page.waitForSelector(`[data-testid="short-${part}"]`, { timeout: 20_000 });
    await short!.$eval('button', (el) => (el as HTMLButtonElement).click());
    const holder = await page.waitForSelector(`[data-testid="holder-${b}"]`, { timeout: 20_000 });
    expect(await holder!.evaluate((el) => el.textContent)).toMatch(/上海浦东服务站.*6/);
    await fill(page, 'reason', 'RO waiting for a seal');
    await holder!.$eval('button', (el) => (el as HTMLButtonElement).click());
    const transfer = await page.waitForSelector('[data-testid="transfer"]', { timeout: 20_000 });
    await page.waitForFunction((el) => /IN_TRANSIT.*\(Asia\/Shanghai\)/.test(el?.textContent ?? ''), { timeout: 15_000 }, transfer);
    await settled(page);
    await ctx.screenshot(page, 'dealer-parts-short');
    const { stock } = await ctx.hq.data<{ stock: { onOrder: number }[] }>(`query($l: ID!, $p: String!) { stock(locationId: $l, partNumbers: [$p]) { onOrder } }`, { l: a, p: part });
    expect(stock[0]?.onOrder).toBe(1);

    await page.goto(`${ctx.consoleUrl}dealer/my-scorecard`);
    const own = await page.waitForSelector('[data-testid="own-row"]', { timeout: 60_000 });
    expect(await own!.evaluate((el) => el.textContent)).toMatch(/上海徐汇服务站.*place \S+ of [2-9]\d* in the network/);
    expect(await page.$$eval('tbody tr', (rows) => rows.length)).toBeGreaterThan(20);
    await settled(page);
    await ctx.screenshot(page, 'dealer-my-scorecard');
  }, 180_000);
}
