/**
 * The organisers' entry points: /app/events (the events) and /app/events/:slug (an event's hub,
 * linking to every page of the event), and the events' settings: /app/settings/events (list and
 * creation) and /app/settings/events/:slug (edit). Dates and times are typed as Paris wall-clock
 * times and sent as typed: the API reads them in the event's zone, whatever the browser's zone.
 */
import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { api, type Schemas } from '../api/client';
import { useLanguage } from '../i18n/i18n';
import { formatDate, formatRange } from '../time/paris';
import { Field, StatusLine, TextArea } from '../ui/ui';
import { Loading, orNull, readRefusal, RefusalAlert, SelectField, SettingsPage, useFormState, useLoaded, useSettingsT } from './kit';

type EventResponse = Schemas['EventResponse'];
type Venue = Schemas['VenueResponse'];
type EventKind = EventResponse['kind'];

const KINDS: EventKind[] = ['colloquium', 'ceremony', 'conference', 'workshop', 'other'];
const KIND_KEYS = { colloquium: 'kindColloquium', ceremony: 'kindCeremony', conference: 'kindConference', workshop: 'kindWorkshop', other: 'kindOther' } as const;

export function useEventBySlug(slug: string | undefined) {
  return useLoaded(async () => {
    const { data } = await api.GET('/api/events', { params: { query: { slug: slug ?? '' } } });
    if (!data) return undefined;
    return data.items[0] ?? null;
  }, [slug]);
}

export function eventName(e: { nameFr: string; nameEn?: string | null }, language: string): string {
  return language === 'en' && e.nameEn ? e.nameEn : e.nameFr;
}

function when(e: EventResponse, language: 'fr' | 'en'): string {
  if (e.allDay) return e.startDate === e.endDate ? formatDate(e.startsAtUtc, language) : `${formatDate(e.startsAtUtc, language)} – ${formatDate(`${e.endDate}T12:00:00Z`, language)}`;
  return formatRange(e.startsAtUtc, e.endsAtUtc, language);
}

function useAllEvents() {
  return useLoaded(async () => (await api.GET('/api/events', { params: { query: { pageSize: 100 } } })).data?.items, []);
}

/** /app/events: every event, each leading to its hub. */
export function EventsListPage() {
  const t = useSettingsT();
  const { language } = useLanguage();
  const { data, failed } = useAllEvents();
  return (
    <SettingsPage title={t('eventsTitle')}>
      <p>
        <Link to="/settings/events">{t('eventsManage')}</Link> · <Link to="/settings">{t('settingsTitle')}</Link>
      </p>
      {!data ? (
        <Loading failed={failed} />
      ) : (
        <ul className="settings-list">
          {data.map((e) => (
            <li key={e.id}>
              <Link to={`/events/${e.slug}`}>{eventName(e, language)}</Link> <span className="muted">({when(e, language)})</span>
            </li>
          ))}
        </ul>
      )}
    </SettingsPage>
  );
}

/** /app/events/:slug: the event's hub. */
export function EventHubPage() {
  const t = useSettingsT();
  const { language } = useLanguage();
  const { slug } = useParams();
  const { data: event, failed } = useEventBySlug(slug);
  const title = event ? eventName(event, language) : t('eventsTitle');
  if (event === null) {
    return (
      <SettingsPage title={t('eventMissing')} crumbs={[{ to: '/events', label: t('eventsTitle') }]}>
        <p>{t('eventMissingText')}</p>
      </SettingsPage>
    );
  }
  const links: Array<[string, string, boolean?]> = event
    ? [
        [`/settings/events/${event.slug}`, t('hubEdit')],
        [`/settings/events/${event.slug}/cfp`, t('hubCfp')],
        [`/settings/events/${event.slug}/organisations`, t('hubOrganisations')],
        [`/events/${event.slug}/proposals`, t('hubProposals')],
        [`/events/${event.slug}/programme`, t('hubProgramme')],
        [`/events/${event.slug}/participants`, t('hubParticipants')],
        [`/events/${event.slug}/badges`, t('hubBadges')],
        [`/events/${event.slug}/today`, t('hubToday')],
        [`/programme/${event.slug}`, t('hubPublicProgramme'), true],
        [`/events/${event.slug}/cfp`, t('hubPublicCfp')],
      ]
    : [];
  if (event?.kind === 'ceremony') links.push([`/labels/${event.startDate.slice(0, 4)}`, t('hubLabels')]);
  return (
    <SettingsPage title={title} crumbs={[{ to: '/events', label: t('eventsTitle') }]}>
      {!event ? (
        <Loading failed={failed} />
      ) : (
        <>
          <p className="lead">{when(event, language)}</p>
          {event.venues.length ? <p>{t('hubVenues', { venues: event.venues.map((v) => v.name).join(', ') })}</p> : null}
          {event.linkedEvents.length ? (
            <p>
              {t('hubLinked')}{' '}
              {event.linkedEvents.map((l, i) => (
                <span key={l.id}>
                  {i ? ', ' : ''}
                  <Link to={`/events/${l.slug}`}>{l.nameFr}</Link>
                </span>
              ))}
            </p>
          ) : null}
          {event.parentEventId ? <ParentLink id={event.parentEventId} /> : null}
          <h2>{t('hubPages')}</h2>
          <ul className="hub-links">
            {links.map(([to, label, outside]) => (
              <li key={to}>{outside ? <a href={to}>{label}</a> : <Link to={to}>{label}</Link>}</li>
            ))}
          </ul>
        </>
      )}
    </SettingsPage>
  );
}

