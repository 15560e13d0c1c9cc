import { serviceEnv, startGateway, startServiceProcess, tokenFor, uniqueName, type ServiceProcess } from '@aftersales/testing';

/**
 * Strings in the served scripts that look like addresses but are never fetched: XML namespaces that
 * React and GraphiQL put on the elements they create, and links written in help texts and error
 * messages. Any other absolute address in a script fails the test, so an upgrade that starts loading
 * something from the internet (a font, a worker, a CDN script) is caught here.
 */
const NOT_FETCHED = new Set([
  'http://www.w3.org/2000/svg',
  'http://www.w3.org/1999/xhtml',
  'http://www.w3.org/1999/xlink',
  'http://www.w3.org/1998/Math/MathML',
  'http://www.w3.org/XML/1998/namespace',
  // markdown-it's link normalizer prefixes a bare host with the scheme
  'http://',
  // the descriptions of the built-in Float and String scalars, shown in the docs explorer
  'https://en.wikipedia.org/wiki/IEEE_floating_point',
  'https://commonmark.org/',
  // error messages: React's production errors, GraphiQL's when React is missing
  'https://reactjs.org/docs/error-decoder.html?invariant=',
  'https://github.com/graphql/graphiql/blob/master/examples/graphiql-cdn/index.html#L49',
  // links a person may click (GraphiQL's logo, the key map help in its settings); they open a new tab
  'https://github.com/graphql/graphiql',
  'https://codemirror.net/5/doc/manual.html#keymaps',
]);

/** License banners (`/*! ... *\/`), kept by minifiers and never run. */
const LICENSE_BANNER = /\/\*![\s\S]*?\*\//g;

