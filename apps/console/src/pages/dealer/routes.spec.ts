import type { Claims } from '../../auth/session';
import { dealerRoutes } from './routes';

const claims = (roles: string[]): Claims => ({ sub: 'u', roles, centers: ['sc-cn-0002'], regions: [] });

describe('the dealer menu', () => {
  it('offers the six dealer pages to a dealer, the workshop first,, and the job order page behind them', () => {
    expect(dealerRoutes.filter((r) => r.nav && r.allowed(claims(['DEALER']))).map((r) => r.path)).toEqual([
      '/dealer/workshop',
      '/dealer/job-orders',
      '/dealer/complaints',
      '/dealer/follow-ups',
      '/dealer/parts-short',
      '/dealer/my-scorecard',
    ]);
    expect(dealerRoutes.find((r) => r.path === '/dealer/job-orders/:id')?.allowed(claims(['DEALER']))).toBe(true);
  });

  it('offers none of them to HQ, a region manager or the call center', () => {
    for (const roles of [['HQ_ADMIN'], ['REGION_MANAGER'], ['INBOUND_AGENT'], ['PARTS_PLANNER']]) {
      expect(dealerRoutes.filter((r) => r.allowed(claims(roles)))).toEqual([]);
    }
  });
});
