import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { api, errorBody } from '../api/client';
import { useT } from '../i18n/i18n';
import { ErrorAlert, Field, Notice, PageTitle } from '../ui/ui';
import { authMessages } from './messages';
import { safeNext } from './safe-next';
import { writeSession } from './session';

/** /app/login: sign-in for every role; `?next=` keeps the page the person wanted. */
export function LoginPage() {
  const t = useT(authMessages);
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    const { data, error: failure, response } = await api.POST('/api/auth/login', { body: { email, password } }).catch(() => ({ data: undefined, error: undefined, response: undefined }));
    setBusy(false);
    if (data) {
      writeSession({ accessToken: data.accessToken, expiresAt: data.expiresAt, user: data.user });
      void navigate(safeNext(params.get('next')), { replace: true });
      return;
    }
    if (response?.status === 429) {
      setError(t('throttled', { seconds: response.headers.get('Retry-After') ?? '30' }));
    } else if (response?.status === 401) {
      setError(t('failed'));
    } else {
      setError(errorBody(failure, response).message);
    }
  }

  return (
    <main id="main" className="narrow">
      <PageTitle title={t('title')}>{t('title')}</PageTitle>
      {params.get('expired') ? <Notice>{t('expired')}</Notice> : null}
      {params.get('bye') ? <Notice>{t('loggedOut')}</Notice> : null}
      <ErrorAlert error={error} />
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Field label={t('email')} type="email" name="email" autoComplete="username" required value={email} onChange={(e) => setEmail(e.target.value)} />
        <Field label={t('password')} type="password" name="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} />
        <button type="submit" disabled={busy}>
          {busy ? t('submitting') : t('submit')}
        </button>
      </form>
      <p>
        <Link to="/forgot-password">{t('forgot')}</Link>
      </p>
      <p>
        {t('noAccount')} <Link to="/signup">{t('signup')}</Link>
      </p>
    </main>
  );
}
