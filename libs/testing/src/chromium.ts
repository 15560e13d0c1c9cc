import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** Debian's Chromium (`apt-get install chromium`; `npm test` installs it when missing and it may). Browsers cannot be downloaded here. */
export function chromiumPath(): string {
  try {
    return execFileSync('sh', ['-c', 'command -v chromium || command -v chromium-browser'], { encoding: 'utf8' }).trim();
  } catch {
    throw new Error('This needs Chromium: apt-get install chromium');
  }
}

/** Running as root (CI, containers) Chromium needs --no-sandbox. */
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'];

/**
 * The environment for Chromium, with a CJK font: a Debian image without fonts-noto-cjk draws Chinese as
 * empty boxes, which makes a screenshot useless for judging a page in Chinese. Fontconfig is given the
 * Simplified Chinese font the complaints service already ships for its PDFs (@embedpdf/fonts-sc).
 */
export function chromiumEnv(): NodeJS.ProcessEnv {
  // The package exports only its entry (dist/); the fonts lie in fonts/ beside it.
  const fonts = join(dirname(createRequire(import.meta.url).resolve('@embedpdf/fonts-sc')), '..', 'fonts');
  const dir = mkdtempSync(join(tmpdir(), 'chromium-fonts-'));
  const file = join(dir, 'fonts.conf');
  writeFileSync(
    file,
    `<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>\n  <dir>${fonts}</dir>\n  <cachedir>${dir}/cache</cachedir>\n</fontconfig>\n`,
  );
  return { ...process.env, FONTCONFIG_FILE: file };
}
