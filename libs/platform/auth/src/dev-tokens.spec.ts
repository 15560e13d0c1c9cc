import { decodeJwt } from 'jose';
import { devTokenIssues, mintDevToken } from './dev-tokens';
import { verifyToken } from './tokens';

const settings = { secret: 's'.repeat(32), issuer: 'aftersales-auth', audience: 'aftersales' };

describe('demo tokens (npm run token and the gateway\'s POST /dev/token)', () => {
  it('mints a token the platform verifies, with the subject npm run token always gave', async () => {
    const token = await mintDevToken({ roles: ['DEALER'], centers: ['sc-cn-0002'], regions: ['rg-chn'] }, settings);
    expect(decodeJwt(token)).toMatchObject({ sub: 'dealer-sc-cn-0002', roles: ['DEALER'], centers: ['sc-cn-0002'], regions: ['rg-chn'], iss: 'aftersales-auth', aud: 'aftersales' });
    expect(await verifyToken(token, settings)).toEqual({ subject: 'dealer-sc-cn-0002', roles: ['DEALER'], serviceCenterIds: ['sc-cn-0002'], regionIds: ['rg-chn'] });
    expect(decodeJwt(await mintDevToken({ roles: ['HQ_ADMIN'] }, settings)).sub).toBe('hq_admin-network');
    expect(decodeJwt(await mintDevToken({ roles: ['REGION_MANAGER'], regions: ['rg-las'] }, settings)).sub).toBe('region_manager-rg-las');
  });

  it('names the field and the rule of whatever it refuses', () => {
    expect(devTokenIssues({ roles: ['HQ_ADMIN'] })).toEqual([]);
    expect(devTokenIssues({ roles: ['CALL_CENTER_AGENT'], subject: 'st-cn-0001-11' })).toEqual([]);
    const rules = (req: Parameters<typeof devTokenIssues>[0]) => devTokenIssues(req).map((i) => `${i.field}:${i.rule}`);
    expect(rules({ roles: [] })).toEqual(['role:required']);
    expect(rules({ roles: ['ROOT'] })).toEqual(['role:oneOf']);
    expect(rules({ roles: ['DEALER'] })).toEqual(['center:requiredForDealer']);
    expect(rules({ roles: ['DEALER'], centers: ['sc cn'], regions: ['rg/../x'], subject: '<b>' })).toEqual(['center:id', 'region:id', 'subject:id']);
  });
});
