/**
 * /app/events/:slug/participants (organisers): the parts with their capacities and waiting lists,
 * then the list of participants with its search (accents and case ignored, by the server), filters,
 * pages and the CSV export of what the filters select. The filters live in the address (?q=&category=…),
 * so a reload or the back button keeps them.
 */
import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { api, errorBody, type Schemas } from '../api/client';
import type { operations } from '../api/schema';
import { RequireAuth } from '../auth/RequireAuth';
import { useLanguage, useT } from '../i18n/i18n';
import { ErrorAlert, Notice, PageTitle } from '../ui/ui';
import { eventName, saveBlob, useEventBySlug, type EventResponse } from './event';
import { CATEGORIES, participantMessages } from './messages';
import { PartsSection } from './PartsSection';
import './participants.css';

type Participant = Schemas['ParticipantSummaryResponse'];
type Part = Schemas['PartResponse'];
type ListQuery = NonNullable<operations['ParticipantsEventController_page']['parameters']['query']>;

const PAGE_SIZE = 50;
const FILTER_KEYS = ['q', 'category', 'partId', 'admission', 'badgePrinted', 'checkedIn'] as const;

export function ParticipantsPage() {
  return (
    <RequireAuth roles={['organiser']}>
      <Participants />
    </RequireAuth>
  );
}

function Participants() {
  const t = useT(participantMessages);
  const { language } = useLanguage();
  const { slug = '' } = useParams();
  const loaded = useEventBySlug(slug);
  const [version, setVersion] = useState(0);
  const bump = useCallback(() => setVersion((v) => v + 1), []);

  if (loaded.state !== 'ready') {
    return (
      <main id="main">
        <PageTitle title={t('title')}>{t('title')}</PageTitle>
        {loaded.state === 'loading' ? <Notice>{t('loading')}</Notice> : null}
        {loaded.state === 'failed' ? <ErrorAlert error={t('loadFailed')} /> : null}
        {loaded.state === 'no-event' ? <ErrorAlert error={t('noEvent')} /> : null}
      </main>
    );
  }
  const event = loaded.event;
  return (
    <main id="main" className="participants-page">
      <PageTitle title={t('titleOf', { event: eventName(event, language) })}>{t('titleOf', { event: eventName(event, language) })}</PageTitle>
      <p className="links">
        <Link to={`/events/${slug}/participants/import`}>{t('importLink')}</Link>
        <Link to={`/events/${slug}/badges`}>{t('badgesLink')}</Link>
      </p>
      <PartsSection eventId={event.id} onChanged={bump} />
      <ParticipantList event={event} version={version} />
    </main>
  );
}

