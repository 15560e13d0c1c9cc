import { useMemo, useState } from 'react';
import { Provider } from 'urql';
import { Redirect, Route, Router, Switch } from 'wouter';
import { isCallCenter, isDealer, loadSession, saveSession, type Session } from './auth/session';
import { SessionContext } from './auth/session-context';
import { Layout } from './components/layout';
import { createClient } from './graphql/client';
import { ScorecardPage } from './pages/hq/scorecard';
import { SignIn } from './pages/sign-in';

/** Where each role lands after signing in. */
function home(session: Session): string {
  if (isDealer(session.claims)) return '/hq/scorecard';
  if (isCallCenter(session.claims)) return '/hq/scorecard';
  return '/hq/scorecard';
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
            <Layout>
              <Switch>
                <Route path="/hq/scorecard" component={ScorecardPage} />
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
