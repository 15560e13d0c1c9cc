import { ConfigError } from '@aftersales/platform-core';
import { corsOrigins, gatewayConfig } from '../config';
import { configScript } from './console';
import { devTokenRequest } from './dev-tokens';

const base = { JWT_SECRET: 'x'.repeat(32), JWT_ISSUER: 'i', JWT_AUDIENCE: 'a' };

describe('the console settings of the gateway', () => {
  it('refuses to start with the dev token endpoint in production, naming the variable', () => {
    expect(() => gatewayConfig({ ...base, NODE_ENV: 'production', GATEWAY_DEV_TOKENS: 'true' })).toThrow(ConfigError);
    expect(() => gatewayConfig({ ...base, NODE_ENV: 'production', GATEWAY_DEV_TOKENS: 'true' })).toThrow(/GATEWAY_DEV_TOKENS.*NODE_ENV=production/);
    expect(gatewayConfig({ ...base, NODE_ENV: 'production' }).GATEWAY_DEV_TOKENS).toBe(false);
    expect(gatewayConfig({ ...base, NODE_ENV: 'development', GATEWAY_DEV_TOKENS: 'true' }).GATEWAY_DEV_TOKENS).toBe(true);
  });

  it('needs both the OIDC issuer and client id, or neither', () => {
    expect(() => gatewayConfig({ ...base, CONSOLE_OIDC_ISSUER: 'https://login.example.com' })).toThrow(/CONSOLE_OIDC_CLIENT_ID is required/);
    expect(() => gatewayConfig({ ...base, CONSOLE_OIDC_CLIENT_ID: 'console' })).toThrow(/CONSOLE_OIDC_ISSUER is required/);
  });

  it('reads the CORS origins as a list, without trailing slashes', () => {
    expect(corsOrigins(gatewayConfig({ ...base, GATEWAY_CORS_ORIGINS: 'https://a.example.com/, https://b.example.com' }))).toEqual(['https://a.example.com', 'https://b.example.com']);
    expect(corsOrigins(gatewayConfig(base))).toEqual([]);
  });

  it('writes a config script no value can break out of', () => {
    const script = configScript({ devTokens: false, oidc: { issuer: 'https://x/</script><script>alert(1)</script>', clientId: 'c', scopes: 'openid' } });
    expect(script).not.toContain('</script>');
    expect(script).toContain('\\u003c/script>');
  });

  it('reads a demo sign-in body as one role, center and region, trimmed', () => {
    expect(devTokenRequest({ role: 'DEALER', center: ' sc-cn-0002 ', region: '' })).toEqual({ request: { roles: ['DEALER'], centers: ['sc-cn-0002'], regions: [], subject: undefined }, issues: [] });
    expect(devTokenRequest(null).issues).toEqual([{ field: 'role', rule: 'required', message: expect.stringContaining('HQ_ADMIN') }]);
  });
});
