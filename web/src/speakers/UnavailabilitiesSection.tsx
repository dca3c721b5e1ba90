import { useCallback, useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { api, errorBody, fieldErrors, type Schemas } from '../api/client';
import { useLanguage, useT } from '../i18n/i18n';
import { formatDateTime, formatRange, fromZoneLocalInput, toZoneLocalInput } from '../time/paris';
import { ErrorAlert, Field, StatusLine } from '../ui/ui';
import { useFocusFirstInvalid } from '../ui/form-hooks';
import { speakerMessages } from './messages';

type EventResponse = Schemas['EventResponse'];
type Unavailability = Schemas['UnavailabilityResponse'];

const EMPTY = { startsAt: '', endsAt: '', note: '' };

/**
 * The speaker's unavailabilities for an event chosen from the events list: listed in the event's
 * zone, added with two datetime-local fields read as wall-clock times there (whatever the
 * browser's zone), removed one by one. The server decides what is acceptable (within the event,
 * end after start).
 */
export function UnavailabilitiesSection() {
  const t = useT(speakerMessages);
  const { language } = useLanguage();
  const selectId = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const form = useRef<HTMLFormElement>(null);
  const [events, setEvents] = useState<EventResponse[] | null>(null);
  const [eventId, setEventId] = useState('');
  const [items, setItems] = useState<Unavailability[] | null>(null);
  const [values, setValues] = useState(EMPTY);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [alert, setAlert] = useState<string | null>(null);
  const [loadFailure, setLoadFailure] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [focusTick, setFocusTick] = useState(0);
  useFocusFirstInvalid(form, focusTick);

  useEffect(() => {
    let live = true;
    api
      .GET('/api/events', { params: { query: { sort: 'startsAt', order: 'asc', pageSize: 50 } } })
      .then(({ data, error, response }) => {
        if (!live) return;
        if (!data) return setLoadFailure(errorBody(error, response).message);
        setEvents(data.items);
        setEventId((current) => current || (data.items.find((e) => e.kind !== 'ceremony') ?? data.items[0])?.id || '');
      })
      .catch(() => live && setLoadFailure('network error'));
    return () => {
      live = false;
    };
  }, []);

  const loadItems = useCallback(async (id: string) => {
    const { data, error, response } = await api
      .GET('/api/me/events/{eventId}/unavailabilities', { params: { path: { eventId: id }, query: { pageSize: 100 } } })
      .catch(() => ({ data: undefined, error: undefined, response: undefined }));
    if (data) setItems(data.items);
    else setAlert(errorBody(error, response).message);
  }, []);

  useEffect(() => {
    setItems(null);
    if (eventId) void loadItems(eventId);
  }, [eventId, loadItems]);

  const event = events?.find((e) => e.id === eventId) ?? null;
  const zone = event?.timeZone;

  function set(key: keyof typeof EMPTY, value: string) {
    setValues((v) => ({ ...v, [key]: value }));
    setErrors(({ [key]: _gone, ...rest }) => rest);
  }

  async function add(submitted: FormEvent) {
    submitted.preventDefault();
    if (!event) return;
    setStatus(null);
    const startsAt = fromZoneLocalInput(values.startsAt, event.timeZone);
    const endsAt = fromZoneLocalInput(values.endsAt, event.timeZone);
    const local: Record<string, string> = {};
    if (!startsAt) local.startsAt = t('badTime');
    if (!endsAt) local.endsAt = t('badTime');
    if (!startsAt || !endsAt) {
      setErrors(local);
      setAlert(t('fixErrors'));
      setFocusTick((n) => n + 1);
      return;
    }
    setBusy(true);
    setAlert(null);
    const { data, error, response } = await api
      .POST('/api/me/events/{eventId}/unavailabilities', {
        params: { path: { eventId: event.id } },
        body: { startsAt, endsAt, note: values.note.trim() === '' ? null : values.note },
      })
      .catch(() => ({ data: undefined, error: undefined, response: undefined }));
    setBusy(false);
    if (data) {
      setValues(EMPTY);
      setErrors({});
      await loadItems(event.id);
      setStatus(t('added', { range: formatRange(data.startsAtUtc, data.endsAtUtc, language, data.timeZone) }));
      return;
    }
    const failure = errorBody(error, response);
    const byField = fieldErrors(failure);
    setErrors(byField);
    setAlert(Object.keys(byField).length > 0 ? t('fixErrors') : failure.message);
    setFocusTick((n) => n + 1);
  }

  async function remove(item: Unavailability) {
    setStatus(null);
    setAlert(null);
    const { error, response } = await api
      .DELETE('/api/me/events/{eventId}/unavailabilities/{id}', { params: { path: { eventId: item.eventId, id: item.id } } })
      .catch(() => ({ error: undefined, response: undefined }));
    if (!response?.ok) {
      setAlert(errorBody(error, response).message);
      return;
    }
    await loadItems(item.eventId);
    setStatus(t('removed'));
    // the button is gone with its row: keep the keyboard in the section
    heading.current?.focus();
  }

  return (
    <section aria-labelledby="unavailabilities-heading">
      <h2 id="unavailabilities-heading" ref={heading} tabIndex={-1}>
        {t('unavailabilities')}
      </h2>
      <p>{t('unavailabilitiesIntro')}</p>
      <ErrorAlert error={loadFailure ? t('loadFailed', { message: loadFailure }) : null} />
      <ErrorAlert error={alert} />
      {events ? (
        <div className="field">
          <label htmlFor={selectId}>{t('event')}</label>
          <select id={selectId} value={eventId} onChange={(e) => setEventId(e.target.value)}>
            {events.map((e) => (
              <option key={e.id} value={e.id}>
                {language === 'en' && e.nameEn ? e.nameEn : e.nameFr}
              </option>
            ))}
          </select>
          {event ? (
            <p className="hint">
              {t('eventWindow', { from: formatDateTime(event.startsAtUtc, language, event.timeZone), to: formatDateTime(event.endsAtUtc, language, event.timeZone) })}
            </p>
          ) : null}
        </div>
      ) : loadFailure ? null : (
        <p>{t('loading')}</p>
      )}
      {items ? (
        items.length === 0 ? (
          <p>{t('noneDeclared')}</p>
        ) : (
          <ul className="unavailabilities">
            {items.map((item) => {
              const range = formatRange(item.startsAtUtc, item.endsAtUtc, language, item.timeZone);
              return (
                <li key={item.id}>
                  <time dateTime={item.startsAtUtc}>{range}</time>
                  {item.note ? <span className="note"> — {item.note}</span> : null}{' '}
                  <button type="button" aria-label={t('removeLabel', { range })} onClick={() => void remove(item)}>
                    {t('remove')}
                  </button>
                </li>
              );
            })}
          </ul>
        )
      ) : null}
      {event && zone ? (
        <form ref={form} onSubmit={(e) => void add(e)} noValidate className="unavailability-form">
          <Field
            label={t('startsAt')}
            type="datetime-local"
            name="startsAt"
            required
            min={toZoneLocalInput(event.startsAtUtc, zone)}
            max={toZoneLocalInput(event.endsAtUtc, zone)}
            value={values.startsAt}
            onChange={(e) => set('startsAt', e.target.value)}
            error={errors.startsAt}
          />
          <Field
            label={t('endsAt')}
            type="datetime-local"
            name="endsAt"
            required
            min={toZoneLocalInput(event.startsAtUtc, zone)}
            max={toZoneLocalInput(event.endsAtUtc, zone)}
            value={values.endsAt}
            onChange={(e) => set('endsAt', e.target.value)}
            error={errors.endsAt}
          />
          <Field label={t('note')} name="note" maxLength={500} value={values.note} onChange={(e) => set('note', e.target.value)} hint={t('noteHint')} error={errors.note} />
          <button type="submit" disabled={busy}>
            {busy ? t('adding') : t('add')}
          </button>
        </form>
      ) : null}
      <StatusLine>{status}</StatusLine>
    </section>
  );
}
