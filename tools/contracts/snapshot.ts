import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { breakingChanges, describeCatalog } from '@aftersales/contracts';
import type { CatalogShape } from '@aftersales/contracts';

/**
 * `npm run contracts-snapshot`: records the consumer-visible shape of every event in
 * libs/contracts/event-catalog.snapshot.json. Refuses when the change would break consumers
 * (publish a new version of the event instead), unless `--force` says the old version is retired.
 */
const file = fileURLToPath(new URL('../../libs/contracts/event-catalog.snapshot.json', import.meta.url));
const current = describeCatalog();
let previous: CatalogShape = {};
try {
  previous = JSON.parse(readFileSync(file, 'utf8')) as CatalogShape;
} catch {
  // first snapshot
}
const problems = breakingChanges(previous, current);
if (problems.length && !process.argv.includes('--force')) {
  process.stderr.write(`Breaking event contract changes (add a new event version instead):\n${problems.map((p) => `  - ${p}`).join('\n')}\n`);
  process.exit(1);
}
writeFileSync(file, `${JSON.stringify(current, null, 2)}\n`);
process.stdout.write(`recorded ${Object.keys(current).length} events in libs/contracts/event-catalog.snapshot.json\n`);
