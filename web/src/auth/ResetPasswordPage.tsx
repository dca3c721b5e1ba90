import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { api, errorBody, fieldErrors } from '../api/client';
import { useT } from '../i18n/i18n';
import { ErrorAlert, Field, Notice, PageTitle } from '../ui/ui';
import { authMessages } from './messages';
import { writeSession } from './session';

/**
 * /app/reset-password?token=…: the link of the reset mail. Sets the new password
 * (POST /api/auth/password-reset/confirm); the server then ends every session of the account,
 * so this tab's session (if any) ends too.
 */
export function ResetPasswordPage() {
  const t = useT(authMessages);
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);
  const [invalid, setInvalid] = useState(!token);
  const [errors, setErrors] = useState<{ password?: string; confirm?: string }>({});
  const [error, setError] = useState<string | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    const local: { password?: string; confirm?: string } = {};
    if ([...password].length < 10) local.password = t('tooShort');
    if (confirm !== password) local.confirm = t('mismatch');
    setErrors(local);
    if (local.password || local.confirm) return;
    setBusy(true);
    const result = await api.POST('/api/auth/password-reset/confirm', { body: { token, password } }).catch(() => null);
    setBusy(false);
    if (result?.response.status === 204) {
      writeSession(null, 'logout');
      setDone(true);
      return;
    }
    const body = errorBody(result?.error, result?.response);
    if (body.error === 'RESET_TOKEN_INVALID') return setInvalid(true);
    const fields = fieldErrors(body);
    if (fields.password) setErrors({ password: fields.password });
    else setError(body.message);
  }

  return (
    <main id="main" className="narrow">
      <PageTitle title={t('resetTitle')}>{t('resetTitle')}</PageTitle>
      {done ? (
        <>
          <Notice>{t('resetDone')}</Notice>
          <p>
            <Link to="/login">{t('submit')}</Link>
          </p>
        </>
      ) : invalid ? (
        <>
          <ErrorAlert error={token ? t('resetInvalid') : t('resetNoToken')} />
          <p>
            <Link to="/forgot-password">{t('askAgain')}</Link>
          </p>
        </>
      ) : (
        <>
          <ErrorAlert error={error} />
          <form onSubmit={(e) => void submit(e)} noValidate>
            <Field label={t('newPassword')} type="password" name="password" autoComplete="new-password" required hint={t('newPasswordHint')} value={password} error={errors.password} onChange={(e) => setPassword(e.target.value)} />
            <Field label={t('confirmPassword')} type="password" name="confirm" autoComplete="new-password" required value={confirm} error={errors.confirm} onChange={(e) => setConfirm(e.target.value)} />
            <button type="submit" disabled={busy}>
              {t('resetSubmit')}
            </button>
          </form>
        </>
      )}
    </main>
  );
}
