import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer, { type Browser, type BrowserContext, type Page } from 'puppeteer-core';
import {
  buildConsole,
  CHROMIUM_ARGS,
  chromiumEnv,
  chromiumPath,
  seedTestNetwork,
  SERVICES,
  startSystem,
  testCenter,
  TestIdentityProvider,
  TEST_SITES,
  tokenFor,
  type GraphQLClient,
  type RunningSystem,
  type TokenSpec,
} from '@aftersales/testing';

/** Who signs in through the console's demo form: the fields of `POST /dev/token`. */
export interface SignInSpec {
  role: string;
  center?: string;
  region?: string;
  subject?: string;
}

/** The network every scenario may use; a scenario that needs more seeds its own with `hq` (ids made unique by `unique`). */
export interface SeededNetwork {
  regions: { east: string; south: string };
  /** `a` and `b` in the east region (Shanghai), `south` in São Paulo. */
  centers: { a: string; b: string; south: string };
}

export interface ConsoleContext {
  system: RunningSystem;
  browser: Browser;
  /** `http://127.0.0.1:<gateway>/console/`: the console as the gateway serves it. */
  consoleUrl: string;
  /**
   * The organisation's identity provider the console offers ("Sign in with your organisation"): the
   * client `OIDC_CLIENT_ID` is registered with `<consoleUrl>callback`; `signInAs(...)` says who signs in
   * there. Every service accepts the tokens it signs (JWT_JWKS_URL).
   */
  identityProvider: TestIdentityProvider;
  /** The gateway's GraphQL client as HQ_ADMIN. */
  hq: GraphQLClient;
  /** The build the gateway serves (with `.vite/manifest.json`). */
  buildDir: string;
  network: SeededNetwork;
  /**
   * A page in a fresh browser context (its own storage: no session or language leaks between pages)
   * whose script errors, console errors, failed requests and 4xx/5xx answers fail the test it was
   * opened in. `language`: what the browser says it prefers (navigator.languages, Accept-Language).
   */
  newPage(opts?: { language?: string; viewport?: { width: number; height: number } }): Promise<Page>;
  /** A refusal a scenario provokes on purpose (e.g. a 400 of /dev/token) is not a failure of the page. */
  expectFailure(page: Page, url: RegExp): void;
  /** Through the real sign-in form; resolves when the signed-in layout is shown. */
  signIn(page: Page, who: SignInSpec): Promise<void>;
  /** Full-page PNG at `.data/screenshots/<name>.png`; returns its path. Name it `<area>-<page>`. */
  screenshot(page: Page, name: string): Promise<string>;
  /** A token for a GraphQL client of the gateway (`hq.as(await token(...))`). */
  token(spec: TokenSpec): Promise<string>;
  /** `prefix` made unique for this run (ids of things a scenario creates). */
  unique(prefix: string): string;
}

export const OIDC_CLIENT_ID = 'aftersales-console';
export const SCREENSHOTS = fileURLToPath(new URL('../../../.data/screenshots', import.meta.url));
/** The build the suite serves: rebuilt only when what a build reads changed (stamped with its hash). */
const BUILD_DIR = fileURLToPath(new URL('../../../dist/test/console', import.meta.url));
const RUN = Math.random().toString(36).slice(2, 7);

/**
 * Starts the whole system once (every service, HQ analytics, the gateway serving a fresh build of
 * the console with the demo sign-in on), seeds a small network and opens Chromium. Call it inside
 * the suite's `describe`; the context is filled in by its `beforeAll`, so scenarios read it inside
 * their `it` blocks only.
 */