function ParticipantList({ event, version }: { event: EventResponse; version: number }) {
  const t = useT(participantMessages);
  const { language } = useLanguage();
  const [params, setParams] = useSearchParams();
  const [parts, setParts] = useState<Part[]>([]);
  const [page, setPage] = useState<{ items: Participant[]; total: number; page: number } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [exporting, setExporting] = useState(false);
  const [search, setSearch] = useState(params.get('q') ?? '');
  const resultsRef = useRef<HTMLParagraphElement>(null);

  const filters = Object.fromEntries(FILTER_KEYS.map((k) => [k, params.get(k) ?? ''])) as Record<(typeof FILTER_KEYS)[number], string>;
  const pageNo = Math.max(1, Number(params.get('page') ?? '1') || 1);
  const queryKey = params.toString();

  useEffect(() => {
    void api.GET('/api/events/{eventId}/parts', { params: { path: { eventId: event.id }, query: { pageSize: 100 } } }).then(({ data }) => setParts(data?.items ?? []), () => setParts([]));
  }, [event.id, version]);

  const query = useCallback((): ListQuery => {
    const q: ListQuery = { page: pageNo, pageSize: PAGE_SIZE };
    if (filters.q) q.q = filters.q;
    if (filters.category) q.category = filters.category as ListQuery['category'];
    if (filters.partId) q.partId = filters.partId;
    if (filters.partId && filters.admission) q.admission = filters.admission as ListQuery['admission'];
    if (filters.badgePrinted) q.badgePrinted = filters.badgePrinted === 'true' ? 'true' : 'false';
    if (filters.checkedIn) q.checkedIn = filters.checkedIn === 'true' ? 'true' : 'false';
    return q;
  }, [queryKey]);

  useEffect(() => {
    let live = true;
    setError(null);
    api
      .GET('/api/events/{eventId}/participants', { params: { path: { eventId: event.id }, query: query() } })
      .then(({ data, error: e, response }) => {
        if (!live) return;
        if (!data) return setError(errorBody(e, response).message);
        setPage({ items: data.items, total: data.total, page: data.page });
      })
      .catch(() => live && setError(t('loadFailed')));
    return () => {
      live = false;
    };
  }, [event.id, query, version, t]);

  function apply(next: Partial<Record<(typeof FILTER_KEYS)[number] | 'page', string>>) {
    const merged = new URLSearchParams(params);
    for (const [k, v] of Object.entries(next)) {
      if (v) merged.set(k, v);
      else merged.delete(k);
    }
    if (!('page' in next)) merged.delete('page');
    if (!merged.get('partId')) merged.delete('admission');
    setParams(merged, { replace: false, preventScrollReset: true });
  }

  function submit(e: FormEvent) {
    e.preventDefault();
    apply({ q: search.trim() });
  }

  function reset() {
    setSearch('');
    setParams(new URLSearchParams(), { preventScrollReset: true });
  }

  async function exportCsv() {
    setExporting(true);
    setError(null);
    const q = { ...query() } as Record<string, unknown>;
    delete q.page;
    delete q.pageSize;
    const res = await api
      .GET('/api/events/{eventId}/participants.csv', { params: { path: { eventId: event.id }, query: q as never }, parseAs: 'blob' })
      .catch(() => ({ data: undefined, error: undefined, response: undefined }));
    setExporting(false);
    if (!res.data) return setError(t('exportFailed', { message: errorBody(res.error, res.response).message }));
    saveBlob(res.data as Blob, `participants-${event.slug}.csv`);
  }

  const pages = page ? Math.max(1, Math.ceil(page.total / PAGE_SIZE)) : 1;
  const goTo = (n: number) => {
    apply({ page: String(n) });
    resultsRef.current?.focus();
  };
  const partName = (p: Part) => (language === 'en' && p.nameEn ? p.nameEn : p.nameFr);

  return (
    <section aria-labelledby="list-title">
      <h2 id="list-title">{t('listTitle')}</h2>
      <form className="filters" onSubmit={submit} role="search" aria-label={t('listTitle')}>
        <div className="field grow">
          <label htmlFor="participants-q">{t('search')}</label>
          <input id="participants-q" type="search" value={search} onChange={(e) => setSearch(e.target.value)} aria-describedby="participants-q-hint" />
          <p className="hint" id="participants-q-hint">
            {t('searchHint')}
          </p>
        </div>
        <Select id="participants-category" label={t('category')} value={filters.category} onChange={(v) => apply({ category: v })} options={[['', t('any')], ...CATEGORIES.map((c) => [c, t(`cat_${c}`)] as [string, string])]} />
        <Select id="participants-part" label={t('part')} value={filters.partId} onChange={(v) => apply({ partId: v })} options={[['', t('any')], ...parts.map((p) => [p.id, partName(p)] as [string, string])]} />
        <Select
          id="participants-admission"
          label={t('admission')}
          value={filters.admission}
          disabled={!filters.partId}
          onChange={(v) => apply({ admission: v })}
          options={[['', t('anyOne')], ['admitted', t('admitted')], ['waiting', t('waiting')], ['requested', t('requested')]]}
        />
        <Select id="participants-badge" label={t('badge')} value={filters.badgePrinted} onChange={(v) => apply({ badgePrinted: v })} options={[['', t('anyOne')], ['true', t('yesPrinted')], ['false', t('noPrinted')]]} />
        <Select id="participants-checked" label={t('checkedIn')} value={filters.checkedIn} onChange={(v) => apply({ checkedIn: v })} options={[['', t('anyOne')], ['true', t('yesChecked')], ['false', t('noChecked')]]} />
        <div className="form-actions">
          <button type="submit">{t('filter')}</button>
          <button type="button" onClick={reset}>
            {t('reset')}
          </button>
          <button type="button" onClick={() => void exportCsv()} disabled={exporting}>
            {exporting ? t('exporting') : t('exportCsv')}
          </button>
        </div>
      </form>
      <ErrorAlert error={error} />
      {page ? (
        <p className="total" ref={resultsRef} tabIndex={-1} aria-live="polite">
          {t('total', { n: page.total })}
        </p>
      ) : null}
      {page && page.items.length === 0 ? <p>{t('none')}</p> : null}
      {page && page.items.length ? (
        <table className="participants">
          <caption className="visually-hidden">{t('listTitle')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('colName')}</th>
              <th scope="col">{t('colEmail')}</th>
              <th scope="col">{t('colCategory')}</th>
              <th scope="col">{t('colParts')}</th>
              <th scope="col">{t('colBadge')}</th>
              <th scope="col">{t('colCheckedIn')}</th>
            </tr>
          </thead>
          <tbody>
            {page.items.map((p) => (
              <tr key={p.id} className={p.status === 'cancelled' ? 'cancelled' : undefined}>
                <th scope="row">
                  {p.lastName} {p.firstName}
                  {p.status === 'cancelled' ? <span className="muted"> ({t('cancelledPerson')})</span> : null}
                  {p.affiliation ? <span className="affiliation">{p.affiliation}</span> : null}
                </th>
                <td>{p.email ?? t('noEmail')}</td>
                <td>{p.primaryCategory ? t(`cat_${p.primaryCategory as (typeof CATEGORIES)[number]}`) : ''}</td>
                <td>
                  {p.admissions
                    .filter((a) => a.status !== 'cancelled')
                    .map((a) => `${a.partName} (${t(a.status as 'admitted' | 'waiting' | 'requested')})`)
                    .join(', ')}
                </td>
                <td>{p.badgePrinted ? t('printed') : t('notPrinted')}</td>
                <td>{p.checkedIn ? t('arrived') : t('notArrived')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {page && pages > 1 ? (
        <nav className="pagination" aria-label={t('pagination')}>
          <button type="button" disabled={pageNo <= 1} onClick={() => goTo(pageNo - 1)}>
            {t('previous')}
          </button>
          <span>{t('pageOf', { page: pageNo, pages })}</span>
          <button type="button" disabled={pageNo >= pages} onClick={() => goTo(pageNo + 1)}>
            {t('next')}
          </button>
        </nav>
      ) : null}
    </section>
  );
}

function Select({ id, label, value, options, onChange, disabled }: { id: string; label: string; value: string; options: Array<[string, string]>; onChange(v: string): void; disabled?: boolean }) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} disabled={disabled} onChange={(e) => onChange(e.target.value)}>
        {options.map(([v, text]) => (
          <option key={v} value={v}>
            {text}
          </option>
        ))}
      </select>
    </div>
  );
}
