#!/usr/bin/env node
// Runs a TypeScript entry point with the SWC loader (decorator metadata, path aliases), no build step.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const [entry, ...args] = process.argv.slice(2);
if (!entry) {
  console.error('usage: run-ts.mjs <file.ts> [args...]');
  process.exit(2);
}
const child = spawn(process.execPath, ['--import', '@swc-node/register/esm-register', '--enable-source-maps', entry, ...args], {
  cwd: process.cwd(),
  stdio: 'inherit',
  env: { ...process.env, SWC_NODE_PROJECT: `${root}tsconfig.base.json` },
});
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
