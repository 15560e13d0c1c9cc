import type { Page } from 'puppeteer-core';
import { callCenterStaff, eventually, seedTestNetwork, testCenter, type GraphQLClient } from '@aftersales/testing';
import type { ConsoleContext } from '../harness';

/** What the dealer scenarios set up once: a dealer's own center with its staff, workshop and a job order from a complaint call. */
interface DealerWorld {
  center: string;
  dealer: GraphQLClient;
  jobOrderNumber: string;
  customer: string;
}

const qualified = (...roles: string[]) => roles.map((role) => ({ role, certifiedAt: '2025-01-01', expiresAt: '2099-01-01' }));
// Open every day around the clock, so "today's workshop" has slots to book whenever and on whatever day the suite runs.
const ALWAYS_OPEN = { weekly: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, slots: [{ start: '00:00', end: '24:00' }] })), closures: [], extraWorkingDays: [], observePublicHolidays: false };
const NOT_FINAL = 'We will replace the synchronizer when the parts arrive.';
const FINAL = 'Replaced the synchronizer, third gear engages quietly on the road test, customer satisfied.';

const text = (page: Page, selector: string) => page.$eval(selector, (el) => el.textContent ?? '');
const settled = (page: Page) => page.waitForFunction(() => !document.querySelector('[aria-busy="true"]'), { timeout: 15_000 });

async function replaceText(page: Page, selector: string, value: string) {
  await page.click(selector);
  await page.keyboard.down('Control');
  await page.keyboard.press('KeyA');
  await page.keyboard.up('Control');
  await page.keyboard.press('Backspace');
  await page.type(selector, value);
}

/** The dealer area: the reply refused and accepted through the browser, and each dealer page on real data. */
export function dealerScenarios(ctx: ConsoleContext): void {
  let world: Promise<DealerWorld> | undefined;
  const seeded = () => (world ??= seed(ctx));

  it('a dealer replies to a job order from a complaint call, sees the reply refused with the sentence that is not final, fixes it and sees it accepted', async () => {
    const { center, jobOrderNumber } = await seeded();
    const page = await ctx.newPage({ language: 'en-US' });
    await ctx.signIn(page, { role: 'DEALER', center });
    await page.goto(`${ctx.consoleUrl}dealer/job-orders`);
    const link = await page.waitForSelector(`xpath/.//a[contains(., "${jobOrderNumber}")]`);
    await settled(page);
    // The contact clock runs in the center's zone, named.
    expect(await text(page, '[data-testid="job-orders"]')).toMatch(/Contact due .*\(Asia\/Shanghai\)/);
    await ctx.screenshot(page, 'dealer-job-orders');

    await link!.click();
    await page.waitForSelector('[data-testid="reply-form"]');
    await page.type('[name="responsiblePerson"]', 'Wang Wei');
    await page.type('[name="procedure"]', 'Road test with the customer, gearbox opened, synchronizer ring of third gear worn.');
    await page.type('[name="result"]', NOT_FINAL);
    await page.type('[name="verifiedBy"]', 'Li Na (service manager)');
    await page.click('[data-testid="customerAccepts-yes"]');
    await page.click('[data-testid="followUpPossible-yes"]');
    await page.click('[data-testid="send-reply"]');

    // Refused by the graph's reply checker, the reason next to the result it is about, the sentence quoted.
    await page.waitForSelector('[data-testid="reply-refused"]');
    expect(await text(page, '[data-testid="issue-result"]')).toMatch(/Not a final result/);
    expect(await text(page, '[data-testid="issue-result"] [data-testid="not-final-sentence"]')).toBe(NOT_FINAL);
    expect(await page.$('[data-testid="reply-accepted"]')).toBeNull();
    await ctx.screenshot(page, 'dealer-job-order-refused');

    await replaceText(page, '[name="result"]', FINAL);
    await page.click('[data-testid="send-reply"]');
    await page.waitForSelector('[data-testid="reply-accepted"]');
    expect(await text(page, '[data-testid="reply-accepted"]')).toMatch(/Accepted.*Replied/);
    // The order's page lists both replies with their verdicts once it is read again.
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="replies"] > li').length === 2, { timeout: 15_000 });
    expect(await text(page, '[data-testid="replies"]')).toMatch(/Refused.*Accepted/s);
    await ctx.screenshot(page, 'dealer-job-order-accepted');
  });

  it("shows the dealer's workshop today, complaints in progress and follow-up calls from the center's own data, in its zone", async () => {
    const { center, customer } = await seeded();
    const page = await ctx.newPage({ language: 'en-US' });
    await ctx.signIn(page, { role: 'DEALER', center });

    await page.goto(`${ctx.consoleUrl}dealer/workshop`);
    await page.waitForSelector('[data-testid="bays"]');
    await page.waitForSelector('[data-testid="dispatch-queue"]');
    await settled(page);
    expect(await text(page, '[data-testid="bays"]')).toMatch(/b1 appointments.*b3 any vehicle/);
    expect(await text(page, '[data-testid="dispatch-queue"]')).toMatch(/Sunray.*Open.*promised .*\(Asia\/Shanghai\).*walk-in/);
    if (await page.$('[data-testid="appointments"]')) expect(await text(page, '[data-testid="appointments"]')).toMatch(/\(Asia\/Shanghai\).*b\d.*张伟/);
    await ctx.screenshot(page, 'dealer-workshop');

    await page.goto(`${ctx.consoleUrl}dealer/complaints`);
    await page.waitForSelector('[data-testid="complaints"]');
    await settled(page);
    expect(await text(page, '[data-testid="complaints"]')).toContain(customer);
    await ctx.screenshot(page, 'dealer-complaints');

    await page.goto(`${ctx.consoleUrl}dealer/follow-ups`);
    await page.waitForSelector('[data-testid="follow-ups"]');
    await settled(page);
    expect(await text(page, '[data-testid="follow-ups"]')).toMatch(/赵敏.*First \(after delivery\).*\(Asia\/Shanghai\).*To call/);
    await ctx.screenshot(page, 'dealer-follow-ups');
  });
}

