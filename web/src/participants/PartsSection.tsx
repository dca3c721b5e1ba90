/**
 * The parts of an event that need a seat: each with its capacity, admitted count and waiting list
 * drawn as a bar (the same numbers written beside it, which is what screen readers read), a form to
 * change the capacity and the waiting list with a button to admit each person. Every change shows
 * the server's answer (its counts after the change, or its refusal), never a figure computed here.
 */
import { useCallback, useEffect, useId, useState, type FormEvent } from 'react';
import { api, errorBody, type ApiErrorBody, type Schemas } from '../api/client';
import { useLanguage, useT } from '../i18n/i18n';
import { formatDate } from '../time/paris';
import { ErrorAlert, Notice } from '../ui/ui';
import { participantMessages } from './messages';

type Part = Schemas['PartResponse'];
type Admission = Schemas['AdmissionResponse'];

export function PartsSection({ eventId, onChanged }: { eventId: string; onChanged(): void }) {
  const t = useT(participantMessages);
  const [parts, setParts] = useState<Part[] | null>(null);
  const [failed, setFailed] = useState(false);

  const load = useCallback(async () => {
    const { data } = await api.GET('/api/events/{eventId}/parts', { params: { path: { eventId }, query: { pageSize: 100 } } }).catch(() => ({ data: undefined }));
    if (!data) return setFailed(true);
    setParts(data.items);
  }, [eventId]);

  useEffect(() => {
    void load();
  }, [load]);

  const changed = useCallback(() => {
    void load();
    onChanged();
  }, [load, onChanged]);

  return (
    <section aria-labelledby="parts-title">
      <h2 id="parts-title">{t('partsTitle')}</h2>
      {failed ? <ErrorAlert error={t('loadFailed')} /> : null}
      {parts && parts.length === 0 ? <p>{t('partsNone')}</p> : null}
      {parts && parts.length ? (
        <ul className="parts">
          {parts.map((p) => (
            <PartItem key={p.id} part={p} onChanged={changed} />
          ))}
        </ul>
      ) : null}
    </section>
  );
}

function partName(part: Part, language: 'fr' | 'en'): string {
  return language === 'en' && part.nameEn ? part.nameEn : part.nameFr;
}

/** The bar: admitted seats, free seats, then the waiting list beyond the capacity. Decorative: the text says the same. */
export function CapacityBar({ capacity, admitted, waiting }: { capacity: number | null; admitted: number; waiting: number }) {
  if (capacity === null) return null;
  const scale = Math.max(capacity, admitted + waiting, 1);
  const w = (n: number) => (Math.max(n, 0) / scale) * 100;
  const admittedWidth = w(Math.min(admitted, capacity));
  const freeWidth = w(capacity - admitted);
  return (
    <svg className="capacity-bar" viewBox="0 0 100 6" preserveAspectRatio="none" aria-hidden="true" focusable="false">
      <rect className="bar-admitted" x="0" y="0" width={admittedWidth} height="6" />
      <rect className="bar-free" x={admittedWidth} y="0" width={freeWidth} height="6" />
      <rect className="bar-waiting" x={admittedWidth + freeWidth} y="0" width={w(waiting)} height="6" />
    </svg>
  );
}

