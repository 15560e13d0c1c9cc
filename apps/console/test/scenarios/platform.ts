import type { Page } from 'puppeteer-core';
import { errorCodes, firstRouteBytes, FIRST_ROUTE_BUDGET_BYTES } from '@aftersales/testing';
import type { ConsoleContext } from '../harness';

const SESSION_KEY = 'aftersales.console.session';

/** The menu's links, as the signed-in user sees them. */
const menu = (page: Page) => page.$$eval('[data-testid="menu"] a', (as) => as.map((a) => ({ text: a.textContent ?? '', path: new URL((a as HTMLAnchorElement).href).pathname })));
const text = (page: Page, selector: string) => page.$eval(selector, (el) => el.textContent ?? '');

async function chooseLanguage(page: Page, lng: string) {
  await page.$eval('select[name="language"]', (el, value) => {
    const select = el as HTMLSelectElement;
    select.value = value;
    select.dispatchEvent(new Event('change', { bubbles: true }));
  }, lng);
  await page.waitForFunction((l: string) => document.documentElement.lang === l, {}, lng);
}

/** The console's platform: sign-in, landing pages, languages, refusals, sign-out, the first route's size. */
export function platformScenarios(ctx: ConsoleContext) {
  it('signs each kind of user in on the first page of their own menu, in the language their browser prefers', async () => {
    const users = [
      { who: { role: 'HQ_ADMIN' }, language: 'en-US', lang: 'en', title: 'After-sales console', shot: 'platform-hq-landing' },
      { who: { role: 'DEALER', center: ctx.network.centers.a }, language: 'zh-CN', lang: 'zh', title: '售后服务控制台', shot: 'platform-dealer-landing-zh' },
      { who: { role: 'REGION_MANAGER', region: ctx.network.regions.south }, language: 'pt-BR', lang: 'pt', title: 'Console de pós-venda', shot: 'platform-region-landing-pt' },
      { who: { role: 'INBOUND_AGENT' }, language: 'es-ES', lang: 'es', title: 'Consola de posventa', shot: 'platform-agent-landing-es' },
    ];
    for (const u of users) {
      const page = await ctx.newPage({ language: u.language });
      await page.goto(ctx.consoleUrl);
      await page.waitForSelector('[data-testid="demo-sign-in"]');
      expect(await page.evaluate(() => document.documentElement.lang)).toBe(u.lang);
      await ctx.signIn(page, u.who);
      const links = await menu(page);
      // Home is the first page the role may open; a role no page serves yet gets the welcome page, not a refusal.
      await page.waitForFunction((p: string) => location.pathname === p, {}, links[0]?.path ?? '/console/');
      expect(await page.$('[data-testid="forbidden"]')).toBeNull();
      if (!links.length) expect(await text(page, '[data-testid="welcome"]')).toContain(u.who.role);
      expect(await text(page, 'header')).toContain(u.title);
      expect(await text(page, '[data-testid="who"]')).toContain(u.who.role);
      await page.waitForFunction(() => !document.querySelector('[aria-busy="true"]'), { timeout: 15_000 });
      await ctx.screenshot(page, u.shot);
    }
  });

  it('shows dates in the reader\'s language and its words when they switch to Chinese and Portuguese, and keeps the choice', async () => {
    const page = await ctx.newPage({ language: 'en-US' });
    await ctx.signIn(page, { role: 'HQ_ADMIN' });
    const until = () => text(page, '[data-testid="session-until"]');
    const en = await until();
    expect(en).toMatch(/Signed in until .*\d{4}/);

    await chooseLanguage(page, 'zh');
    const zh = await until();
    expect(zh).toMatch(/登录有效期至 \d{4}年\d{1,2}月\d{1,2}日/);
    expect(await text(page, 'header')).toContain('退出');

    await chooseLanguage(page, 'pt');
    const pt = await until();
    expect(pt).toMatch(/Sessão válida até \d{1,2} de [a-zç]+\.? de \d{4}/);
    await ctx.screenshot(page, 'platform-hq-pt');

    // The choice is kept: a reload opens in Portuguese.
    await page.reload();
    await page.waitForSelector('[data-testid="session-until"]');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('pt');
    expect(await until()).toBe(pt);
    expect(new Set([en, zh, pt]).size).toBe(3);
  });

  it('refuses a dealer who types another center\'s URL with the FORBIDDEN page, and the graph refuses that center\'s data to the dealer\'s token', async () => {
    const page = await ctx.newPage({ language: 'en-US' });
    await ctx.signIn(page, { role: 'DEALER', center: ctx.network.centers.a });
    await page.goto(`${ctx.consoleUrl}centers/${ctx.network.centers.b}`);
    const refusal = await page.waitForSelector('[data-testid="forbidden"]');
    expect(await refusal!.evaluate((el) => el.textContent)).toMatch(/403.*not allowed/);
    await ctx.screenshot(page, 'platform-dealer-forbidden');

    // The same dealer's own token, asking the graph directly for the other center: refused, nothing read.
    // Reads by id outside the caller's scope are NOT_FOUND (the graph does not say whether the center
    // exists); the console refuses the URL itself with its FORBIDDEN page.
    const token = await page.evaluate((key: string) => (JSON.parse(sessionStorage.getItem(key) ?? '{}') as { token?: string }).token, SESSION_KEY);
    const dealer = ctx.hq.as(token);
    const other = await dealer.request<{ serviceCenter: unknown }>(`query($id: ID!) { serviceCenter(id: $id) { id name } }`, { id: ctx.network.centers.b });
    expect(errorCodes(other)).toEqual(['NOT_FOUND']);
    expect(other.data?.serviceCenter ?? null).toBeNull();
    const own = await dealer.data<{ serviceCenter: { name: string } }>(`query($id: ID!) { serviceCenter(id: $id) { id name } }`, { id: ctx.network.centers.a });
    expect(own.serviceCenter.name).toBe('上海徐汇服务站');
  });

  it('says which field of the demo sign-in is wrong, and signs nobody in', async () => {
    const page = await ctx.newPage({ language: 'en-US' });
    ctx.expectFailure(page, /\/dev\/token$/);
    await page.goto(ctx.consoleUrl);
    await page.waitForSelector('[data-testid="demo-sign-in"]');
    await page.select('select[name="role"]', 'DEALER');
    await page.click('[data-testid="demo-sign-in"] button[type="submit"]');
    const issue = await page.waitForSelector('[data-testid="issue-center"]');
    expect(await issue!.evaluate((el) => el.textContent)).toMatch(/DEALER token needs a service center/);
    expect(await page.$eval('input[name="center"]', (el) => el.getAttribute('aria-invalid'))).toBe('true');
    expect(await page.evaluate((key: string) => sessionStorage.getItem(key), SESSION_KEY)).toBeNull();
    await ctx.screenshot(page, 'platform-sign-in-refused');
  });

  it('forgets everything on sign-out: the session, the token, the pages behind it', async () => {
    const page = await ctx.newPage({ language: 'en-US' });
    await ctx.signIn(page, { role: 'HQ_ADMIN' });
    const signedInAt = page.url();
    expect(await page.evaluate((key: string) => sessionStorage.getItem(key), SESSION_KEY)).not.toBeNull();
    await page.click('[data-testid="sign-out"]');
    await page.waitForSelector('[data-testid="demo-sign-in"]');
    expect(await page.evaluate(() => ({ session: Object.keys(sessionStorage), local: Object.keys(localStorage).filter((k) => k !== 'aftersales.console.lang') }))).toEqual({ session: [], local: [] });
    // Neither a reload nor the page's own URL brings the signed-in pages back.
    await page.goto(signedInAt);
    await page.waitForSelector('[data-testid="demo-sign-in"]');
    expect(await page.$('[data-testid="sign-out"]')).toBeNull();
    await page.goBack();
    await page.waitForSelector('[data-testid="demo-sign-in"]');
    expect(await page.$('[data-testid="menu"]')).toBeNull();
    await ctx.screenshot(page, 'platform-signed-out');
  });

  it('signs a user in with the organisation\'s identity provider (code + PKCE), renews the token before it expires, and forgets it on sign-out', async () => {
    const idp = ctx.identityProvider;
    idp.signInAs({ role: 'DEALER', centers: [ctx.network.centers.a], subject: 'oidc-dealer-1' });
    // Short-lived access tokens: oidc-client-ts renews a minute before expiry, so within seconds here.
    idp.accessTokenSeconds = 65;
    const page = await ctx.newPage({ language: 'en-US' });
    await page.goto(ctx.consoleUrl);
    await Promise.all([page.waitForNavigation(), page.click('[data-testid="oidc-sign-in"]')]);
    // Off to the provider, back to /console/callback with a code, exchanged, then home.
    await page.waitForSelector('[data-testid="sign-out"]', { timeout: 20_000 });
    expect(await text(page, '[data-testid="who"]')).toContain('oidc-dealer-1 · DEALER');
    const links = await menu(page);
    await page.waitForFunction((p: string) => location.pathname === p, {}, links[0]?.path ?? '/console/');
    await page.waitForFunction(() => !document.querySelector('[aria-busy="true"]'), { timeout: 15_000 });
    // The graph accepted the provider's token: the page shows the dealer's own center, no refusal.
    expect(await page.$('[role="alert"]')).toBeNull();
    const session = () => page.evaluate((key: string) => JSON.parse(sessionStorage.getItem(key) ?? 'null') as { token: string; via: string } | null, SESSION_KEY);
    const first = await session();
    expect(first?.via).toBe('oidc');
    await ctx.screenshot(page, 'platform-oidc-landing');

    await page.waitForFunction((key: string, before: string) => (JSON.parse(sessionStorage.getItem(key) ?? 'null') as { token?: string } | null)?.token !== before, { timeout: 30_000 }, SESSION_KEY, first!.token);
    const renewed = await session();
    expect(renewed?.via).toBe('oidc');
    expect(renewed?.token).not.toBe(first?.token);
    const still = await ctx.hq.as(renewed!.token).data<{ serviceCenter: { name: string } }>(`query($id: ID!) { serviceCenter(id: $id) { name } }`, { id: ctx.network.centers.a });
    expect(still.serviceCenter.name).toBe('上海徐汇服务站');

    await page.click('[data-testid="sign-out"]');
    await page.waitForSelector('[data-testid="demo-sign-in"]');
    await page.waitForFunction(() => sessionStorage.length === 0);
    idp.accessTokenSeconds = 3600;
  });

  it('keeps the first route within 500 KB gzipped', () => {
    const first = firstRouteBytes(ctx.buildDir);
    expect(first.files.map((f) => f.file).some((f) => f.endsWith('.js'))).toBe(true);
    expect(first.gzip).toBeLessThanOrEqual(FIRST_ROUTE_BUDGET_BYTES);
  });
}
