import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runInNewContext } from 'node:vm';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const read = (file: string) => readFileSync(join(ROOT, file), 'utf8');

/** What the console's container writes to /console/config.js at start, from its environment. */
function configAtStart(env: Record<string, string>): Record<string, unknown> {
  const dir = mkdtempSync(join(tmpdir(), 'console-image-'));
  execFileSync('sh', [join(ROOT, 'docker/console-entrypoint.sh')], { env: { PATH: process.env.PATH, CONSOLE_DIR: dir, ...env } });
  const window: { AFTERSALES_CONSOLE?: Record<string, unknown> } = {};
  runInNewContext(readFileSync(join(dir, 'config.js'), 'utf8'), { window });
  return window.AFTERSALES_CONSOLE!;
}

describe('the console image', () => {
  it('writes the graph URL and the identity provider from its environment, never the demo sign-in', () => {
    expect(configAtStart({})).toEqual({ devTokens: false });
    expect(
      configAtStart({
        CONSOLE_GRAPHQL_URL: 'https://graph.example.com/graphql',
        CONSOLE_OIDC_ISSUER: 'https://login.example.com/realms/aftersales',
        CONSOLE_OIDC_CLIENT_ID: 'aftersales-console',
      }),
    ).toEqual({
      graphqlUrl: 'https://graph.example.com/graphql',
      oidc: { issuer: 'https://login.example.com/realms/aftersales', clientId: 'aftersales-console', scopes: 'openid profile' },
      devTokens: false,
    });
  });

  it('keeps a value with quotes or a closing script tag a string', () => {
    const issuer = 'https://login.example.com/"</script><script>alert(1)//';
    const config = configAtStart({ CONSOLE_OIDC_ISSUER: issuer, CONSOLE_OIDC_CLIENT_ID: 'c', CONSOLE_OIDC_SCOPES: 'openid roles' });
    expect(config.oidc).toEqual({ issuer, clientId: 'c', scopes: 'openid roles' });
  });

  it('refuses to start with half an identity provider', () => {
    expect(() => configAtStart({ CONSOLE_OIDC_ISSUER: 'https://login.example.com' })).toThrow();
  });

  it('builds as `nx build console` does and serves deep links, hashed assets and the config as the gateway does', () => {
    const { targets } = JSON.parse(read('apps/console/project.json')) as { targets: { build: { options: { command: string } } } };
    expect(read('docker/console.Dockerfile')).toContain(`RUN ${targets.build.options.command}\n`);
    const nginx = read('docker/console.nginx.conf');
    expect(nginx).toMatch(/location \/console\/assets\/ \{\s+add_header Cache-Control "public, max-age=31536000, immutable";/);
    expect(nginx).toMatch(/location \/console\/ \{\s+add_header Cache-Control "no-cache";\s+try_files \$uri \/console\/index.html;/);
    expect(nginx).toMatch(/location = \/console\/config.js \{\s+add_header Cache-Control "no-cache";/);
  });
});
