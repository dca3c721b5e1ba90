/**
 * /app/settings (the settings' home) and /app/settings/accounts: the organiser and reception
 * accounts, created with a first password, disabled and enabled again (the server refuses to
 * disable one's own account, and says so).
 */
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { api, type Schemas } from '../api/client';
import { useLanguage } from '../i18n/i18n';
import { formatDate } from '../time/paris';
import { Field, StatusLine } from '../ui/ui';
import { Loading, readRefusal, RefusalAlert, SelectField, SettingsPage, useFormState, useLoaded, useSettingsT } from './kit';

type User = Schemas['UserResponse'];
type StaffRole = Schemas['CreateUserDto']['roles'][number];

/** /app/settings */
export function SettingsHomePage() {
  const t = useSettingsT();
  const links: Array<[string, string, string]> = [
    ['/settings/events', t('eventsSettingsTitle'), t('homeEvents')],
    ['/settings/venues', t('venuesTitle'), t('homeVenues')],
    ['/settings/organisations', t('organisationsTitle'), t('homeOrganisations')],
    ['/settings/accounts', t('accountsTitle'), t('homeAccounts')],
    ['/events', t('eventsTitle'), t('homeHubs')],
  ];
  return (
    <SettingsPage title={t('settingsTitle')}>
      <ul className="cards">
        {links.map(([to, label, text]) => (
          <li key={to} className="card">
            <h2>
              <Link to={to}>{label}</Link>
            </h2>
            <p>{text}</p>
          </li>
        ))}
      </ul>
    </SettingsPage>
  );
}

const STAFF: StaffRole[] = ['organiser', 'reception'];

/** /app/settings/accounts */
export function AccountsPage() {
  const t = useSettingsT();
  const { language } = useLanguage();
  const [filter, setFilter] = useState<'' | StaffRole>('');
  const { data: users, failed, reload } = useLoaded(async () => {
    const roles: StaffRole[] = filter ? [filter] : STAFF;
    const pages = await Promise.all(roles.map((role) => api.GET('/api/users', { params: { query: { role, pageSize: 100 } } })));
    if (pages.some((p) => !p.data)) return undefined;
    const seen = new Map<string, User>();
    for (const p of pages) for (const u of p.data!.items) seen.set(u.id, u);
    return [...seen.values()].sort((a, b) => a.email.localeCompare(b.email));
  }, [filter]);
  const [status, setStatus] = useState<string | null>(null);
  const [listError, setListError] = useState<string | null>(null);

  async function toggle(user: User) {
    setListError(null);
    setStatus(null);
    const path = user.disabled ? '/api/users/{id}/enable' : '/api/users/{id}/disable';
    const { data, error, response } = await api.POST(path, { params: { path: { id: user.id } } });
    if (!data) return setListError(readRefusal(error, response).body.message);
    setStatus(t(data.disabled ? 'accountDisabled' : 'accountEnabled', { email: data.email }));
    reload();
    // the same row's button (now the opposite action) keeps the focus
    setTimeout(() => document.getElementById(`account-${user.id}-toggle`)?.focus(), 50);
  }

  const roleName = (r: string) => t(r === 'organiser' ? 'roleOrganiser' : r === 'reception' ? 'roleReception' : 'roleSpeaker');
  return (
    <SettingsPage title={t('accountsTitle')} crumbs={[{ to: '/settings', label: t('settingsTitle') }]}>
      <SelectField label={t('accountsFilter')} value={filter} onChange={(e) => setFilter(e.target.value as '' | StaffRole)}>
        <option value="">{t('accountsAllStaff')}</option>
        {STAFF.map((r) => (
          <option key={r} value={r}>
            {roleName(r)}
          </option>
        ))}
      </SelectField>
      {!users ? (
        <Loading failed={failed} />
      ) : (
        <table>
          <caption className="visually-hidden">{t('accountsTitle')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('accountEmail')}</th>
              <th scope="col">{t('accountName')}</th>
              <th scope="col">{t('accountRoles')}</th>
              <th scope="col">{t('accountSince')}</th>
              <th scope="col">{t('accountState')}</th>
              <th scope="col">{t('actions')}</th>
            </tr>
          </thead>
          <tbody>
            {users.map((u) => (
              <tr key={u.id}>
                <th scope="row">{u.email}</th>
                <td>{u.displayName ?? ''}</td>
                <td>{u.roles.map(roleName).join(', ')}</td>
                <td>{formatDate(u.createdAt, language)}</td>
                <td>{u.disabled ? t('stateDisabled') : t('stateActive')}</td>
                <td>
                  <button type="button" className="secondary" id={`account-${u.id}-toggle`} onClick={() => void toggle(u)} aria-label={t(u.disabled ? 'enableNamed' : 'disableNamed', { email: u.email })}>
                    {u.disabled ? t('enable') : t('disable')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {listError ? <p className="alert error" role="alert">{listError}</p> : null}
      <StatusLine>{status}</StatusLine>
      <h2>{t('accountCreate')}</h2>
      <AccountForm onCreated={(u) => (setStatus(t('accountCreated', { email: u.email })), reload())} />
    </SettingsPage>
  );
}

function AccountForm({ onCreated }: { onCreated(u: User): void }) {
  const t = useSettingsT();
  const state = useFormState();
  const [v, setV] = useState({ email: '', displayName: '', password: '', roles: ['reception'] as StaffRole[] });

  async function submit(e: FormEvent) {
    e.preventDefault();
    state.setBusy(true);
    state.setRefusal(null);
    const body = { email: v.email, password: v.password, roles: v.roles, displayName: v.displayName.trim() || undefined };
    const { data, error, response } = await api.POST('/api/users', { body });
    state.setBusy(false);
    if (!data) return state.refuse(readRefusal(error, response, { EMAIL_TAKEN: 'email' }));
    setV({ email: '', displayName: '', password: '', roles: ['reception'] });
    onCreated(data);
  }

  const toggle = (r: StaffRole, on: boolean) => setV({ ...v, roles: on ? [...v.roles.filter((x) => x !== r), r] : v.roles.filter((x) => x !== r) });
  return (
    <form ref={state.form} onSubmit={(e) => void submit(e)} noValidate className="settings-form" aria-label={t('accountCreate')}>
      <RefusalAlert refusal={state.refusal} />
      <Field label={t('accountEmail')} type="email" autoComplete="off" value={v.email} onChange={(e) => setV({ ...v, email: e.target.value })} error={state.err('email')} />
      <Field label={t('accountName')} value={v.displayName} onChange={(e) => setV({ ...v, displayName: e.target.value })} error={state.err('displayName')} />
      <Field label={t('accountPassword')} hint={t('accountPasswordHint')} type="password" autoComplete="new-password" value={v.password} onChange={(e) => setV({ ...v, password: e.target.value })} error={state.err('password')} />
      <fieldset>
        <legend>{t('accountRoles')}</legend>
        {STAFF.map((r) => (
          <div className="field checkbox" key={r}>
            <input id={`account-role-${r}`} type="checkbox" checked={v.roles.includes(r)} onChange={(e) => toggle(r, e.target.checked)} />
            <label htmlFor={`account-role-${r}`}>{t(r === 'organiser' ? 'roleOrganiser' : 'roleReception')}</label>
          </div>
        ))}
        {state.err('roles') ? <p className="field-error">{state.err('roles')}</p> : null}
      </fieldset>
      <button type="submit" disabled={state.busy}>
        {t('accountCreateButton')}
      </button>
    </form>
  );
}