const ABSOLUTE = /\bhttps?:\/\/[^\s"'`)<>\\]*/g;

interface Loaded {
  url: URL;
  status: number;
  type: string;
  body: string;
}

async function load(url: URL, accept = '*/*'): Promise<Loaded> {
  const res = await fetch(url, { headers: { accept } });
  return { url, status: res.status, type: res.headers.get('content-type') ?? '', body: await res.text() };
}

/** Every address a page or stylesheet makes the browser load. */
function referencesOf(html: string): string[] {
  const tags = [...html.matchAll(/<(script|link|img|iframe)\b[^>]*>/gi)].map((m) => m[0]);
  return tags.flatMap((tag) => [...tag.matchAll(/\b(?:src|href)\s*=\s*"([^"]*)"/gi)].map((m) => m[1]));
}

function cssReferencesOf(css: string): string[] {
  const urls = [...css.matchAll(/url\(\s*(['"]?)(.*?)\1\s*\)/g)].map((m) => m[2]);
  const imports = [...css.matchAll(/@import\s+(['"])(.*?)\1/g)].map((m) => m[2]);
  return [...urls, ...imports].filter((u) => !u.startsWith('data:') && !u.startsWith('#'));
}

/** The offline IDE: the page and all it loads come from the gateway itself, outside production only. */
describe('gateway IDE', () => {
  let network: ServiceProcess;
  let gateway: ServiceProcess;
  let production: ServiceProcess;

  beforeAll(async () => {
    network = await startServiceProcess('apps/network/src/main.ts', serviceEnv(uniqueName('ide_network'), { NODE_ENV: 'test' }));
    const subgraphs = { network: network.graphqlUrl };
    [gateway, production] = await Promise.all([startGateway(subgraphs), startGateway(subgraphs, { NODE_ENV: 'production' })]);
  }, 120_000);

  afterAll(async () => {
    await Promise.all([gateway?.stop(), production?.stop()]);
    await network?.stop();
  });

  it('serves the page at GET /graphql to a browser, and every asset it loads from the same gateway', async () => {
    const page = await load(new URL(gateway.graphqlUrl), 'text/html');
    expect(page.status).toBe(200);
    expect(page.type).toMatch(/text\/html/);
    expect(page.body).toContain('GraphiQL');

    const origin = new URL(gateway.graphqlUrl).origin;
    const seen = new Map<string, Loaded>();
    const offMachine: string[] = [];
    const queue = referencesOf(page.body).map((ref) => new URL(ref, page.url));
    expect(queue.length).toBeGreaterThanOrEqual(4);

    while (queue.length) {
      const url = queue.shift()!;
      if (url.protocol === 'data:') continue; // inline, nothing to load
      if (url.origin !== origin) {
        offMachine.push(url.href);
        continue;
      }
      if (seen.has(url.href)) continue;
      const asset = await load(url);
      seen.set(url.href, asset);
      if (asset.status !== 200) continue;
      if (/css/.test(asset.type)) queue.push(...cssReferencesOf(asset.body).map((ref) => new URL(ref, url)));
      if (/javascript/.test(asset.type)) {
        for (const m of asset.body.matchAll(/\/\/# sourceMappingURL=(\S+)/g)) if (!m[1].startsWith('data:')) queue.push(new URL(m[1], url));
        for (const m of asset.body.replace(LICENSE_BANNER, '').matchAll(ABSOLUTE)) if (!NOT_FETCHED.has(m[0])) offMachine.push(`${m[0]} (in ${url.pathname})`);
      }
    }
    for (const m of page.body.matchAll(ABSOLUTE)) offMachine.push(`${m[0]} (in the page)`);

    expect(offMachine).toEqual([]);
    expect([...seen.values()].filter((a) => a.status !== 200).map((a) => `${a.url.pathname}: ${a.status}`)).toEqual([]);
    const types = Object.fromEntries([...seen.values()].map((a) => [a.url.pathname.split('/').pop(), a.type.split(';')[0]]));
    expect(types).toMatchObject({
      'react.production.min.js': 'text/javascript',
      'react-dom.production.min.js': 'text/javascript',
      'graphiql.min.js': 'text/javascript',
      'graphiql.min.css': 'text/css',
    });
  });

  it('opens with the README example operations and a bearer token field', async () => {
    const page = await load(new URL(gateway.graphqlUrl), 'text/html');
    expect(page.body).toMatch(/<input id="token"[^>]*type="password"/);
    expect(page.body).toContain("headers.set('authorization', 'Bearer ' + bearer)");
    const examples = JSON.parse(/var examples = (.*);\n/.exec(page.body)![1]) as string[];
    expect(examples.length).toBeGreaterThanOrEqual(10);
    expect(examples.some((q) => q.includes('scorecard('))).toBe(true);
  });

  it('serves only the listed files, nothing else of node_modules', async () => {
    for (const path of ['/ide/assets/package.json', '/ide/assets/..%2F..%2Fpackage.json', '/ide/assets/graphiql.js']) {
      expect((await load(new URL(path, gateway.baseUrl))).status).toBe(404);
    }
  });

  it('keeps POST /graphql behind CSRF prevention and the token, with the page in place', async () => {
    const simple = await fetch(`${gateway.graphqlUrl}?query=${encodeURIComponent('{ regions { id } }')}`);
    expect(simple.status).toBe(400);
    expect(await simple.text()).toMatch(/CSRF|preflight/i);
    const anonymous = await gateway.client.request(`{ regions { id } }`);
    expect(anonymous.status).toBe(401);
    const hq = await gateway.client.as(await tokenFor({ role: 'HQ_ADMIN' })).request(`{ serviceCenters(first: 1) { totalCount } }`);
    expect(hq.errors).toBeUndefined();
  });

  it('serves no IDE in production', async () => {
    const page = await load(new URL(production.graphqlUrl), 'text/html');
    expect(page.status).toBe(400);
    expect(page.type).not.toMatch(/text\/html/);
    expect(page.body).not.toContain('GraphiQL');
    expect((await load(new URL('/ide/assets/graphiql.min.js', production.baseUrl))).status).toBe(404);
  });
});