export function consoleHarness(): ConsoleContext {
  const ctx = {} as ConsoleContext;
  const problems = new Map<Page, string[]>();
  const allowed = new Map<Page, RegExp[]>();
  const contexts: BrowserContext[] = [];
  const buildDir = BUILD_DIR;

  beforeAll(async () => {
    // Built (when its sources changed) while the system starts: the gateway looks for the build per request.
    const building = buildConsole(buildDir, { skipWhenUpToDate: true });
    building.catch(() => undefined);
    const identityProvider = await TestIdentityProvider.start();
    await identityProvider.createKey('RS256');
    const jwks = { JWT_JWKS_URL: identityProvider.jwksUrl };
    const system = await startSystem({
      env: {
        ...Object.fromEntries([...SERVICES, 'hq'].map((name) => [name, jwks])),
        // A network of a few test centers: the benchmark's minimum lowered so the dealer's scorecard has one.
        hq: { ...jwks, HQ_NETWORK_MIN_CENTERS: '2' },
        gateway: {
          ...jwks,
          GATEWAY_CONSOLE_DIR: buildDir,
          GATEWAY_DEV_TOKENS: 'true',
          CONSOLE_OIDC_ISSUER: identityProvider.issuer,
          CONSOLE_OIDC_CLIENT_ID: OIDC_CLIENT_ID,
        },
      },
    });
    try {
      await building;
    } catch (e) {
      await system.stop();
      throw e;
    }
    identityProvider.registerClient(OIDC_CLIENT_ID, [`${new URL(system.gateway.graphqlUrl).origin}/console/callback`]);
    const hq = system.gateway.client.as(await tokenFor({ role: 'HQ_ADMIN', subject: 'console-hq' }));
    const network: SeededNetwork = {
      regions: { east: `rg-ce${RUN}`, south: `rg-cs${RUN}` },
      centers: { a: `cs${RUN}-shanghai`, b: `cs${RUN}-pudong`, south: `cs${RUN}-saopaulo` },
    };
    await seedTestNetwork(hq, {
      regions: [
        { id: network.regions.east, code: `CE${RUN}`.toUpperCase(), name: `Console East ${RUN}`, countries: ['CN'] },
        { id: network.regions.south, code: `CS${RUN}`.toUpperCase(), name: `Console South ${RUN}`, countries: ['BR'] },
      ],
      centers: [
        testCenter(network.centers.a, { name: '上海徐汇服务站', regionId: network.regions.east }),
        testCenter(network.centers.b, { name: '上海浦东服务站', regionId: network.regions.east, location: { lat: 31.22, lng: 121.54 } }),
        testCenter(network.centers.south, { ...TEST_SITES.saoPaulo, name: 'Oficina São Paulo', regionId: network.regions.south }),
      ],
    });
    const browser = await puppeteer.launch({ executablePath: chromiumPath(), headless: true, args: CHROMIUM_ARGS, env: chromiumEnv() });
    const origin = new URL(system.gateway.graphqlUrl).origin;
    mkdirSync(SCREENSHOTS, { recursive: true });
    Object.assign(ctx, {
      system,
      browser,
      identityProvider,
      hq,
      buildDir,
      network,
      consoleUrl: `${origin}/console/`,
      token: (spec: TokenSpec) => tokenFor(spec),
      unique: (prefix: string) => `${prefix}${RUN}${Math.random().toString(36).slice(2, 6)}`,
    } satisfies Partial<ConsoleContext>);
  }, 300_000);

  ctx.newPage = async (opts = {}) => {
    const context = await ctx.browser.createBrowserContext();
    contexts.push(context);
    const page = await context.newPage();
    await page.setViewport(opts.viewport ?? { width: 1280, height: 860 });
    const seen: string[] = [];
    problems.set(page, seen);
    const isAllowed = (url: string) => (allowed.get(page) ?? []).some((r) => r.test(url));
    if (opts.language) {
      const language = opts.language;
      await page.setExtraHTTPHeaders({ 'accept-language': language });
      await page.evaluateOnNewDocument((lng: string) => {
        Object.defineProperty(navigator, 'language', { get: () => lng });
        Object.defineProperty(navigator, 'languages', { get: () => [lng] });
      }, language);
    }
    page.on('pageerror', (e) => seen.push(`script error: ${String(e)}`));
    page.on('console', (msg) => {
      if (msg.type() !== 'error') return;
      const url = msg.location()?.url ?? '';
      if (isAllowed(url)) return;
      seen.push(`console error: ${msg.text()} ${url}`);
    });
    page.on('requestfailed', (req) => {
      // A request the page itself cancelled (a navigation away while it was in flight) is not a failure.
      if (req.failure()?.errorText === 'net::ERR_ABORTED') return;
      if (!isAllowed(req.url())) seen.push(`request failed: ${req.method()} ${req.url()} ${req.failure()?.errorText}`);
    });
    page.on('response', (res) => {
      if (res.status() >= 400 && !isAllowed(res.url())) seen.push(`HTTP ${res.status()}: ${res.request().method()} ${res.url()}`);
    });
    return page;
  };

  ctx.expectFailure = (page, url) => allowed.set(page, [...(allowed.get(page) ?? []), url]);

  ctx.signIn = async (page, who) => {
    if (!page.url().startsWith(ctx.consoleUrl)) await page.goto(ctx.consoleUrl, { waitUntil: 'domcontentloaded' });
    const form = await page.waitForSelector('[data-testid="demo-sign-in"]');
    await form!.$eval('select[name="role"]', (el, role) => {
      const select = el as HTMLSelectElement;
      select.value = role;
      select.dispatchEvent(new Event('change', { bubbles: true }));
    }, who.role);
    for (const field of ['center', 'region', 'subject'] as const) {
      const input = await form!.$(`input[name="${field}"]`);
      await input!.click({ count: 3 });
      await input!.press('Backspace');
      if (who[field]) await input!.type(who[field]!);
    }
    await Promise.all([page.waitForSelector('[data-testid="sign-out"]', { timeout: 15_000 }), form!.$eval('button[type="submit"]', (b) => (b as HTMLButtonElement).click())]);
  };

  ctx.screenshot = async (page, name) => {
    const path = join(SCREENSHOTS, `${name}.png`);
    await page.screenshot({ path, fullPage: true });
    return path;
  };

  afterEach(async () => {
    const found = [...problems.values()].flat();
    problems.clear();
    allowed.clear();
    await Promise.all(contexts.splice(0).map((c) => c.close().catch(() => undefined)));
    // Every page of the test: no script error, console error or failed request.
    expect(found).toEqual([]);
  });

  afterAll(async () => {
    await ctx.browser?.close();
    await ctx.system?.stop();
    await ctx.identityProvider?.stop();
  });

  return ctx;
}