function ParentLink({ id }: { id: string }) {
  const t = useSettingsT();
  const { data } = useLoaded(async () => (await api.GET('/api/events/{id}', { params: { path: { id } } })).data, [id]);
  if (!data) return null;
  return (
    <p>
      {t('hubParent')} <Link to={`/events/${data.slug}`}>{data.nameFr}</Link>
    </p>
  );
}

/** /app/settings/events: the events, and a form to create one. */
export function EventSettingsListPage() {
  const t = useSettingsT();
  const { language } = useLanguage();
  const navigate = useNavigate();
  const { data, failed } = useAllEvents();
  return (
    <SettingsPage title={t('eventsSettingsTitle')} crumbs={[{ to: '/settings', label: t('settingsTitle') }]}>
      {!data ? (
        <Loading failed={failed} />
      ) : (
        <ul className="settings-list">
          {data.map((e) => (
            <li key={e.id}>
              <Link to={`/settings/events/${e.slug}`}>{eventName(e, language)}</Link> <span className="muted">({when(e, language)})</span>
            </li>
          ))}
        </ul>
      )}
      <h2>{t('eventCreate')}</h2>
      {data ? <EventForm events={data} onSaved={(e) => navigate(`/settings/events/${e.slug}`)} /> : null}
    </SettingsPage>
  );
}

/** /app/settings/events/:slug: an event's fields. */
export function EventSettingsPage() {
  const t = useSettingsT();
  const { language } = useLanguage();
  const { slug } = useParams();
  const navigate = useNavigate();
  const { data: event, failed, reload } = useEventBySlug(slug);
  const { data: all } = useAllEvents();
  const title = event ? t('eventEditTitle', { name: eventName(event, language) }) : t('eventsSettingsTitle');
  return (
    <SettingsPage title={title} crumbs={[{ to: '/settings', label: t('settingsTitle') }, { to: '/settings/events', label: t('eventsSettingsTitle') }]}>
      {event === null ? <p>{t('eventMissingText')}</p> : null}
      {event && all ? (
        <>
          <p>
            <Link to={`/events/${event.slug}`}>{t('eventHubLink')}</Link> · <Link to={`/settings/events/${event.slug}/cfp`}>{t('hubCfp')}</Link> ·{' '}
            <Link to={`/settings/events/${event.slug}/organisations`}>{t('hubOrganisations')}</Link>
          </p>
          <EventForm
            key={event.updatedAt}
            event={event}
            events={all}
            onSaved={(saved) => (saved.slug !== event.slug ? navigate(`/settings/events/${saved.slug}`) : reload())}
          />
        </>
      ) : event === undefined ? (
        <Loading failed={failed} />
      ) : null}
    </SettingsPage>
  );
}

const EVENT_FIELDS = ['slug', 'kind', 'nameFr', 'nameEn', 'themeFr', 'themeEn', 'startsAt', 'endsAt', 'startDate', 'endDate', 'parentEventId', 'venueIds', 'website', 'contactEmail', 'contactPhone'];

