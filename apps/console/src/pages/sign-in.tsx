import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { claimsOf, type Session } from '../auth/session';
import { useSession } from '../auth/session-context';
import { LanguagePicker } from '../components/language-picker';
import { consoleConfig, gatewayOrigin } from '../config';
import type { FieldIssue } from '../graphql/client';

/** The roles a demo user can take, as the platform names them (libs/platform/auth ROLES). */
export const DEMO_ROLES = ['HQ_ADMIN', 'HQ_ANALYST', 'REGION_MANAGER', 'DEALER', 'INBOUND_AGENT', 'OUTBOUND_AGENT', 'QC_AGENT', 'MANAGEMENT_AGENT', 'PARTS_PLANNER'];

interface SignInOptions {
  regions: { id: string; name: string }[];
  centers: { id: string; code: string; name: string; regionId: string }[];
}

/**
 * Two ways in. With an identity provider configured, "Sign in with your organisation" (authorization
 * code + PKCE, src/auth/oidc.ts). Locally (`npm start`), a demo role and center: the gateway's dev
 * token endpoint (on only outside production) mints the token; its regions and centers are offered
 * from the demo network, and any id can be typed. A printed token can be pasted instead.
 */
export function SignIn({ notice }: { notice?: string }) {
  const { t } = useTranslation();
  const { signIn } = useSession();
  const config = consoleConfig();
  const [role, setRole] = useState('HQ_ADMIN');
  const [center, setCenter] = useState('');
  const [region, setRegion] = useState('');
  const [subject, setSubject] = useState('');
  const [pasted, setPasted] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [issues, setIssues] = useState<FieldIssue[]>([]);
  const [options, setOptions] = useState<SignInOptions>({ regions: [], centers: [] });

  useEffect(() => {
    if (!config.devTokens) return;
    // Only a convenience: without it the ids are typed.
    fetch(new URL('/dev/sign-in-options', gatewayOrigin()))
      .then((res) => (res.ok ? (res.json() as Promise<SignInOptions>) : null))
      .then((o) => o && setOptions(o))
      .catch(() => undefined);
  }, [config.devTokens]);

  const accept = (token: string, via: Session['via']) => {
    try {
      signIn({ token, claims: claimsOf(token), via });
    } catch (e) {
      setError((e as Error).message);
    }
  };

  const demo = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    setIssues([]);
    const res = await fetch(new URL('/dev/token', gatewayOrigin()), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ role, center: center || undefined, region: region || undefined, subject: subject || undefined }),
    });
    const body = (await res.json().catch(() => ({}))) as { token?: string; message?: string; issues?: FieldIssue[] };
    if (body.issues?.length) return setIssues(body.issues);
    if (!res.ok || !body.token) return setError(body.message ?? `HTTP ${res.status}`);
    accept(body.token, 'dev');
  };

  const organisation = async () => {
    setError(null);
    try {
      const { startOidcSignIn } = await import('../auth/oidc');
      await startOidcSignIn(config.oidc!);
    } catch (e) {
      setError(t('signIn.oidcFailed', { message: (e as Error).message }));
    }
  };

  const issueOf = (field: string) => issues.filter((i) => i.field === field);
  const field = (name: string) => {
    const own = issueOf(name);
    return {
      'aria-invalid': own.length ? true : undefined,
      'aria-describedby': own.length ? `${name}-issues` : undefined,
      issues: own.length ? (
        <small id={`${name}-issues`} data-testid={`issue-${name}`}>
          {own.map((i) => i.message).join('; ')}
        </small>
      ) : null,
    };
  };
  const roleField = field('role');
  const centerField = field('center');
  const regionField = field('region');
  const subjectField = field('subject');

  return (
    <main className="container">
      <nav>
        <ul>
          <li>
            <h1>{t('signIn.title')}</h1>
          </li>
        </ul>
        <ul>
          <li>
            <LanguagePicker />
          </li>
        </ul>
      </nav>
      {notice && <p role="status">{notice}</p>}
      {config.oidc && (
        <p>
          <button type="button" data-testid="oidc-sign-in" onClick={() => void organisation()}>
            {t('signIn.oidc')}
          </button>
        </p>
      )}
      {config.devTokens ? (
        <form onSubmit={demo} aria-label={t('signIn.demo')} data-testid="demo-sign-in">
          <fieldset>
            <legend>{t('signIn.demo')}</legend>
            <label>
              {t('signIn.role')}
              <select name="role" value={role} onChange={(e) => setRole(e.target.value)} aria-invalid={roleField['aria-invalid']}>
                {DEMO_ROLES.map((r) => (
                  <option key={r}>{r}</option>
                ))}
              </select>
              {roleField.issues}
            </label>
            <div className="grid">
              <label>
                {t('signIn.center')}
                <input name="center" list="sign-in-centers" autoComplete="off" value={center} onChange={(e) => setCenter(e.target.value)} aria-invalid={centerField['aria-invalid']} aria-describedby={centerField['aria-describedby']} />
                <datalist id="sign-in-centers">
                  {options.centers.filter((c) => !region || c.regionId === region).map((c) => (
                    <option key={c.id} value={c.id}>
                      {c.code} {c.name}
                    </option>
                  ))}
                </datalist>
                {centerField.issues}
              </label>
              <label>
                {t('signIn.region')}
                <input name="region" list="sign-in-regions" autoComplete="off" value={region} onChange={(e) => setRegion(e.target.value)} aria-invalid={regionField['aria-invalid']} aria-describedby={regionField['aria-describedby']} />
                <datalist id="sign-in-regions">
                  {options.regions.map((r) => (
                    <option key={r.id} value={r.id}>
                      {r.name}
                    </option>
                  ))}
                </datalist>
                {regionField.issues}
              </label>
            </div>
            <label>
              {t('signIn.subject')}
              <input name="subject" autoComplete="off" value={subject} onChange={(e) => setSubject(e.target.value)} aria-invalid={subjectField['aria-invalid']} aria-describedby={subjectField['aria-describedby']} />
              {subjectField.issues}
            </label>
          </fieldset>
          <button type="submit">{t('signIn.submit')}</button>
        </form>
      ) : (
        !config.oidc && <p>{t('signIn.demoOff')}</p>
      )}
      <details>
        <summary>{t('signIn.token')}</summary>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            accept(pasted.trim(), 'dev');
          }}
        >
          <textarea name="token" rows={3} value={pasted} onChange={(e) => setPasted(e.target.value)} aria-label={t('signIn.token')} />
          <button type="submit" className="secondary">
            {t('signIn.submit')}
          </button>
        </form>
      </details>
      {error && <p role="alert">{error}</p>}
    </main>
  );
}
