import { useMemo, useState } from 'react';
import { Provider } from 'urql';
import { Redirect, Route, Router, Switch } from 'wouter';
import { loadSession, saveSession, type Session } from './auth/session';
import { SessionContext } from './auth/session-context';
import { Layout } from './components/layout';
import { Forbidden } from './components/query-state';
import { createClient } from './graphql/client';
import { callCenterRoutes } from './pages/call-center/routes';
import { dealerRoutes } from './pages/dealer/routes';
import { hqRoutes } from './pages/hq/routes';
import { SignIn } from './pages/sign-in';
import type { AreaRoute } from './routes';

export const ROUTES: AreaRoute[] = [...dealerRoutes, ...callCenterRoutes, ...hqRoutes];

/** Where a user lands: the first menu page their roles open (dealer and call-center pages come first). */
export function home(session: Session): string {
  return ROUTES.find((r) => r.nav && r.allowed(session.claims))?.path ?? '/hq/scorecard';
}

export function App() {
  const [session, setSession] = useState<Session | null>(() => loadSession());
  const state = useMemo(
    () => ({
      session,
      signIn: (s: Session) => {
        saveSession(s);
        setSession(s);
      },
      signOut: () => {
        saveSession(null);
        setSession(null);
      },
    }),
    [session],
  );
  // A new client per session: nothing one user's cache holds is shown to the next.
  const client = useMemo(() => createClient(() => session?.token ?? null, state.signOut), [session, state]);
  return (
    <SessionContext.Provider value={state}>
      <Router base="/console">
        {!session ? (
          <SignIn />
        ) : (
          <Provider value={client}>
            <Layout routes={ROUTES}>
              <Switch>
                {ROUTES.map((r) => (
                  <Route key={r.path} path={r.path}>
                    {(params) => (r.allowed(session.claims) ? <r.component params={params} /> : <Forbidden />)}
                  </Route>
                ))}
                <Route>
                  <Redirect to={home(session)} />
                </Route>
              </Switch>
            </Layout>
          </Provider>
        )}
      </Router>
    </SessionContext.Provider>
  );
}
