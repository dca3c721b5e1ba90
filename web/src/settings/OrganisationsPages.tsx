/**
 * /app/settings/organisations (list and creation), /app/settings/organisations/:id (fields and the
 * logo: chosen, previewed, sent; the server reads the bytes and its refusal is shown beside the
 * field, the previous logo staying) and /app/settings/events/:slug/organisations (the roles of the
 * organisations on an event, in display order, moved up and down with buttons).
 */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { api, type Schemas } from '../api/client';
import { useLanguage } from '../i18n/i18n';
import { Field, StatusLine, TextArea } from '../ui/ui';
import { eventName, useEventBySlug } from './EventsPages';
import { Loading, orNull, readRefusal, RefusalAlert, SelectField, SettingsPage, useFormState, useLoaded, useSettingsT, type SettingsT } from './kit';
import { useObjectUrl } from '../ui/form-hooks';

type Organisation = Schemas['OrganisationResponse'];
type Kind = Organisation['kind'];
type Role = Schemas['EventOrganisationResponse'];
type RoleName = Role['role'];

const KINDS: Kind[] = ['institution', 'university', 'research-institute', 'research-project', 'association', 'ministry', 'public-agency', 'local-authority', 'company', 'media', 'other'];
const ROLES: RoleName[] = ['co-organiser', 'patron', 'supporter', 'sponsor', 'partner', 'media'];
const ORG_FIELDS = ['name', 'acronym', 'kind', 'website', 'description'];

function kindLabel(t: SettingsT, kind: Kind): string {
  return t(`kind_${kind.replace(/-/g, '_')}` as Parameters<SettingsT>[0]);
}
export function roleLabel(t: SettingsT, role: RoleName): string {
  return t(`role_${role.replace(/-/g, '_')}` as Parameters<SettingsT>[0]);
}

function useOrganisations() {
  return useLoaded(async () => (await api.GET('/api/organisations', { params: { query: { pageSize: 100 } } })).data?.items, []);
}

/** /app/settings/organisations */
export function OrganisationsPage() {
  const t = useSettingsT();
  const navigate = useNavigate();
  const { data, failed } = useOrganisations();
  return (
    <SettingsPage title={t('organisationsTitle')} crumbs={[{ to: '/settings', label: t('settingsTitle') }]}>
      {!data ? (
        <Loading failed={failed} />
      ) : (
        <ul className="settings-list">
          {data.map((o) => (
            <li key={o.id}>
              {o.logoUrl ? <img className="logo-thumb" src={o.logoUrl} alt="" /> : null}
              <Link to={`/settings/organisations/${o.id}`}>{o.name}</Link> <span className="muted">({kindLabel(t, o.kind)})</span>
            </li>
          ))}
        </ul>
      )}
      <h2>{t('organisationCreate')}</h2>
      <OrganisationForm onSaved={(o) => navigate(`/settings/organisations/${o.id}`)} />
    </SettingsPage>
  );
}

function OrganisationForm({ organisation, onSaved }: { organisation?: Organisation; onSaved(o: Organisation): void }) {
  const t = useSettingsT();
  const state = useFormState();
  const [status, setStatus] = useState<string | null>(null);
  const [v, setV] = useState({
    name: organisation?.name ?? '',
    acronym: organisation?.acronym ?? '',
    kind: organisation?.kind ?? ('association' as Kind),
    website: organisation?.website ?? '',
    description: organisation?.description ?? '',
  });
  const set = (k: keyof typeof v) => (e: { target: { value: string } }) => setV({ ...v, [k]: e.target.value });

  async function submit(e: FormEvent) {
    e.preventDefault();
    state.setBusy(true);
    state.setRefusal(null);
    setStatus(null);
    const body = { name: v.name, acronym: orNull(v.acronym), kind: v.kind as Kind, website: orNull(v.website), description: orNull(v.description) };
    const answer = organisation
      ? await api.PATCH('/api/organisations/{id}', { params: { path: { id: organisation.id } }, body })
      : await api.POST('/api/organisations', { body });
    state.setBusy(false);
    if (!answer.data) return state.refuse(readRefusal(answer.error, answer.response, { CONFLICT: 'name', ORGANISATION_NAME_TAKEN: 'name' }, ORG_FIELDS));
    setStatus(t('saved'));
    onSaved(answer.data);
  }

  return (
    <form ref={state.form} onSubmit={(e) => void submit(e)} noValidate className="settings-form">
      <RefusalAlert refusal={state.refusal} />
      <Field label={t('organisationName')} value={v.name} onChange={set('name')} error={state.err('name')} required />
      <Field label={t('organisationAcronym')} value={v.acronym} onChange={set('acronym')} error={state.err('acronym')} className="short" />
      <SelectField label={t('organisationKind')} value={v.kind} onChange={set('kind')} error={state.err('kind')}>
        {KINDS.map((k) => (
          <option key={k} value={k}>
            {kindLabel(t, k)}
          </option>
        ))}
      </SelectField>
      <Field label={t('website')} type="url" value={v.website} onChange={set('website')} error={state.err('website')} />
      <TextArea label={t('organisationDescription')} value={v.description} onChange={set('description')} error={state.err('description')} />
      <button type="submit" disabled={state.busy}>
        {organisation ? t('save') : t('organisationCreateButton')}
      </button>
      <StatusLine>{status}</StatusLine>
    </form>
  );
}

