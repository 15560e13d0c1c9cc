/** @jest-environment jsdom */
import { home, refusedCenter } from './app';
import type { Claims } from './auth/session';

const claims = (c: Partial<Claims>): Claims => ({ sub: 'u', roles: [], centers: [], regions: [], ...c });

describe('where the console sends a user', () => {
  it('refuses a dealer another center\'s URL before any page asks the graph, and lets their own through', () => {
    const dealer = claims({ roles: ['DEALER'], centers: ['sc-cn-0002'] });
    expect(refusedCenter('/centers/sc-cn-0003', dealer)).toBe('sc-cn-0003');
    expect(refusedCenter('/centers/sc-cn-0003/job-orders', dealer)).toBe('sc-cn-0003');
    expect(refusedCenter('/centers/sc-cn-0002', dealer)).toBeNull();
    expect(refusedCenter('/hq/scorecard', dealer)).toBeNull();
  });

  it('leaves HQ and region managers to the graph, which knows the regions\' centers', () => {
    expect(refusedCenter('/centers/sc-cn-0003', claims({ roles: ['HQ_ANALYST'] }))).toBeNull();
    expect(refusedCenter('/centers/sc-cn-0003', claims({ roles: ['REGION_MANAGER'], regions: ['rg-chn'] }))).toBeNull();
  });

  it('lands each role on the first menu page it may open, or the welcome page', () => {
    expect(home({ token: 't', via: 'dev', claims: claims({ roles: ['HQ_ADMIN'] }) })).toBe('/hq/scorecard');
    expect(home({ token: 't', via: 'dev', claims: claims({ roles: ['QC_AGENT'] }) })).not.toBe('/hq/scorecard');
  });
});
