/**
 * /app/settings/venues (the venues, and a form to add one) and /app/settings/venues/:id: a venue's
 * rooms with their capacities, its opening hours by date (typed in the venue's zone, Paris) and the
 * travel times to the other venues. Every rule is the server's: its refusals are shown beside the
 * fields they name (`rooms`: name, capacity; `openingHours[1].closes`; `walkingMinutes`…).
 */
import { useRef, useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { api, type Schemas } from '../api/client';
import { Field, StatusLine } from '../ui/ui';
import { asNumber, Loading, orNull, readRefusal, RefusalAlert, SelectField, SettingsPage, useFormState, useLoaded, useSettingsT } from './kit';

type VenueDetail = Schemas['VenueDetailResponse'];
type Venue = Schemas['VenueResponse'];
type Room = Schemas['RoomResponse'];

function useVenues() {
  return useLoaded(async () => (await api.GET('/api/venues', { params: { query: { pageSize: 100 } } })).data?.items, []);
}

/** /app/settings/venues */
export function VenuesPage() {
  const t = useSettingsT();
  const navigate = useNavigate();
  const { data, failed } = useVenues();
  const state = useFormState();
  const [v, setV] = useState({ name: '', streetAddress: '', postcode: '', city: 'Paris' });
  const set = (k: keyof typeof v) => (e: { target: { value: string } }) => setV({ ...v, [k]: e.target.value });

  async function submit(e: FormEvent) {
    e.preventDefault();
    state.setBusy(true);
    state.setRefusal(null);
    const { data: made, error, response } = await api.POST('/api/venues', { body: v });
    state.setBusy(false);
    if (!made) return state.refuse(readRefusal(error, response));
    void navigate(`/settings/venues/${made.id}`);
  }

  return (
    <SettingsPage title={t('venuesTitle')} crumbs={[{ to: '/settings', label: t('settingsTitle') }]}>
      {!data ? (
        <Loading failed={failed} />
      ) : (
        <ul className="settings-list">
          {data.map((venue: Venue) => (
            <li key={venue.id}>
              <Link to={`/settings/venues/${venue.id}`}>{venue.name}</Link> <span className="muted">({venue.streetAddress}, {venue.postcode} {venue.city})</span>
            </li>
          ))}
        </ul>
      )}
      <h2>{t('venueCreate')}</h2>
      <form ref={state.form} onSubmit={(e) => void submit(e)} noValidate className="settings-form">
        <RefusalAlert refusal={state.refusal} />
        <Field label={t('venueName')} value={v.name} onChange={set('name')} error={state.err('name')} required />
        <Field label={t('venueStreet')} value={v.streetAddress} onChange={set('streetAddress')} error={state.err('streetAddress')} required />
        <Field label={t('venuePostcode')} value={v.postcode} onChange={set('postcode')} error={state.err('postcode')} required className="short" />
        <Field label={t('venueCity')} value={v.city} onChange={set('city')} error={state.err('city')} required />
        <button type="submit" disabled={state.busy}>
          {t('venueCreateButton')}
        </button>
      </form>
    </SettingsPage>
  );
}

/** /app/settings/venues/:id */
export function VenuePage() {
  const t = useSettingsT();
  const { id } = useParams();
  const { data: venue, failed, reload } = useLoaded(async () => (await api.GET('/api/venues/{id}', { params: { path: { id: id ?? '' } } })).data, [id]);
  return (
    <SettingsPage title={venue ? venue.name : t('venuesTitle')} crumbs={[{ to: '/settings', label: t('settingsTitle') }, { to: '/settings/venues', label: t('venuesTitle') }]}>
      {!venue ? (
        <Loading failed={failed} />
      ) : (
        <>
          <p className="lead">
            {venue.streetAddress}, {venue.postcode} {venue.city} · {t('venueZone', { zone: venue.timeZone })}
          </p>
          <RoomsSection venue={venue} onChange={reload} />
          <OpeningHoursSection key={venue.updatedAt} venue={venue} onChange={reload} />
          <TravelTimesSection venue={venue} />
        </>
      )}
    </SettingsPage>
  );
}

function RoomsSection({ venue, onChange }: { venue: VenueDetail; onChange(): void }) {
  const t = useSettingsT();
  const state = useFormState();
  const heading = useRef<HTMLHeadingElement>(null);
  const [v, setV] = useState({ name: '', capacity: '', floor: '' });
  const [status, setStatus] = useState<string | null>(null);
  const [listError, setListError] = useState<string | null>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    state.setBusy(true);
    state.setRefusal(null);
    setStatus(null);
    const body = { name: v.name, capacity: asNumber(v.capacity) as number, floor: orNull(v.floor) ?? undefined };
    const { data, error, response } = await api.POST('/api/venues/{venueId}/rooms', { params: { path: { venueId: venue.id } }, body });
    state.setBusy(false);
    if (!data) return state.refuse(readRefusal(error, response, { ROOM_NAME_TAKEN: 'name' }));
    setV({ name: '', capacity: '', floor: '' });
    setStatus(t('roomCreated', { name: data.name, capacity: data.capacity }));
    onChange();
  }

  async function remove(room: Room) {
    setListError(null);
    setStatus(null);
    const { error, response } = await api.DELETE('/api/venues/{venueId}/rooms/{roomId}', { params: { path: { venueId: venue.id, roomId: room.id } } });
    if (!response.ok) return setListError(readRefusal(error, response).body.message);
    setStatus(t('roomDeleted', { name: room.name }));
    heading.current?.focus();
    onChange();
  }

  return (
    <section aria-labelledby="rooms-heading">
      <h2 id="rooms-heading" ref={heading} tabIndex={-1}>
        {t('roomsTitle')}
      </h2>
      {venue.rooms.length === 0 ? (
        <p>{t('roomsNone')}</p>
      ) : (
        <table>
          <caption className="visually-hidden">{t('roomsTitle')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('roomName')}</th>
              <th scope="col">{t('roomCapacity')}</th>
              <th scope="col">{t('roomFloor')}</th>
              <th scope="col">{t('actions')}</th>
            </tr>
          </thead>
          <tbody>
            {venue.rooms.map((room) => (
              <tr key={room.id}>
                <th scope="row">{room.name}</th>
                <td>
                  <CapacityCell room={room} onChange={onChange} />
                </td>
                <td>{room.floor ?? ''}</td>
                <td>
                  <button type="button" className="secondary" onClick={() => void remove(room)} aria-label={t('roomDelete', { name: room.name })}>
                    {t('delete')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {listError ? <p className="alert error" role="alert">{listError}</p> : null}
      <h3>{t('roomCreate')}</h3>
      <form ref={state.form} onSubmit={(e) => void submit(e)} noValidate className="settings-form" aria-label={t('roomCreate')}>
        <RefusalAlert refusal={state.refusal} />
        <Field label={t('roomName')} value={v.name} onChange={(e) => setV({ ...v, name: e.target.value })} error={state.err('name')} required />
        <Field label={t('roomCapacity')} hint={t('roomCapacityHint')} inputMode="numeric" value={v.capacity} onChange={(e) => setV({ ...v, capacity: e.target.value })} error={state.err('capacity')} required className="short" />
        <Field label={t('roomFloor')} value={v.floor} onChange={(e) => setV({ ...v, floor: e.target.value })} error={state.err('floor')} className="short" />
        <button type="submit" disabled={state.busy}>
          {t('roomCreateButton')}
        </button>
      </form>
      <StatusLine>{status}</StatusLine>
    </section>
  );
}

/**
 * A room's capacity, changed in place: « Modifier » opens a small form (the field focused), Enter
 * saves it (PATCH), Escape or « Annuler » closes it; the server's refusal is shown beside the field.
 */
function CapacityCell({ room, onChange }: { room: Room; onChange(): void }) {
  const t = useSettingsT();
  const [editing, setEditing] = useState(false);
  const [value, setValue] = useState(String(room.capacity));
  const [error, setError] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const button = useRef<HTMLButtonElement>(null);

  function close() {
    setEditing(false);
    setError(undefined);
    setValue(String(room.capacity));
    setTimeout(() => button.current?.focus(), 0);
  }

  async function save(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    const { data, error: failure, response } = await api.PATCH('/api/venues/{venueId}/rooms/{roomId}', {
      params: { path: { venueId: room.venueId, roomId: room.id } },
      body: { capacity: asNumber(value) as number },
    });
    setBusy(false);
    if (!data) {
      const refusal = readRefusal(failure, response);
      return setError(refusal.fields.capacity ?? refusal.body.message);
    }
    setEditing(false);
    onChange();
  }

  if (!editing) {
    return (
      <>
        {t('seats', { n: room.capacity })}{' '}
        <button ref={button} type="button" className="secondary" onClick={() => setEditing(true)} aria-label={t('roomCapacityEdit', { name: room.name })}>
          {t('edit')}
        </button>
      </>
    );
  }
  return (
    <form onSubmit={(e) => void save(e)} onKeyDown={(e) => e.key === 'Escape' && close()} noValidate className="inline-form" aria-label={t('roomCapacityEdit', { name: room.name })}>
      <Field label={t('roomCapacityOf', { name: room.name })} inputMode="numeric" value={value} onChange={(e) => setValue(e.target.value)} error={error} className="short" autoFocus />
      <button type="submit" disabled={busy}>
        {t('save')}
      </button>{' '}
      <button type="button" className="secondary" onClick={close}>
        {t('cancel')}
      </button>
    </form>
  );
}

interface Day {
  key: number;
  date: string;
  opens: string;
  closes: string;
}

function OpeningHoursSection({ venue, onChange }: { venue: VenueDetail; onChange(): void }) {
  const t = useSettingsT();
  const state = useFormState();
  const next = useRef(venue.openingHours.length);
  const [days, setDays] = useState<Day[]>(venue.openingHours.map((d, i) => ({ key: i, ...d })));
  const [status, setStatus] = useState<string | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);

  function change(i: number, field: 'date' | 'opens' | 'closes', value: string) {
    setDays(days.map((d, j) => (j === i ? { ...d, [field]: value } : d)));
  }

  function add() {
    const last = days[days.length - 1];
    setDays([...days, { key: next.current++, date: '', opens: last?.opens ?? '09:00', closes: last?.closes ?? '18:00' }]);
    // the new row's date field takes the focus once drawn
    setTimeout(() => document.getElementById(`opening-${days.length}-date`)?.focus(), 0);
  }

  function remove(i: number) {
    setDays(days.filter((_, j) => j !== i));
    heading.current?.focus();
  }

  async function save(e: FormEvent) {
    e.preventDefault();
    state.setBusy(true);
    state.setRefusal(null);
    setStatus(null);
    const openingHours = days.map(({ date, opens, closes }) => ({ date, opens, closes }));
    const { data, error, response } = await api.PATCH('/api/venues/{id}', { params: { path: { id: venue.id } }, body: { openingHours } });
    state.setBusy(false);
    if (!data) return state.refuse(readRefusal(error, response));
    setStatus(t('hoursSaved'));
    onChange();
  }

  return (
    <section aria-labelledby="hours-heading">
      <h2 id="hours-heading" ref={heading} tabIndex={-1}>
        {t('hoursTitle')}
      </h2>
      <p className="hint">{t('hoursHint', { zone: venue.timeZone })}</p>
      <form ref={state.form} onSubmit={(e) => void save(e)} noValidate aria-label={t('hoursTitle')}>
        <RefusalAlert refusal={state.refusal} />
        {days.length === 0 ? <p>{t('hoursNone')}</p> : null}
        {days.map((d, i) => (
          <fieldset key={d.key} className="opening-day">
            <legend>{t('hoursDay', { n: i + 1 })}</legend>
            <Field id={`opening-${i}-date`} label={t('hoursDate')} type="date" value={d.date} onChange={(e) => change(i, 'date', e.target.value)} error={state.err(`openingHours[${i}].date`)} />
            <Field label={t('hoursOpens')} type="time" value={d.opens} onChange={(e) => change(i, 'opens', e.target.value)} error={state.err(`openingHours[${i}].opens`)} />
            <Field label={t('hoursCloses')} type="time" value={d.closes} onChange={(e) => change(i, 'closes', e.target.value)} error={state.err(`openingHours[${i}].closes`)} />
            <button type="button" className="secondary" onClick={() => remove(i)}>
              {t('hoursRemove', { n: i + 1 })}
            </button>
          </fieldset>
        ))}
        <div className="form-actions">
          <button type="button" className="secondary" onClick={add}>
            {t('hoursAdd')}
          </button>
          <button type="submit" disabled={state.busy}>
            {t('hoursSave')}
          </button>
        </div>
      </form>
      <StatusLine>{status}</StatusLine>
    </section>
  );
}

function TravelTimesSection({ venue }: { venue: VenueDetail }) {
  const t = useSettingsT();
  const state = useFormState();
  const { data: venues } = useVenues();
  const { data: times, reload } = useLoaded(
    async () => (await api.GET('/api/venues/travel-times', { params: { query: { venueId: venue.id, pageSize: 100 } } })).data?.items,
    [venue.id],
  );
  const others = (venues ?? []).filter((x) => x.id !== venue.id);
  const [v, setV] = useState({ toVenueId: '', walkingMinutes: '', transitMinutes: '' });
  const [status, setStatus] = useState<string | null>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    state.setBusy(true);
    state.setRefusal(null);
    setStatus(null);
    const body = { fromVenueId: venue.id, toVenueId: v.toVenueId, walkingMinutes: asNumber(v.walkingMinutes), transitMinutes: asNumber(v.transitMinutes) };
    const { data, error, response } = await api.PUT('/api/venues/travel-times', { body });
    state.setBusy(false);
    if (!data) return state.refuse(readRefusal(error, response));
    const other = data.venueA.id === venue.id ? data.venueB.name : data.venueA.name;
    setStatus(t('travelSaved', { other }));
    setV({ toVenueId: '', walkingMinutes: '', transitMinutes: '' });
    reload();
  }

  const minutes = (n: number | null) => (n === null ? t('unknown') : t('minutes', { n }));
  return (
    <section aria-labelledby="travel-heading">
      <h2 id="travel-heading">{t('travelTitle')}</h2>
      {times && times.length ? (
        <table>
          <caption className="visually-hidden">{t('travelTitle')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('travelOther')}</th>
              <th scope="col">{t('travelWalking')}</th>
              <th scope="col">{t('travelTransit')}</th>
            </tr>
          </thead>
          <tbody>
            {times.map((tt) => (
              <tr key={`${tt.venueA.id}-${tt.venueB.id}`}>
                <th scope="row">{tt.venueA.id === venue.id ? tt.venueB.name : tt.venueA.name}</th>
                <td>{minutes(tt.walkingMinutes)}</td>
                <td>{minutes(tt.transitMinutes)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p>{t('travelNone')}</p>
      )}
      <h3>{t('travelSet')}</h3>
      <form ref={state.form} onSubmit={(e) => void submit(e)} noValidate className="settings-form" aria-label={t('travelSet')}>
        <RefusalAlert refusal={state.refusal} />
        <SelectField label={t('travelOther')} value={v.toVenueId} onChange={(e) => setV({ ...v, toVenueId: e.target.value })} error={state.err('toVenueId')}>
          <option value="">{t('choose')}</option>
          {others.map((o) => (
            <option key={o.id} value={o.id}>
              {o.name}
            </option>
          ))}
        </SelectField>
        <Field label={t('travelWalkingMinutes')} inputMode="numeric" value={v.walkingMinutes} onChange={(e) => setV({ ...v, walkingMinutes: e.target.value })} error={state.err('walkingMinutes')} className="short" />
        <Field label={t('travelTransitMinutes')} inputMode="numeric" value={v.transitMinutes} onChange={(e) => setV({ ...v, transitMinutes: e.target.value })} error={state.err('transitMinutes')} className="short" />
        <button type="submit" disabled={state.busy}>
          {t('travelSave')}
        </button>
      </form>
      <StatusLine>{status}</StatusLine>
    </section>
  );
}