/** /app/settings/organisations/:id */
export function OrganisationPage() {
  const t = useSettingsT();
  const { id } = useParams();
  const { data, failed, reload } = useLoaded(async () => (await api.GET('/api/organisations/{id}', { params: { path: { id: id ?? '' } } })).data, [id]);
  return (
    <SettingsPage title={data ? data.name : t('organisationsTitle')} crumbs={[{ to: '/settings', label: t('settingsTitle') }, { to: '/settings/organisations', label: t('organisationsTitle') }]}>
      {!data ? (
        <Loading failed={failed} />
      ) : (
        <>
          <LogoSection organisation={data} onChange={reload} />
          <h2>{t('organisationFields')}</h2>
          <OrganisationForm key={data.updatedAt} organisation={data} onSaved={reload} />
        </>
      )}
    </SettingsPage>
  );
}

const PREVIEWABLE = ['image/png', 'image/jpeg', 'image/svg+xml'];

function LogoSection({ organisation, onChange }: { organisation: Organisation; onChange(): void }) {
  const t = useSettingsT();
  const [chosen, setChosen] = useState<File | null>(null);
  const [resetKey, setResetKey] = useState(0);
  const [error, setError] = useState<string | undefined>(undefined);
  const [status, setStatus] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const preview = useObjectUrl(chosen && PREVIEWABLE.includes(chosen.type) ? chosen : null);

  async function upload(e: FormEvent) {
    e.preventDefault();
    if (!chosen) return;
    const body = new FormData();
    body.append('file', chosen);
    setBusy(true);
    setError(undefined);
    setStatus(null);
    const answer = await api
      .PUT('/api/organisations/{id}/logo', { params: { path: { id: organisation.id } }, body: { file: chosen.name }, bodySerializer: () => body })
      .catch(() => ({ data: undefined, error: undefined, response: undefined }));
    setBusy(false);
    if (!answer.data) {
      setError(readRefusal(answer.error, answer.response).body.message);
      input.current?.focus();
      return;
    }
    setStatus(t('logoSaved', { width: answer.data.width, height: answer.data.height }));
    setChosen(null);
    setResetKey((k) => k + 1);
    onChange();
  }

  return (
    <section aria-labelledby="logo-heading">
      <h2 id="logo-heading">{t('logoTitle')}</h2>
      {organisation.logoUrl ? <img className="logo-current" src={organisation.logoUrl} alt={t('logoCurrent', { name: organisation.name })} /> : <p>{t('logoNone')}</p>}
      <form onSubmit={(e) => void upload(e)} noValidate aria-label={t('logoTitle')}>
        <div className="field">
          <label htmlFor="logo-file">{t('logoFile')}</label>
          <input
            ref={input}
            key={resetKey}
            id="logo-file"
            name="file"
            type="file"
            accept="image/png,image/jpeg,image/svg+xml"
            onChange={(e) => {
              setChosen(e.target.files?.[0] ?? null);
              setError(undefined);
            }}
            aria-invalid={error ? true : undefined}
            aria-describedby={`logo-file-hint${error ? ' logo-file-error' : ''}`}
          />
          <p className="hint" id="logo-file-hint">
            {t('logoHint')}
          </p>
          {error ? (
            <p className="field-error" id="logo-file-error" role="alert">
              {error}
            </p>
          ) : null}
          {preview ? <img className="logo-preview" src={preview} alt={t('logoPreview')} /> : null}
        </div>
        <button type="submit" disabled={busy || !chosen}>
          {busy ? t('logoUploading') : t('logoUpload')}
        </button>
      </form>
      <StatusLine>{status}</StatusLine>
    </section>
  );
}

