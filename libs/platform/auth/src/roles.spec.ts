import { NETWORK_WIDE_ROLES, rolesOf, scopeKindOf, type Role } from './principal';
import { signToken } from './signing';
import { verifyToken } from './tokens';

const settings = { secret: 'a-test-secret-of-at-least-32-characters!', issuer: 'aftersales-auth', audience: 'aftersales' };

describe('call-center roles', () => {
  it('are the four posts of seed 002, each network-wide', async () => {
    for (const role of ['INBOUND_AGENT', 'OUTBOUND_AGENT', 'QC_AGENT', 'MANAGEMENT_AGENT'] as Role[]) {
      expect(NETWORK_WIDE_ROLES).toContain(role);
      const p = await verifyToken(await signToken({ subject: 'st-hq-11', roles: [role], serviceCenterIds: [], regionIds: [] }, settings), settings);
      expect(p.roles).toEqual([role]);
      expect(scopeKindOf(p)).toBe('network');
    }
  });

  it('read a token of the former single agent role as an inbound and outbound agent, never QC or management', async () => {
    const legacy = await signToken({ subject: 'agent-ana', roles: ['CALL_CENTER_AGENT' as Role], serviceCenterIds: [], regionIds: [] }, settings);
    const p = await verifyToken(legacy, settings);
    expect(p.roles).toEqual(['INBOUND_AGENT', 'OUTBOUND_AGENT']);
    expect(rolesOf(['CALL_CENTER_AGENT', 'INBOUND_AGENT', 'QC_AGENT'])).toEqual(['INBOUND_AGENT', 'OUTBOUND_AGENT', 'QC_AGENT']);
  });

  it('drop unknown role claims, and a token with none left is refused', async () => {
    expect(rolesOf(['SUPER_AGENT', 'DEALER'])).toEqual(['DEALER']);
    const unknown = await signToken({ subject: 'x', roles: ['SUPER_AGENT' as Role], serviceCenterIds: [], regionIds: [] }, settings);
    await expect(verifyToken(unknown, settings)).rejects.toThrow(/no known role/);
  });
});