function PartItem({ part, onChanged }: { part: Part; onChanged(): void }) {
  const t = useT(participantMessages);
  const { language } = useLanguage();
  const name = partName(part, language);
  const inputId = useId();
  const [capacity, setCapacity] = useState(part.capacity === null ? '' : String(part.capacity));
  const [saving, setSaving] = useState(false);
  const [answer, setAnswer] = useState<string | null>(null);
  const [error, setError] = useState<ApiErrorBody | null>(null);
  const [showWaiting, setShowWaiting] = useState(false);

  useEffect(() => setCapacity(part.capacity === null ? '' : String(part.capacity)), [part.capacity]);

  async function save(e: FormEvent) {
    e.preventDefault();
    setSaving(true);
    setAnswer(null);
    setError(null);
    const value = capacity.trim() === '' ? null : Number(capacity);
    const res = await api.PATCH('/api/parts/{id}', { params: { path: { id: part.id } }, body: { capacity: value } }).catch(() => ({ data: undefined, error: undefined, response: undefined }));
    setSaving(false);
    if (!res.data) return setError(errorBody(res.error, res.response));
    const after = res.data;
    const promoted = after.admitted - part.admitted;
    setAnswer(
      t('capacitySaved', { part: name, capacity: after.capacity ?? t('noLimit'), admitted: after.admitted, waiting: after.waiting }) +
        (promoted > 0 && part.waiting > after.waiting ? ` ${t('capacitySavedPromoted', { n: part.waiting - after.waiting })}` : ''),
    );
    onChanged();
  }

  const summary =
    part.capacity === null
      ? t('partSummaryNoLimit', { admitted: part.admitted, waiting: part.waiting })
      : t('partSummary', { admitted: part.admitted, capacity: part.capacity, left: part.seatsLeft ?? 0, waiting: part.waiting });

  return (
    <li className="part card">
      <h3>
        {name}
        {part.day ? <span className="part-day"> {t('partDay', { day: formatDate(`${part.day}T12:00:00Z`, language) })}</span> : null}
      </h3>
      <CapacityBar capacity={part.capacity} admitted={part.admitted} waiting={part.waiting} />
      <p className="part-summary">
        {summary}
        {part.programme ? `, ${t('partProgramme', { n: part.programme })}` : ''}
        {part.requested ? `, ${t('partRequested', { n: part.requested })}` : ''}.
      </p>
      <form className="capacity-form" onSubmit={save}>
        <div className="field">
          <label htmlFor={inputId}>{t('capacityOf', { part: name })}</label>
          <input id={inputId} className="short" type="number" min={0} step={1} inputMode="numeric" value={capacity} onChange={(e) => setCapacity(e.target.value)} aria-describedby={`${inputId}-hint`} />
          <p className="hint" id={`${inputId}-hint`}>
            {t('capacityHint')}
          </p>
        </div>
        <button type="submit" disabled={saving}>
          {t('saveCapacity')}
        </button>
      </form>
      <ErrorAlert error={error} />
      {answer ? <Notice>{answer}</Notice> : null}
      {part.waiting > 0 || showWaiting ? (
        <button type="button" aria-expanded={showWaiting} onClick={() => setShowWaiting((s) => !s)}>
          {showWaiting ? t('hideWaiting', { part: name }) : t('showWaiting', { part: name, n: part.waiting })}
        </button>
      ) : null}
      {showWaiting ? <WaitingList part={part} name={name} onChanged={onChanged} /> : null}
    </li>
  );
}

function WaitingList({ part, name, onChanged }: { part: Part; name: string; onChanged(): void }) {
  const t = useT(participantMessages);
  const [people, setPeople] = useState<Admission[] | null>(null);
  const [answer, setAnswer] = useState<string | null>(null);
  const [error, setError] = useState<ApiErrorBody | null>(null);
  const [busy, setBusy] = useState<string | null>(null);

  const load = useCallback(async () => {
    const { data } = await api
      .GET('/api/parts/{id}/admissions', { params: { path: { id: part.id }, query: { status: 'waiting', pageSize: 100 } } })
      .catch(() => ({ data: undefined }));
    setPeople(data?.items ?? []);
  }, [part.id]);

  useEffect(() => {
    void load();
  }, [load, part.waiting, part.admitted]);

  async function admit(person: Admission) {
    setBusy(person.participantId);
    setAnswer(null);
    setError(null);
    const who = `${person.firstName} ${person.lastName}`;
    const res = await api
      .POST('/api/parts/{id}/admissions', { params: { path: { id: part.id } }, body: { participantId: person.participantId } })
      .catch(() => ({ data: undefined, error: undefined, response: undefined }));
    setBusy(null);
    if (!res.data) return setError(errorBody(res.error, res.response));
    const a = res.data;
    setAnswer(
      a.status === 'admitted'
        ? t('admitAnswerAdmitted', { name: who, part: name })
        : a.status === 'waiting'
          ? t('admitAnswerWaiting', { name: who, part: name, position: a.position ?? '?' })
          : t('admitAnswerOther', { name: who, status: a.status }),
    );
    onChanged();
  }

  return (
    <div className="waiting-list">
      <ErrorAlert error={error} />
      {answer ? <Notice>{answer}</Notice> : null}
      {people && people.length === 0 ? <p>{t('waitingNone')}</p> : null}
      {people && people.length ? (
        <table>
          <caption>{t('waitingCaption', { part: name })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('colPosition')}</th>
              <th scope="col">{t('colPerson')}</th>
              <th scope="col">{t('colAction')}</th>
            </tr>
          </thead>
          <tbody>
            {people.map((p) => (
              <tr key={p.participantId}>
                <td>{p.position}</td>
                <td>
                  {p.firstName} {p.lastName}
                  {p.email ? <span className="muted"> · {p.email}</span> : null}
                </td>
                <td>
                  <button type="button" disabled={busy !== null} onClick={() => void admit(p)}>
                    {t('admit', { name: `${p.firstName} ${p.lastName}` })}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </div>
  );
}
