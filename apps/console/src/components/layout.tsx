import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { useSignedIn, useSession } from '../auth/session-context';
import { formatDateTime } from '../i18n/format';
import type { AreaRoute } from '../routes';
import { LanguagePicker } from './language-picker';

/** The menu shows only what the caller's roles may open; the graph still checks every request. */
export function Layout({ children, routes }: { children: ReactNode; routes: AreaRoute[] }) {
  const { t, i18n } = useTranslation();
  const session = useSignedIn();
  const { signOut } = useSession();
  const c = session.claims;
  // The reader's own zone: the session belongs to the reader, not to a center.
  const until = c.exp ? formatDateTime(new Date(c.exp * 1000).toISOString(), i18n.language) : null;
  return (
    <>
      <header className="container-fluid">
        <nav>
          <ul>
            <li>
              <Link href="/">
                <strong>{t('app.title')}</strong>
              </Link>
            </li>
          </ul>
          <ul data-testid="menu">
            {routes
              .filter((r) => r.nav && r.allowed(c))
              .map((r) => (
                <li key={r.path}>
                  <Link href={r.path}>{t(r.nav!)}</Link>
                </li>
              ))}
          </ul>
          <ul>
            <li>
              <LanguagePicker />
            </li>
            <li>
              <small data-testid="who">
                {c.sub} · {c.roles.join(', ')}
                {until && (
                  <>
                    <br />
                    <span data-testid="session-until">{t('nav.sessionUntil', { time: until })}</span>
                  </>
                )}
              </small>
            </li>
            <li>
              <button className="secondary" data-testid="sign-out" onClick={signOut}>
                {t('nav.signOut')}
              </button>
            </li>
          </ul>
        </nav>
      </header>
      <main className="container-fluid">{children}</main>
    </>
  );
}
