import { useEffect, useState } from 'react';
import { api, errorBody, type ApiErrorBody } from '../api/client';
import { useT } from '../i18n/i18n';
import { ErrorAlert, PageTitle } from '../ui/ui';
import { authMessages } from './messages';
import type { SignedInUser } from './session';

/** /app/account: who the session's token belongs to, as the server says (GET /api/auth/me). */
export function AccountPage() {
  const t = useT(authMessages);
  const [user, setUser] = useState<SignedInUser | null>(null);
  const [error, setError] = useState<ApiErrorBody | null>(null);

  useEffect(() => {
    let live = true;
    api
      .GET('/api/auth/me')
      .then(({ data, error: failure, response }) => {
        if (!live) return;
        if (data) setUser(data);
        else if (response.status !== 401) setError(errorBody(failure, response));
      })
      .catch((e: unknown) => live && setError(errorBody(e)));
    return () => {
      live = false;
    };
  }, []);

  return (
    <main id="main" className="narrow">
      <PageTitle title={t('accountTitle')}>{t('accountTitle')}</PageTitle>
      <ErrorAlert error={error ?? undefined} />
      {user ? (
        <dl>
          <dt>{t('accountEmail')}</dt>
          <dd>{user.email}</dd>
          <dt>{t('accountRoles')}</dt>
          <dd>{user.roles.map((r) => t(`role_${r}`)).join(', ')}</dd>
        </dl>
      ) : null}
    </main>
  );
}
