import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { hqRoutes } from './routes';
import { enumOf, FIGURES, formatFigure, keyOf } from './figures';
import { monthsBetween } from './shared';

const schema = readFileSync(fileURLToPath(new URL('../../../schema.graphql', import.meta.url)), 'utf8');
const enumValues = (name: string) =>
  schema
    .match(new RegExp(`enum ${name} \\{([^}]*)\\}`))![1]!
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => /^[A-Z_]+$/.test(l));

describe('the scorecard figures the HQ pages know', () => {
  it('are every figure the graph sorts and filters by, under the graph’s own enum names', () => {
    expect(FIGURES.map((f) => enumOf(f.key))).toEqual(enumValues('ScorecardFigure'));
    expect(['SCORE', 'CODE', ...FIGURES.map((f) => enumOf(f.key))]).toEqual(enumValues('ScorecardSort'));
    expect(keyOf('CALL_ON_TIME_CONTACT_RATE')).toBe('callOnTimeContactRate');
  });

  it('write a rate as a percent, CSI and NPS as points, a count whole, and nothing measured as a dash', () => {
    expect(formatFigure(0.8571, 'rate', 'pt')).toBe('85,7%');
    expect(formatFigure(845.6, 'points', 'zh')).toBe('846');
    expect(formatFigure(1234, 'count', 'es')).toMatch(/1\.?234/);
    expect(formatFigure(null, 'rate', 'en')).toBe('—');
  });

  it('trend over the months of a period, across a year', () => {
    expect(monthsBetween('2025-11', '2026-02')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    expect(monthsBetween('2026-05', '2026-04')).toEqual([]);
    expect(monthsBetween('2020-01', '2026-12')).toHaveLength(24);
  });
});

describe('the HQ menu', () => {
  const claims = (roles: string[]) => ({ sub: 'u', roles, centers: ['sc-cn-0002'], regions: ['rg-chn'] });
  const menu = (roles: string[]) => hqRoutes.filter((r) => r.nav && r.allowed(claims(roles))).map((r) => r.path);

  it('offers each role the pages the graph answers for it', () => {
    expect(menu(['HQ_ANALYST'])).toEqual(['/hq/scorecard', '/hq/escalations', '/hq/assessment', '/hq/meeting-packs']);
    expect(menu(['REGION_MANAGER'])).toEqual(['/hq/scorecard', '/hq/escalations', '/hq/assessment']);
    expect(menu(['DEALER'])).toEqual(['/hq/scorecard']);
    expect(menu(['INBOUND_AGENT'])).toEqual([]);
    // A dealer may open a center's page (its own; the graph refuses the others).
    expect(hqRoutes.find((r) => r.path === '/centers/:id')!.allowed(claims(['DEALER']))).toBe(true);
  });
});
