import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { api, errorBody, fieldErrors } from '../api/client';
import { useLanguage, useT } from '../i18n/i18n';
import { ErrorAlert, Field, Notice, PageTitle } from '../ui/ui';
import { authMessages } from './messages';

/** /app/forgot-password: asks for a reset link (POST /api/auth/password-reset), in the page's language. */
export function ForgotPasswordPage() {
  const t = useT(authMessages);
  const { language } = useLanguage();
  const [email, setEmail] = useState('');
  const [busy, setBusy] = useState(false);
  const [sent, setSent] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [emailError, setEmailError] = useState<string | undefined>();

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    setEmailError(undefined);
    const result = await api.POST('/api/auth/password-reset', { body: { email, language } }).catch(() => null);
    setBusy(false);
    if (result?.response.status === 202) {
      setSent(true);
      return;
    }
    if (result?.response.status === 429) {
      setError(t('tooMany', { seconds: result.response.headers.get('Retry-After') ?? '60' }));
      return;
    }
    const body = errorBody(result?.error, result?.response);
    const fields = fieldErrors(body);
    if (fields.email) setEmailError(fields.email);
    else setError(body.message);
  }

  return (
    <main id="main" className="narrow">
      <PageTitle title={t('forgotTitle')}>{t('forgotTitle')}</PageTitle>
      {sent ? (
        <Notice>{t('forgotSent')}</Notice>
      ) : (
        <>
          <p>{t('forgotIntro')}</p>
          <ErrorAlert error={error} />
          <form onSubmit={(e) => void submit(e)} noValidate>
            <Field label={t('email')} type="email" name="email" autoComplete="username" required value={email} error={emailError} onChange={(e) => setEmail(e.target.value)} />
            <button type="submit" disabled={busy}>
              {t('forgotSubmit')}
            </button>
          </form>
        </>
      )}
      <p>
        <Link to="/login">{t('backToLogin')}</Link>
      </p>
    </main>
  );
}
