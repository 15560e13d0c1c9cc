import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { claimsOf, type Session } from '../auth/session';
import { useSession } from '../auth/session-context';

const DEMO_ROLES = ['HQ_ADMIN', 'HQ_ANALYST', 'REGION_MANAGER', 'DEALER', 'INBOUND_AGENT', 'OUTBOUND_AGENT', 'MANAGEMENT_AGENT', 'PARTS_PLANNER'];

/**
 * Locally (`npm start`), pick a demo role and center: the gateway's dev token endpoint (on only outside
 * production) mints the token. A printed token can be pasted instead.
 */
export function SignIn() {
  const { t } = useTranslation();
  const { signIn } = useSession();
  const [role, setRole] = useState('HQ_ADMIN');
  const [center, setCenter] = useState('sc-cn-0002');
  const [region, setRegion] = useState('rg-chn');
  const [subject, setSubject] = useState('');
  const [pasted, setPasted] = useState('');
  const [error, setError] = useState<string | null>(null);

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
    const res = await fetch(new URL('/dev/token', location.origin), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ role, center: center || undefined, region: region || undefined, subject: subject || undefined }),
    });
    const body = (await res.json().catch(() => ({}))) as { token?: string; message?: string };
    if (!res.ok || !body.token) return setError(body.message ?? `HTTP ${res.status}`);
    accept(body.token, 'dev');
  };

  return (
    <main className="container">
      <h1>{t('signIn.title')}</h1>
      <form onSubmit={demo} aria-label={t('signIn.demo')}>
        <fieldset>
          <legend>{t('signIn.demo')}</legend>
          <label>
            {t('signIn.role')}
            <select name="role" value={role} onChange={(e) => setRole(e.target.value)}>
              {DEMO_ROLES.map((r) => (
                <option key={r}>{r}</option>
              ))}
            </select>
          </label>
          <label>
            {t('signIn.center')}
            <input name="center" value={center} onChange={(e) => setCenter(e.target.value)} />
          </label>
          <label>
            {t('signIn.region')}
            <input name="region" value={region} onChange={(e) => setRegion(e.target.value)} />
          </label>
          <label>
            sub
            <input name="subject" value={subject} onChange={(e) => setSubject(e.target.value)} />
          </label>
        </fieldset>
        <button type="submit">{t('signIn.submit')}</button>
      </form>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          accept(pasted.trim(), 'dev');
        }}
      >
        <label>
          {t('signIn.token')}
          <textarea name="token" rows={3} value={pasted} onChange={(e) => setPasted(e.target.value)} />
        </label>
        <button type="submit" className="secondary">
          {t('signIn.submit')}
        </button>
      </form>
      {error && <p role="alert">{error}</p>}
    </main>
  );
}