/** /app/settings/events/:slug/organisations */
export function EventOrganisationsPage() {
  const t = useSettingsT();
  const { language } = useLanguage();
  const { slug } = useParams();
  const { data: event, failed } = useEventBySlug(slug);
  const title = event ? t('rolesTitle', { name: eventName(event, language) }) : t('organisationsTitle');
  return (
    <SettingsPage
      title={title}
      crumbs={[{ to: '/settings', label: t('settingsTitle') }, ...(event ? [{ to: `/events/${event.slug}`, label: eventName(event, language) }] : [])]}
    >
      {event === null ? <p>{t('eventMissingText')}</p> : !event ? <Loading failed={failed} /> : <Roles eventId={event.id} />}
    </SettingsPage>
  );
}

function Roles({ eventId }: { eventId: string }) {
  const t = useSettingsT();
  const state = useFormState();
  const { data: organisations } = useOrganisations();
  const { data: roles, reload } = useLoaded(
    async () => (await api.GET('/api/events/{eventId}/organisations', { params: { path: { eventId }, query: { pageSize: 100 } } })).data?.items,
    [eventId],
  );
  const [v, setV] = useState({ organisationId: '', role: 'supporter' as RoleName, sponsorTier: '', note: '' });
  const [status, setStatus] = useState<string | null>(null);
  const [listError, setListError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  const pendingFocus = useRef<{ id: string; up: boolean; message: string } | null>(null);

  // after a move, when the list read back is drawn: announce it, and focus the moved row's button of
  // the same direction, or the other one when the row reached an end
  useEffect(() => {
    const pending = pendingFocus.current;
    if (!pending || !roles) return;
    pendingFocus.current = null;
    setStatus(pending.message);
    const same = document.getElementById(`role-${pending.id}-${pending.up ? 'up' : 'down'}`) as HTMLButtonElement | null;
    const other = document.getElementById(`role-${pending.id}-${pending.up ? 'down' : 'up'}`) as HTMLButtonElement | null;
    (same && !same.disabled ? same : other)?.focus();
  }, [roles]);

  async function add(e: FormEvent) {
    e.preventDefault();
    state.setBusy(true);
    state.setRefusal(null);
    setStatus(null);
    const group = (roles ?? []).filter((r) => r.role === v.role);
    const displayOrder = group.length ? Math.max(...group.map((r) => r.displayOrder)) + 1 : 0;
    const body = { organisationId: v.organisationId, role: v.role, sponsorTier: v.role === 'sponsor' ? orNull(v.sponsorTier) : undefined, note: orNull(v.note) ?? undefined, displayOrder };
    const { data, error, response } = await api.POST('/api/events/{eventId}/organisations', { params: { path: { eventId } }, body });
    state.setBusy(false);
    if (!data) return state.refuse(readRefusal(error, response, { ROLE_ALREADY_HELD: 'role' }, ['organisationId']));
    setStatus(t('roleAdded', { name: data.organisation.name, role: roleLabel(t, data.role) }));
    setV({ ...v, organisationId: '', sponsorTier: '', note: '' });
    reload();
  }

  /**
   * Moves a role one place up or down within its group: the group's new order is sent in one
   * request (PUT …/organisations/order, applied all at once by the server, refused if the list
   * read earlier is stale), then the list is read back.
   */
  async function move(role: Role, delta: -1 | 1) {
    if (!roles) return;
    const group = roles.filter((r) => r.role === role.role);
    const i = group.findIndex((r) => r.id === role.id);
    const j = i + delta;
    if (j < 0 || j >= group.length) return;
    const order = group.map((r) => r.id);
    [order[i], order[j]] = [order[j], order[i]];
    setBusy(true);
    setListError(null);
    setStatus(null);
    const { data, error, response } = await api.PUT('/api/events/{eventId}/organisations/order', { params: { path: { eventId } }, body: { role: role.role, roleIds: order } });
    if (!data) {
      setBusy(false);
      setListError(readRefusal(error, response).body.message);
      reload();
      return;
    }
    setBusy(false);
    // once the list is read back and drawn, the move is announced and the keyboard stays on the row that moved (the effect above)
    pendingFocus.current = { id: role.id, up: delta < 0, message: t(delta < 0 ? 'roleMovedUp' : 'roleMovedDown', { name: role.organisation.name, position: j + 1, count: group.length }) };
    reload();
  }

  async function remove(role: Role) {
    setListError(null);
    setStatus(null);
    const { error, response } = await api.DELETE('/api/events/{eventId}/organisations/{roleId}', { params: { path: { eventId, roleId: role.id } } });
    if (!response.ok) return setListError(readRefusal(error, response).body.message);
    setStatus(t('roleRemoved', { name: role.organisation.name }));
    heading.current?.focus();
    reload();
  }

  const groups = ROLES.map((name) => ({ name, items: (roles ?? []).filter((r) => r.role === name) })).filter((g) => g.items.length);
  return (
    <>
      <h2 id="roles-heading" ref={heading} tabIndex={-1}>
        {t('rolesList')}
      </h2>
      <p className="hint">{t('rolesHint')}</p>
      {!roles ? <Loading /> : groups.length === 0 ? <p>{t('rolesNone')}</p> : null}
      {groups.map((g) => (
        <section key={g.name} aria-labelledby={`group-${g.name}`}>
          <h3 id={`group-${g.name}`}>{roleLabel(t, g.name)}</h3>
          <ol className="role-order">
            {g.items.map((r, i) => (
              <li key={r.id}>
                {r.organisation.logoUrl ? <img className="logo-thumb" src={r.organisation.logoUrl} alt="" /> : null}
                <span className="role-name">
                  {r.organisation.name}
                  {r.sponsorTier ? ` — ${t('tier', { tier: r.sponsorTier })}` : ''}
                  {r.note ? <span className="muted"> ({r.note})</span> : null}
                </span>
                <span className="role-actions">
                  <button type="button" className="secondary" id={`role-${r.id}-up`} disabled={busy || i === 0} onClick={() => void move(r, -1)} aria-label={t('moveUp', { name: r.organisation.name, group: roleLabel(t, g.name) })}>
                    ↑
                  </button>
                  <button
                    type="button"
                    className="secondary"
                    id={`role-${r.id}-down`}
                    disabled={busy || i === g.items.length - 1}
                    onClick={() => void move(r, 1)}
                    aria-label={t('moveDown', { name: r.organisation.name, group: roleLabel(t, g.name) })}
                  >
                    ↓
                  </button>
                  <button type="button" className="secondary" disabled={busy} onClick={() => void remove(r)} aria-label={t('roleRemove', { name: r.organisation.name, group: roleLabel(t, g.name) })}>
                    {t('remove')}
                  </button>
                </span>
              </li>
            ))}
          </ol>
        </section>
      ))}
      {listError ? <p className="alert error" role="alert">{listError}</p> : null}
      <StatusLine>{status}</StatusLine>
      <h2>{t('roleAdd')}</h2>
      <form ref={state.form} onSubmit={(e) => void add(e)} noValidate className="settings-form" aria-label={t('roleAdd')}>
        <RefusalAlert refusal={state.refusal} />
        <SelectField label={t('roleOrganisation')} value={v.organisationId} onChange={(e) => setV({ ...v, organisationId: e.target.value })} error={state.err('organisationId')}>
          <option value="">{t('choose')}</option>
          {(organisations ?? []).map((o) => (
            <option key={o.id} value={o.id}>
              {o.name}
            </option>
          ))}
        </SelectField>
        <SelectField label={t('roleRole')} value={v.role} onChange={(e) => setV({ ...v, role: e.target.value as RoleName })} error={state.err('role')}>
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {roleLabel(t, r)}
            </option>
          ))}
        </SelectField>
        {v.role === 'sponsor' ? <Field label={t('roleTier')} hint={t('roleTierHint')} value={v.sponsorTier} onChange={(e) => setV({ ...v, sponsorTier: e.target.value })} error={state.err('sponsorTier')} /> : null}
        <Field label={t('roleNote')} hint={t('roleNoteHint')} value={v.note} onChange={(e) => setV({ ...v, note: e.target.value })} error={state.err('note')} />
        <button type="submit" disabled={state.busy}>
          {t('roleAddButton')}
        </button>
      </form>
      <p>
        <Link to="/settings/organisations">{t('organisationsManage')}</Link>
      </p>
    </>
  );
}
