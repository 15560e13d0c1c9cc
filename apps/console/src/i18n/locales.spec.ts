import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const src = fileURLToPath(new URL('..', import.meta.url));
const folders = [join(src, 'i18n/locales'), ...readdirSync(join(src, 'pages'), { withFileTypes: true }).filter((d) => d.isDirectory()).map(({ name: area }) => join(src, 'pages', area, 'locales'))];

function keysOf(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([k, v]) => keysOf(v, prefix ? `${prefix}.${k}` : k));
}

describe('every language says everything English says', () => {
  it.each(folders)('%s', (folder) => {
    const read = (lng: string) => JSON.parse(readFileSync(join(folder, `${lng}.json`), 'utf8')) as object;
    const english = keysOf(read('en')).sort();
    for (const lng of ['zh', 'pt', 'es']) {
      expect({ lng, keys: keysOf(read(lng)).sort() }).toEqual({ lng, keys: english });
    }
  });
});
