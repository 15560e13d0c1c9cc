import { signToken } from './signing';
import { verifyToken, type JwtSettings } from './tokens';
import type { Principal } from './principal';

const settings: JwtSettings = { secret: 'a-test-secret-of-at-least-thirty-two-bytes', issuer: 'aftersales-auth', audience: 'aftersales' };
const dealer: Principal = { subject: 'd-1', roles: ['DEALER'], serviceCenterIds: ['sc-1'], regionIds: [] };

const refusal = (token: string, s: JwtSettings = settings) => verifyToken(token, s).then(() => 'accepted', (e: Error) => e.message);

describe('verifyToken, with verified tokens remembered', () => {
  it('refuses a token once it expires, although it was accepted (and remembered) before', async () => {
    const token = await signToken(dealer, settings, '1s');
    expect(await verifyToken(token, settings)).toMatchObject({ subject: 'd-1', serviceCenterIds: ['sc-1'] });
    await new Promise((r) => setTimeout(r, 1_100));
    expect(await refusal(token)).toBe('Token expired');
  });

  it('does not accept a token remembered under other settings: another secret, audience or issuer', async () => {
    const token = await signToken(dealer, settings);
    expect(await refusal(token)).toBe('accepted');
    expect(await refusal(token, { ...settings, secret: 'another-secret-of-at-least-thirty-two-bytes' })).toBe('Invalid token');
    expect(await refusal(token, { ...settings, audience: 'another-app' })).toBe('Invalid token');
    expect(await refusal(token, { ...settings, issuer: 'someone-else' })).toBe('Invalid token');
  });
});
