import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Provider } from 'urql';
import { Redirect, Route, Router, Switch, useLocation } from 'wouter';
import { isDealer, isHq, isRegionManager, loadSession, saveSession, type Claims, type Session } from './auth/session';
import { SessionContext, useSession } from './auth/session-context';
import { Layout } from './components/layout';
import { Forbidden } from './components/query-state';
import { consoleConfig } from './config';
import { createClient } from './graphql/client';
import { callCenterRoutes } from './pages/call-center/routes';
import { dealerRoutes } from './pages/dealer/routes';
import { hqRoutes } from './pages/hq/routes';
import { SignIn } from './pages/sign-in';
import type { AreaRoute } from './routes';

export const ROUTES: AreaRoute[] = [...dealerRoutes, ...callCenterRoutes, ...hqRoutes];

/** Where a user lands: the first menu page their roles open (dealer and call-center pages come first); else the welcome page. */
export function home(session: Session): string {
  return ROUTES.find((r) => r.nav && r.allowed(session.claims))?.path ?? '/';
}

/**
 * A dealer's URL naming a center (`/centers/:id…`) that is not one of theirs is refused before any
 * page asks the graph: typing another center's id gives the refusal, never a blank or half page. HQ
 * and region managers are left to the graph, which knows which centers a region holds.
 */
export function refusedCenter(path: string, claims: Claims): string | null {
  const id = /^\/centers\/([^/?#]+)/.exec(path)?.[1];
  if (!id || isHq(claims) || isRegionManager(claims) || !isDealer(claims)) return null;
  return claims.centers.includes(decodeURIComponent(id)) ? null : id;
}

const CALLBACK = '/callback';

export function App() {
  const { t } = useTranslation();
  const [session, setSession] = useState<Session | null>(() => loadSession());
  const [notice, setNotice] = useState<string | undefined>();
  const oidc = consoleConfig().oidc;
  const end = useCallback(
    (why?: string) => {
      saveSession(null);
      setSession(null);
      setNotice(why);
      if (oidc) void import('./auth/oidc').then((m) => m.forgetOidcUser(oidc));
    },
    [oidc],
  );
  const state = useMemo(
    () => ({
      session,
      signIn: (s: Session) => {
        saveSession(s);
        setSession(s);
        setNotice(undefined);
      },
      signOut: () => end(),
    }),
    [session, end],
  );
  // A token that expires ends the session, rather than the pages failing one by one.
  useEffect(() => {
    const exp = session?.claims.exp;
    if (!exp) return;
    const left = exp * 1000 - Date.now();
    // setTimeout fires at once past 2^31 ms (24.8 days): a token that lives longer is checked on load.
    if (left > 2 ** 31 - 1) return;
    const timer = setTimeout(() => end(t('signIn.expired')), Math.max(0, left));
    return () => clearTimeout(timer);
  }, [session, end, t]);
  // The provider's renewed tokens replace the session's; a failed renewal ends it.
  useEffect(() => {
    if (session?.via !== 'oidc' || !oidc) return;
    let off: (() => void) | undefined;
    let live = true;
    void import('./auth/oidc').then((m) => {
      if (live) off = m.watchOidcSession(oidc, state.signIn, () => end(t('signIn.expired')));
    });
    return () => {
      live = false;
      off?.();
    };
  }, [session?.via, oidc, state.signIn, end, t]);
  // A new client per session: nothing one user's cache holds is shown to the next.
  const client = useMemo(() => createClient(() => session?.token ?? null, () => end(t('signIn.expired'))), [session, end, t]);
  return (
    <SessionContext.Provider value={state}>
      <Router base="/console">
        {!session ? (
          <Switch>
            <Route path={CALLBACK}>{() => <OidcCallback />}</Route>
            <Route>{() => <SignIn notice={notice} />}</Route>
          </Switch>
        ) : (
          <Provider value={client}>
            <Layout routes={ROUTES}>
              <Pages session={session} />
            </Layout>
          </Provider>
        )}
      </Router>
    </SessionContext.Provider>
  );
}

function Pages({ session }: { session: Session }) {
  const [path] = useLocation();
  if (refusedCenter(path, session.claims)) return <Forbidden />;
  return (
    <Switch>
      {ROUTES.map((r) => (
        <Route key={r.path} path={r.path}>
          {(params) => (r.allowed(session.claims) ? <r.component params={params} /> : <Forbidden />)}
        </Route>
      ))}
      <Route path="/">{() => <Welcome session={session} />}</Route>
      <Route>
        <Redirect to={home(session)} />
      </Route>
    </Switch>
  );
}

/** For roles no page serves yet: who they are, and that there is nothing for them, rather than a refusal. */
function Welcome({ session }: { session: Session }) {
  const { t } = useTranslation();
  const landing = home(session);
  if (landing !== '/') return <Redirect to={landing} />;
  return (
    <article data-testid="welcome">
      <h2>{t('home.title', { name: session.claims.sub })}</h2>
      <p>{t('home.roles', { roles: session.claims.roles.join(', ') })}</p>
      <p>{t('home.nothing')}</p>
    </article>
  );
}

/** Back from the identity provider: the code exchanged (with this tab's PKCE verifier), then home. */
function OidcCallback() {
  const { t } = useTranslation();
  const [error, setError] = useState<string | null>(null);
  const [, navigate] = useLocation();
  const { signIn } = useSession();
  useEffect(() => {
    const oidc = consoleConfig().oidc;
    if (!oidc) return setError('OIDC is not configured');
    let live = true;
    void exchangeOnce(oidc).then(
        (s) => {
          if (!live) return;
          signIn(s);
          navigate(home(s), { replace: true });
        },
        (e: Error) => live && setError(e.message),
      );
    return () => {
      live = false;
    };
  }, [signIn, navigate]);
  return (
    <main className="container">
      {error ? <p role="alert">{t('signIn.oidcFailed', { message: error })}</p> : <p aria-busy="true">{t('signIn.signingIn')}</p>}
      {error && <a href="/console/">{t('signIn.title')}</a>}
    </main>
  );
}

/** One exchange per callback URL: a code can be redeemed once, and StrictMode runs effects twice in development. */
let exchange: { url: string; session: Promise<Session> } | null = null;
function exchangeOnce(oidc: NonNullable<ReturnType<typeof consoleConfig>['oidc']>): Promise<Session> {
  if (exchange?.url !== location.href) exchange = { url: location.href, session: import('./auth/oidc').then((m) => m.completeOidcSignIn(oidc)) };
  return exchange.session;
}
