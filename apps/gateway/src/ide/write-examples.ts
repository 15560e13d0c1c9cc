/**
 * Writes examples.json from the root README: `node tools/scripts/run-ts.mjs apps/gateway/src/ide/write-examples.ts`.
 * The gateway embeds the list instead of reading the README at boot, since its image ships without it;
 * examples.spec.ts fails when the two drift apart.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { readmeExamples } from './examples';

const readme = readFileSync(new URL('../../../../README.md', import.meta.url), 'utf8');
writeFileSync(new URL('./examples.json', import.meta.url), `${JSON.stringify(readmeExamples(readme), null, 2)}\n`);
