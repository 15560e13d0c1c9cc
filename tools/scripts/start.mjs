#!/usr/bin/env node
// `npm start`: installs what is missing, then hands over to the TypeScript orchestrator (start.ts).
import { spawn } from 'node:child_process';
import { ensureDependencies, nodeWithTs, root, tsEnv } from './bootstrap.mjs';

ensureDependencies();
// Flags such as `npm start -- --no-simulator` are the orchestrator's.
const [cmd, args] = nodeWithTs('tools/scripts/start.ts', process.argv.slice(2));
const child = spawn(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...tsEnv } });
// Ctrl-C reaches the whole process group; the orchestrator stops services and infra, then exits.
process.on('SIGINT', () => undefined);
process.on('SIGTERM', () => child.kill('SIGTERM'));
child.on('exit', (code) => process.exit(code ?? 0));