/** Everything through the graph, as the people who do it: HQ imports the center, the dealer sets up and works its workshop, an agent logs the call. */
async function seed(ctx: ConsoleContext): Promise<DealerWorld> {
  const center = ctx.unique('cd-minhang');
  const agent = ctx.unique('agent-cd');
  const staffId = (key: string) => `${center}-${key}`;
  const staff = (key: string, role: string, posts: string[]) => ({ id: staffId(key), name: `Staff ${key}`, email: `${key}@${center}.example`, role, active: true, qualifications: qualified(...posts) });
  await seedTestNetwork(ctx.hq, {
    regions: [],
    centers: [
      testCenter(center, {
        name: '上海闵行服务站',
        regionId: ctx.network.regions.east,
        calendar: ALWAYS_OPEN,
        staff: [
          callCenterStaff(agent, ['INBOUND_AGENT', 'OUTBOUND_AGENT'], 'Lina Zhao'),
          staff('advisor', 'SERVICE_ADVISOR', ['SERVICE_ADVISOR']),
          staff('tech', 'TECHNICIAN', ['TECHNICIAN']),
          staff('leader', 'TEAM_LEADER', ['TEAM_LEADER', 'TECHNICIAN']),
          staff('qc', 'QC_INSPECTOR', ['QC_INSPECTOR']),
        ],
      }),
    ],
  });
  const dealer = ctx.hq.as(await ctx.token({ role: 'DEALER', centers: [center], subject: staffId('advisor') }));
  const agentClient = ctx.hq.as(await ctx.token({ role: 'INBOUND_AGENT', subject: agent }));
  // The services learn the center (and its staff) from network's events: each first write waits for that.
  const accepted = <T extends { errors?: unknown[] }>(what: string, write: () => Promise<T>) => eventually(what, write, (res) => !res.errors?.length, 60_000, 500);

  await accepted('the workshop to know the center', () =>
    dealer.request(`mutation($input: WorkshopSetupInput!) { configureWorkshop(input: $input) { serviceCenterId } }`, {
      input: {
        serviceCenterId: center,
        slotMinutes: 60,
        lateAfterMinutes: 15,
        bays: [{ id: 'b1', appointmentBay: true }, { id: 'b2', appointmentBay: true }, { id: 'b3', appointmentBay: false }],
        periods: [{ start: '00:00', end: '24:00', kind: 'FLEXIBLE' }],
      },
    }),
  );
  // An appointment later today in Shanghai, when the day has a slot left.
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
  const { availableSlots } = await dealer.data<{ availableSlots: { start: string }[] }>(`query($c: ID!, $d: String!) { availableSlots(serviceCenterId: $c, date: $d) { start } }`, { c: center, d: today });
  const slot = availableSlots.find((s) => Date.parse(s.start) > Date.now() + 60_000);
  if (slot) {
    await dealer.data(`mutation($input: BookAppointmentInput!) { bookAppointment(input: $input) { appointment { id } } }`, {
      input: { serviceCenterId: center, slotStart: slot.start, customer: { name: '张伟', phone: '+8613800138333', country: 'CN' }, vehicle: { vin: 'WF0XXXGCDX7000001', model: 'T8' }, origin: 'PASSIVE', request: '20,000 km service' },
    });
  }
  const now = Date.now();
  const openOrder = (name: string, vin: string, model: string) =>
    accepted('the workshop to know the advisor', () =>
      dealer.request<{ openRepairOrder: { id: string } }>(`mutation($input: OpenRepairOrderInput!) { openRepairOrder(input: $input) { id } }`, {
        input: {
          serviceCenterId: center,
          advisorId: staffId('advisor'),
          customer: { name, phone: '+8613800138444', country: 'CN' },
          vehicle: { vin, model },
          walkAround: { mileageKm: 30_000, fuelPercent: 50, damages: [], valuables: [], tools: [], customerSigned: true },
          faultDescription: 'Gearbox whine at 80 km/h',
          faultCode: 'P0700',
          items: [{ kind: 'LABOR', code: 'OP-GEARBOX', description: 'Gearbox inspection', quantity: 1, unitPrice: 100, warrantyClaim: false }],
          promisedAt: new Date(now + 6 * 3600_000).toISOString(),
          customerSignature: { name, signedAt: new Date(now - 60_000).toISOString() },
          nextMaintenance: { date: '2099-01-01', mileageKm: 40_000 },
        },
      }),
    );
  // One walk-in waiting for a technician (the dispatch queue), one delivered (its first follow-up call on the list).
  await openOrder('韩梅梅', 'WF0XXXGCDX7000002', 'Sunray');
  const delivered = (await openOrder('赵敏', 'WF0XXXGCDX7000003', 'Tourneo')).data!.openRepairOrder.id;
  const step = (name: string, inputType?: string, input?: object) =>
    dealer.data(`mutation($id: ID!${inputType ? `, $input: ${inputType}!` : ''}) { ${name}(id: $id${inputType ? ', input: $input' : ''}) { id } }`, { id: delivered, input });
  await step('dispatchRepairOrder', 'DispatchInput', { technicianId: staffId('tech'), bayId: 'b3' });
  await step('completeRepairWork');
  for (const [level, inspector] of [['TECHNICIAN', 'tech'], ['TEAM_LEADER', 'leader'], ['QC_INSPECTOR', 'qc']] as const) {
    await step('recordQualityCheck', 'QualityCheckInput', { level, passed: true, inspectorId: staffId(inspector) });
  }
  await step('deliverRepairOrder', 'DeliverInput', { finalAmount: 100, paymentMethod: 'CARD', paidAmount: 100, deliveredBy: staffId('advisor') });

  // The agent logs a complaint call for the center: the job order (and the complaint) reach the dealer.
  const customer = '李雷';
  await accepted('the calls service to know the agent and the center', () =>
    agentClient.request(`mutation($input: LogCallInput!) { logCall(input: $input) { id jobOrderRequested } }`, {
      input: {
        category: 'COMPLAINT',
        customer: { name: customer, phone: '+8613800138222', country: 'CN' },
        startedAt: new Date(Date.now() - 5 * 60_000).toISOString(),
        durationSec: 300,
        record: { who: customer, when: 'today 09:40', where: 'Shanghai, Minhang', what: 'third gear grinds, second visit without a fix', why: 'wants the gearbox fixed for good', how: 'job order to the dealer' },
        requirement: 'repair the gearbox for good',
        serviceCenterId: center,
        vehicle: { model: 'T8', mileageKm: 42_000 },
      },
    }),
  );
  const orders = await eventually(
    'the job order at the dealer',
    () => dealer.data<{ jobOrders: { edges: { node: { number: string } }[] } }>(`query($c: ID!) { jobOrders(filter: { serviceCenterId: $c }, first: 5) { edges { node { number } } } }`, { c: center }),
    (d) => d.jobOrders.edges.length > 0,
    60_000,
    500,
  );
  await eventually(
    'the complaint at the dealer',
    () => dealer.data<{ complaints: { totalCount: number } }>(`query($c: ID!) { complaints(filter: { serviceCenterId: $c }) { totalCount } }`, { c: center }),
    (d) => d.complaints.totalCount > 0,
    60_000,
    500,
  );
  return { center, dealer, jobOrderNumber: orders.jobOrders.edges[0]!.node.number, customer };
}
