import { UserManager, WebStorageStateStore, type User, type UserManagerSettings } from 'oidc-client-ts';
import type { ConsoleConfig } from '../config';
import { claimsOf, type Session } from './session';

type OidcConfig = NonNullable<ConsoleConfig['oidc']>;

/** The path the identity provider sends the browser back to, under the console's base. */
export const CALLBACK_PATH = '/callback';

/**
 * Authorization code + PKCE (oidc-client-ts's only flow for `response_type: 'code'`), for a public
 * client: no secret in the browser. The provider's access token is what the gateway verifies (its
 * JSON Web Key Set at JWT_JWKS_URL), so it must be a JWT with the platform's claims (`roles`,
 * `centers`, `regions`) and the gateway's audience. Kept for the tab only (sessionStorage), as the
 * demo session is. With a refresh token the token is renewed before it expires; without one the
 * session ends when it expires and the user signs in again (the provider's own session usually
 * makes that one click).
 */
export function oidcSettings(config: OidcConfig, origin: string, storage: Storage = sessionStorage): UserManagerSettings {
  const store = new WebStorageStateStore({ store: storage });
  return {
    authority: config.issuer,
    client_id: config.clientId,
    scope: config.scopes,
    response_type: 'code',
    redirect_uri: `${origin}/console${CALLBACK_PATH}`,
    post_logout_redirect_uri: `${origin}/console/`,
    userStore: store,
    stateStore: store,
    automaticSilentRenew: true,
    // Renewal by refresh token only: no hidden iframe, which third-party cookie rules break anyway.
    silentRequestTimeoutInSeconds: 10,
    loadUserInfo: false,
  };
}

let manager: { key: string; value: UserManager } | null = null;

export function userManager(config: OidcConfig): UserManager {
  const key = `${config.issuer} ${config.clientId} ${config.scopes}`;
  if (manager?.key !== key) manager = { key, value: new UserManager(oidcSettings(config, location.origin)) };
  return manager.value;
}

export function sessionOf(user: User): Session {
  return { token: user.access_token, claims: claimsOf(user.access_token), via: 'oidc' };
}

/** To the provider's sign-in page; it comes back to /console/callback with a code. */
export function startOidcSignIn(config: OidcConfig): Promise<void> {
  return userManager(config).signinRedirect();
}

/** On /console/callback: the code and the PKCE verifier kept for this tab exchanged for tokens. */
export async function completeOidcSignIn(config: OidcConfig, url = location.href): Promise<Session> {
  return sessionOf(await userManager(config).signinRedirectCallback(url));
}

/** Renewed tokens replace the session's; a failed renewal or an expired token ends it. */
export function watchOidcSession(config: OidcConfig, renewed: (s: Session) => void, ended: () => void): () => void {
  const events = userManager(config).events;
  const off = [
    events.addUserLoaded((user) => renewed(sessionOf(user))),
    events.addSilentRenewError(() => ended()),
    events.addAccessTokenExpired(() => ended()),
  ];
  return () => off.forEach((f) => f());
}

/** Forgets the provider's tokens for this tab (the provider's own session is left to the provider). */
export function forgetOidcUser(config: OidcConfig): Promise<void> {
  return userManager(config).removeUser();
}
