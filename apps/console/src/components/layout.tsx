import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { useSignedIn, useSession } from '../auth/session-context';
import { LANGUAGES, setLanguage, type Language } from '../i18n';
import type { AreaRoute } from '../routes';

/** The menu shows only what the caller's roles may open; the graph still checks every request. */
export function Layout({ children, routes }: { children: ReactNode; routes: AreaRoute[] }) {
  const { t, i18n } = useTranslation();
  const session = useSignedIn();
  const { signOut } = useSession();
  const c = session.claims;
  return (
    <>
      <header className="container-fluid">
        <nav>
          <ul>
            <li>
              <strong>{t('app.title')}</strong>
            </li>
          </ul>
          <ul>
            {routes
              .filter((r) => r.nav && r.allowed(c))
              .map((r) => (
                <li key={r.path}>
                  <Link href={r.path}>{t(r.nav!)}</Link>
                </li>
              ))}
            <li>
              <select aria-label={t('nav.language')} value={i18n.language} onChange={(e) => setLanguage(e.target.value as Language)}>
                {Object.entries(LANGUAGES).map(([code, name]) => (
                  <option key={code} value={code}>
                    {name}
                  </option>
                ))}
              </select>
            </li>
            <li>
              <small>
                {c.sub} · {c.roles.join(', ')}
              </small>
            </li>
            <li>
              <button className="secondary" onClick={signOut}>
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
