import { OidcClient } from 'oidc-client-ts';
import { oidcSettings } from './oidc';

/** A Storage in memory: what the browser's sessionStorage is to the flow. */
function memoryStorage(): Storage {
  const items = new Map<string, string>();
  return {
    get length() {
      return items.size;
    },
    clear: () => items.clear(),
    getItem: (k) => items.get(k) ?? null,
    key: (i) => [...items.keys()][i] ?? null,
    removeItem: (k) => void items.delete(k),
    setItem: (k, v) => void items.set(k, String(v)),
  };
}

const config = { issuer: 'https://login.example.com/realms/aftersales', clientId: 'aftersales-console', scopes: 'openid profile' };

describe('the console as an OIDC client', () => {
  it('is a public client of the configured provider that comes back to /console/callback', () => {
    const settings = oidcSettings(config, 'https://console.example.com', memoryStorage());
    expect(settings).toMatchObject({
      authority: config.issuer,
      client_id: 'aftersales-console',
      scope: 'openid profile',
      response_type: 'code',
      redirect_uri: 'https://console.example.com/console/callback',
      post_logout_redirect_uri: 'https://console.example.com/console/',
    });
    expect(settings).not.toHaveProperty('client_secret');
  });

  it('asks for an authorization code with a PKCE S256 challenge, and keeps the verifier for the tab only', async () => {
    const storage = memoryStorage();
    const settings = oidcSettings(config, 'https://console.example.com', storage);
    const client = new OidcClient({
      ...settings,
      metadata: { issuer: config.issuer, authorization_endpoint: `${config.issuer}/authorize`, token_endpoint: `${config.issuer}/token` },
    });
    const request = await client.createSigninRequest({});
    const url = new URL(request.url);
    expect(url.origin + url.pathname).toBe(`${config.issuer}/authorize`);
    expect(Object.fromEntries(url.searchParams)).toMatchObject({
      client_id: 'aftersales-console',
      response_type: 'code',
      scope: 'openid profile',
      redirect_uri: 'https://console.example.com/console/callback',
      code_challenge_method: 'S256',
    });
    expect(url.searchParams.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    // The verifier stays in this tab's storage, under the request's state; it never travels in the URL.
    const kept = storage.getItem(`oidc.${url.searchParams.get('state')}`);
    expect(kept).toContain('code_verifier');
    expect(request.url).not.toContain(JSON.parse(kept!).code_verifier);
  });
});
