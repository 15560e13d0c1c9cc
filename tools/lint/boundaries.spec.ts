import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';

const root = fileURLToPath(new URL('../../', import.meta.url));

/** The module-boundary matrix is the architecture; these imports must fail lint. */
describe('module boundaries', () => {
  let eslint: ESLint;

  beforeAll(() => {
    execFileSync(process.execPath, ['node_modules/nx/dist/bin/nx.js', 'show', 'projects'], { cwd: root, env: { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true' } });
    eslint = new ESLint({ cwd: root, overrideConfigFile: 'tools/lint/eslint.config.mjs' });
  }, 60_000);

  const messages = async (file: string, code: string, rule: string) => {
    const [result] = await eslint.lintText(code, { filePath: `${root}${file}` });
    return result.messages.filter((m) => m.ruleId === rule).map((m) => m.message);
  };
  const lint = (file: string, code: string) => messages(file, code, '@nx/enforce-module-boundaries');

  it('a service may not import another service', async () => {
    expect(await lint('apps/network/src/x.ts', `import { gatewayConfig } from '../../gateway/src/config';\nexport const c = gatewayConfig;\n`)).not.toEqual([]);
  });

  it('production code may not import the testing harness, tests may', async () => {
    const code = `import { tokenFor } from '@aftersales/testing';\nexport const t = tokenFor;\n`;
    expect(await lint('apps/network/src/x.ts', code)).toEqual([expect.stringContaining('type:app')]);
    expect(await lint('apps/network/test/x.int-spec.ts', code)).toEqual([]);
  });

  it('domain code imports only domain code', async () => {
    const code = `import { ForbiddenError } from '@aftersales/platform-core';\nexport const e = ForbiddenError;\n`;
    expect(await lint('libs/domain/calendar/src/x.ts', code)).toEqual([expect.stringContaining('type:domain')]);
  });

  it('a resolver argument typed as a union fails lint: SWC would hide its class from the validation pipe', async () => {
    const resolver = (param: string) =>
      `import { Args } from '@nestjs/graphql';\nclass Filter { x?: string }\nexport class R {\n  list(@Args('filter', { type: () => Filter, nullable: true }) ${param}) { return filter; }\n}\n`;
    expect(await messages('apps/calls/src/x.resolver.ts', resolver('filter: Filter | undefined'), 'no-restricted-syntax')).toEqual([expect.stringContaining('not validated')]);
    expect(await messages('apps/calls/src/x.resolver.ts', resolver('filter: Filter'), 'no-restricted-syntax')).toEqual([]);
    expect(await messages('apps/calls/src/x.resolver.ts', resolver('filter?: Filter'), 'no-restricted-syntax')).toEqual([]);
  });

  it('contracts depend on nothing but contracts', async () => {
    const code = `import { addWorkingHours } from '@aftersales/calendar';\nexport const a = addWorkingHours;\n`;
    expect(await lint('libs/contracts/src/x.ts', code)).not.toEqual([]);
  });
});
