/** @jest-environment jsdom */
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { SessionContext } from '../auth/session-context';
import type { Session } from '../auth/session';
import { initI18n } from '../i18n';
import { DEMO_ROLES, SignIn } from './sign-in';

/** An unsigned JWT with the platform's claims: the sign-in page only reads them. */
const jwt = (claims: object) => `e30.${btoa(JSON.stringify(claims)).replace(/=+$/, '')}.sig`;

function answer(status: number, body: unknown): Response {
  return { ok: status < 400, status, json: async () => body } as Response;
}

describe('the sign-in page', () => {
  const calls: { url: string; body?: unknown }[] = [];
  let signedIn: Session[];
  let replies: Record<string, Response>;

  beforeAll(() => initI18n('en'));
  beforeEach(() => {
    calls.length = 0;
    signedIn = [];
    replies = {};
    // The browser's fetch is the page's only way to the gateway: answered here as the gateway would.
    globalThis.fetch = (async (url: URL | string, init?: RequestInit) => {
      const path = new URL(String(url)).pathname;
      calls.push({ url: path, body: init?.body ? JSON.parse(String(init.body)) : undefined });
      return replies[path] ?? answer(404, {});
    }) as typeof fetch;
  });
  afterEach(() => delete (globalThis as { AFTERSALES_CONSOLE?: unknown }).AFTERSALES_CONSOLE);

  const renderPage = (config: object) => {
    (globalThis as { AFTERSALES_CONSOLE?: unknown }).AFTERSALES_CONSOLE = config;
    return render(
      <SessionContext.Provider value={{ session: null, signIn: (s) => signedIn.push(s), signOut: () => undefined }}>
        <SignIn />
      </SessionContext.Provider>,
    );
  };

  it('offers every role and the demo network\'s centers and regions, and signs in with the minted token', async () => {
    replies['/dev/sign-in-options'] = answer(200, { regions: [{ id: 'rg-chn', name: 'China' }], centers: [{ id: 'sc-cn-0002', code: 'CN-0002', name: '上海浦东', regionId: 'rg-chn' }] });
    const token = jwt({ sub: 'dealer-sc-cn-0002', roles: ['DEALER'], centers: ['sc-cn-0002'], regions: [] });
    replies['/dev/token'] = answer(200, { token });
    const { container } = renderPage({ devTokens: true });
    expect([...container.querySelectorAll('select[name="role"] option')].map((o) => o.textContent)).toEqual(DEMO_ROLES);
    await waitFor(() => expect(container.querySelector('#sign-in-centers option[value="sc-cn-0002"]')?.textContent).toBe('CN-0002 上海浦东'));
    expect(container.querySelector('#sign-in-regions option[value="rg-chn"]')?.textContent).toBe('China');

    fireEvent.change(container.querySelector('select[name="role"]')!, { target: { value: 'DEALER' } });
    fireEvent.change(container.querySelector('input[name="center"]')!, { target: { value: 'sc-cn-0002' } });
    fireEvent.click(within(screen.getByTestId('demo-sign-in')).getByRole('button', { name: 'Sign in' }));
    await waitFor(() => expect(signedIn).toHaveLength(1));
    expect(calls.at(-1)).toEqual({ url: '/dev/token', body: { role: 'DEALER', center: 'sc-cn-0002' } });
    expect(signedIn[0]).toMatchObject({ token, via: 'dev', claims: { sub: 'dealer-sc-cn-0002', roles: ['DEALER'], centers: ['sc-cn-0002'] } });
  });

  it('shows a refused field under that field and signs nobody in', async () => {
    replies['/dev/token'] = answer(400, { message: 'Invalid input', issues: [{ field: 'center', rule: 'requiredForDealer', message: 'a DEALER token needs a service center' }] });
    const { container } = renderPage({ devTokens: true });
    fireEvent.change(container.querySelector('select[name="role"]')!, { target: { value: 'DEALER' } });
    fireEvent.click(within(screen.getByTestId('demo-sign-in')).getByRole('button', { name: 'Sign in' }));
    expect((await screen.findByTestId('issue-center')).textContent).toBe('a DEALER token needs a service center');
    expect(container.querySelector('input[name="center"]')?.getAttribute('aria-invalid')).toBe('true');
    expect(container.querySelector('select[name="role"]')?.getAttribute('aria-invalid')).toBeNull();
    expect(signedIn).toEqual([]);
  });

  it('offers the organisation\'s sign-in only where a provider is configured, and the demo only where it is on', () => {
    const first = renderPage({ devTokens: false, oidc: { issuer: 'https://login.example.com', clientId: 'console', scopes: 'openid' } });
    expect(screen.getByTestId('oidc-sign-in').textContent).toBe('Sign in with your organisation');
    expect(screen.queryByTestId('demo-sign-in')).toBeNull();
    expect(calls).toEqual([]);
    first.unmount();
    renderPage({ devTokens: true });
    expect(screen.queryByTestId('oidc-sign-in')).toBeNull();
    expect(screen.getByTestId('demo-sign-in')).toBeTruthy();
  });
});