/** Creates an event (no `event`) or changes one. */
function EventForm({ event, events, onSaved }: { event?: EventResponse; events: EventResponse[]; onSaved(e: EventResponse): void }) {
  const t = useSettingsT();
  const { language } = useLanguage();
  const state = useFormState();
  const { data: venues } = useLoaded(async () => (await api.GET('/api/venues', { params: { query: { pageSize: 100 } } })).data?.items, []);
  const [v, setV] = useState({
    slug: event?.slug ?? '',
    kind: event?.kind ?? 'colloquium',
    nameFr: event?.nameFr ?? '',
    nameEn: event?.nameEn ?? '',
    themeFr: event?.themeFr ?? '',
    themeEn: event?.themeEn ?? '',
    allDay: event?.allDay ?? false,
    startsAt: event && !event.allDay ? event.startsAt.slice(0, 16) : '',
    endsAt: event && !event.allDay ? event.endsAt.slice(0, 16) : '',
    startDate: event?.allDay ? event.startDate : '',
    endDate: event?.allDay ? event.endDate : '',
    parentEventId: event?.parentEventId ?? '',
    venueIds: event?.venues.map((x) => x.id) ?? [],
    website: event?.website ?? '',
    contactEmail: event?.contactEmail ?? '',
    contactPhone: event?.contactPhone ?? '',
  });
  const [status, setStatus] = useState<string | null>(null);
  const set = (k: keyof typeof v) => (e: { target: { value: string } }) => setV({ ...v, [k]: e.target.value });
  const parents = events.filter((e) => e.id !== event?.id && !e.parentEventId);

  async function submit(e: FormEvent) {
    e.preventDefault();
    state.setBusy(true);
    state.setRefusal(null);
    setStatus(null);
    const period = v.allDay ? { startDate: v.startDate, endDate: v.endDate || v.startDate } : { startsAt: v.startsAt, endsAt: v.endsAt };
    const body = {
      slug: v.slug.trim(),
      kind: v.kind as EventKind,
      nameFr: v.nameFr,
      nameEn: orNull(v.nameEn),
      themeFr: orNull(v.themeFr),
      themeEn: orNull(v.themeEn),
      ...period,
      venueIds: v.venueIds,
      website: orNull(v.website),
      contactEmail: orNull(v.contactEmail),
      contactPhone: orNull(v.contactPhone),
      parentEventId: v.parentEventId === '' ? (event ? null : undefined) : v.parentEventId,
    };
    const answer = event
      ? await api.PATCH('/api/events/{id}', { params: { path: { id: event.id } }, body })
      : await api.POST('/api/events', { body: { ...body, parentEventId: body.parentEventId ?? undefined } });
    state.setBusy(false);
    if (!answer.data) return state.refuse(readRefusal(answer.error, answer.response, { CONFLICT: 'slug' }, EVENT_FIELDS));
    setStatus(t('saved'));
    onSaved(answer.data);
  }

  return (
    <form ref={state.form} onSubmit={(e) => void submit(e)} noValidate className="settings-form">
      <RefusalAlert refusal={state.refusal} />
      <Field label={t('eventSlug')} hint={t('eventSlugHint')} value={v.slug} onChange={set('slug')} error={state.err('slug')} required />
      <SelectField label={t('eventKind')} value={v.kind} onChange={set('kind')} error={state.err('kind')}>
        {KINDS.map((k) => (
          <option key={k} value={k}>
            {t(KIND_KEYS[k])}
          </option>
        ))}
      </SelectField>
      <Field label={t('eventNameFr')} value={v.nameFr} onChange={set('nameFr')} error={state.err('nameFr')} required />
      <Field label={t('eventNameEn')} value={v.nameEn} onChange={set('nameEn')} error={state.err('nameEn')} />
      <TextArea label={t('eventThemeFr')} value={v.themeFr} onChange={set('themeFr')} error={state.err('themeFr')} />
      <TextArea label={t('eventThemeEn')} value={v.themeEn} onChange={set('themeEn')} error={state.err('themeEn')} />
      <fieldset>
        <legend>{t('eventWhen')}</legend>
        <div className="field checkbox">
          <input id="event-all-day" type="checkbox" checked={v.allDay} onChange={(e) => setV({ ...v, allDay: e.target.checked })} />
          <label htmlFor="event-all-day">{t('eventAllDay')}</label>
        </div>
        {v.allDay ? (
          <>
            <Field label={t('eventStartDate')} type="date" value={v.startDate} onChange={set('startDate')} error={state.err('startDate')} />
            <Field label={t('eventEndDate')} type="date" value={v.endDate} onChange={set('endDate')} error={state.err('endDate')} />
          </>
        ) : (
          <>
            <Field label={t('eventStartsAt')} hint={t('parisTime')} type="datetime-local" value={v.startsAt} onChange={set('startsAt')} error={state.err('startsAt')} />
            <Field label={t('eventEndsAt')} hint={t('parisTime')} type="datetime-local" value={v.endsAt} onChange={set('endsAt')} error={state.err('endsAt')} />
          </>
        )}
      </fieldset>
      <SelectField label={t('eventParent')} hint={t('eventParentHint')} value={v.parentEventId} onChange={set('parentEventId')} error={state.err('parentEventId')}>
        <option value="">{t('none')}</option>
        {parents.map((p) => (
          <option key={p.id} value={p.id}>
            {eventName(p, language)}
          </option>
        ))}
      </SelectField>
      <fieldset>
        <legend>{t('eventVenues')}</legend>
        {(venues ?? []).map((venue: Venue) => (
          <div className="field checkbox" key={venue.id}>
            <input
              id={`event-venue-${venue.id}`}
              type="checkbox"
              checked={v.venueIds.includes(venue.id)}
              onChange={(e) => setV({ ...v, venueIds: e.target.checked ? [...v.venueIds, venue.id] : v.venueIds.filter((x) => x !== venue.id) })}
            />
            <label htmlFor={`event-venue-${venue.id}`}>
              {venue.name} ({venue.city})
            </label>
          </div>
        ))}
        {state.err('venueIds') ? <p className="field-error">{state.err('venueIds')}</p> : null}
      </fieldset>
      <Field label={t('website')} type="url" value={v.website} onChange={set('website')} error={state.err('website')} />
      <Field label={t('contactEmail')} type="email" value={v.contactEmail} onChange={set('contactEmail')} error={state.err('contactEmail')} />
      <Field label={t('contactPhone')} type="tel" value={v.contactPhone} onChange={set('contactPhone')} error={state.err('contactPhone')} />
      <button type="submit" disabled={state.busy}>
        {event ? t('save') : t('eventCreateButton')}
      </button>
      <StatusLine>{status}</StatusLine>
    </form>
  );
}

