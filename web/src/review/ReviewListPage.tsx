import { useEffect, useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { api, errorBody, type Schemas } from '../api/client';
import { RequireAuth } from '../auth/RequireAuth';
import { useLanguage, useT } from '../i18n/i18n';
import { formatDateTime } from '../time/paris';
import { ErrorAlert, Notice, PageTitle } from '../ui/ui';
import { eventBySlug, nameOf, titleOf, type EventResponse } from './event';
import { apiQuery, DEFAULT_FILTERS, PAGE_SIZE, proposalPath, readFilters, searchOf, SORTS, STATES, type ListFilters } from './list-query';
import { reviewMessages } from './messages';
import './review.css';
import { proposalStates } from '../proposals/proposal-states';

type Summary = Schemas['SubmissionSummaryResponse'];
type Option = { id: string; nameFr: string; nameEn: string | null };

/** /app/events/:slug/proposals: the organisers' list of an event's proposals, filtered, sorted, by pages. */
export function ReviewListPage() {
  return (
    <RequireAuth roles={['organiser']}>
      <ReviewList />
    </RequireAuth>
  );
}

interface Loaded {
  items: Summary[];
  total: number;
}

function ReviewList() {
  const t = useT(reviewMessages);
  const ts = useT(proposalStates);
  const { language } = useLanguage();
  const { slug = '' } = useParams();
  const [search] = useSearchParams();
  const navigate = useNavigate();
  const filters = readFilters(search);
  const key = searchOf(filters);
  const [event, setEvent] = useState<EventResponse | 'no-event' | 'failed' | null>(null);
  const [types, setTypes] = useState<Option[]>([]);
  const [tracks, setTracks] = useState<Option[]>([]);
  const [list, setList] = useState<Loaded | 'failed' | null>(null);
  const [draft, setDraft] = useState<ListFilters>(filters);
  const [exporting, setExporting] = useState(false);
  const [exportError, setExportError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    void eventBySlug(slug).then(async (found) => {
      if (!live) return;
      setEvent(found);
      if (typeof found !== 'object') return;
      const path = { eventId: found.id };
      const [ty, tr] = await Promise.all([
        api.GET('/api/events/{eventId}/submission-types', { params: { path, query: { pageSize: 100 } } }),
        api.GET('/api/events/{eventId}/tracks', { params: { path, query: { pageSize: 100 } } }),
      ]).catch(() => [null, null] as const);
      if (!live) return;
      setTypes(ty?.data?.items ?? []);
      setTracks(tr?.data?.items ?? []);
    });
    return () => {
      live = false;
    };
  }, [slug]);

  const eventId = typeof event === 'object' && event ? event.id : null;
  useEffect(() => {
    setDraft(readFilters(new URLSearchParams(key)));
    if (!eventId) return;
    let live = true;
    setList(null);
    const current = readFilters(new URLSearchParams(key));
    api
      .GET('/api/events/{eventId}/submissions', { params: { path: { eventId }, query: apiQuery(current, { page: current.page, pageSize: PAGE_SIZE }) } })
      .then(({ data }) => live && setList(data ? { items: data.items, total: data.total } : 'failed'))
      .catch(() => live && setList('failed'));
    return () => {
      live = false;
    };
  }, [eventId, key]);

  if (event === null) {
    return (
      <main id="main">
        <PageTitle title={t('loading')}>{t('loading')}</PageTitle>
      </main>
    );
  }
  if (event === 'no-event' || event === 'failed') {
    return (
      <main id="main">
        <PageTitle title={t('menuTitle')}>{t('menuTitle')}</PageTitle>
        <ErrorAlert error={event === 'failed' ? t('loadFailed') : t('noSuchEvent')} />
      </main>
    );
  }

  const title = t('listTitle', { event: nameOf(event, language) });
  const set = <K extends keyof ListFilters>(name: K, value: ListFilters[K]) => setDraft((d) => ({ ...d, [name]: value }));
  const go = (next: ListFilters) => void navigate(`/events/${encodeURIComponent(slug)}/proposals${searchOf(next)}`);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    go({ ...draft, page: 1 });
  };
  const pages = list && list !== 'failed' ? Math.max(1, Math.ceil(list.total / PAGE_SIZE)) : 1;

  async function exportCsv() {
    if (!eventId) return;
    setExporting(true);
    setExportError(null);
    try {
      const { data, error, response } = await api.GET('/api/events/{eventId}/submissions.csv', {
        params: { path: { eventId }, query: apiQuery(filters, null) },
        parseAs: 'blob',
      });
      if (!data) throw errorBody(error, response);
      const named = /filename="([^"]+)"/.exec(response.headers.get('Content-Disposition') ?? '');
      const url = URL.createObjectURL(data as Blob);
      const link = document.createElement('a');
      link.href = url;
      link.download = named ? named[1] : `propositions-${slug}.csv`;
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (failure) {
      setExportError(t('exportFailed', { message: errorBody(failure).message }));
    } finally {
      setExporting(false);
    }
  }

  return (
    <main id="main" className="review">
      <PageTitle title={title}>{title}</PageTitle>
      <form className="review-filters" role="search" aria-labelledby="filters-heading" onSubmit={submit}>
        <h2 id="filters-heading" className="visually-hidden">
          {t('filters')}
        </h2>
        <div className="field">
          <label htmlFor="f-state">{t('fState')}</label>
          <select id="f-state" value={draft.state} onChange={(e) => set('state', e.target.value as ListFilters['state'])}>
            <option value="">{t('all')}</option>
            {STATES.map((s) => (
              <option key={s} value={s}>
                {ts(`state_${s}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="f-type">{t('fType')}</label>
          <select id="f-type" value={draft.typeId} onChange={(e) => set('typeId', e.target.value)}>
            <option value="">{t('all')}</option>
            {types.map((x) => (
              <option key={x.id} value={x.id}>
                {nameOf(x, language)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="f-track">{t('fTrack')}</label>
          <select id="f-track" value={draft.trackId} onChange={(e) => set('trackId', e.target.value)}>
            <option value="">{t('allTracks')}</option>
            {tracks.map((x) => (
              <option key={x.id} value={x.id}>
                {nameOf(x, language)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="f-language">{t('fLanguage')}</label>
          <select id="f-language" value={draft.language} onChange={(e) => set('language', e.target.value as ListFilters['language'])}>
            <option value="">{t('all')}</option>
            <option value="fr">{t('langFr')}</option>
            <option value="en">{t('langEn')}</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor="f-speaker">{t('fSpeaker')}</label>
          <input id="f-speaker" type="search" value={draft.speaker} maxLength={200} aria-describedby="f-speaker-hint" onChange={(e) => set('speaker', e.target.value)} />
          <p className="hint" id="f-speaker-hint">
            {t('fSpeakerHint')}
          </p>
        </div>
        <div className="field">
          <label htmlFor="f-q">{t('fText')}</label>
          <input id="f-q" type="search" value={draft.q} maxLength={200} aria-describedby="f-q-hint" onChange={(e) => set('q', e.target.value)} />
          <p className="hint" id="f-q-hint">
            {t('fTextHint')}
          </p>
        </div>
        <div className="field">
          <label htmlFor="f-sort">{t('fSort')}</label>
          <select id="f-sort" value={draft.sort} onChange={(e) => set('sort', e.target.value as ListFilters['sort'])}>
            {SORTS.map((s) => (
              <option key={s} value={s}>
                {t(`sort_${s}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="f-order">{t('fOrder')}</label>
          <select id="f-order" value={draft.order} onChange={(e) => set('order', e.target.value as ListFilters['order'])}>
            <option value="asc">{t('asc')}</option>
            <option value="desc">{t('desc')}</option>
          </select>
        </div>
        <div className="form-actions">
          <button type="submit" className="primary">
            {t('apply')}
          </button>
          <button type="button" onClick={() => go(DEFAULT_FILTERS)}>
            {t('reset')}
          </button>
          <button type="button" onClick={() => void exportCsv()} disabled={exporting}>
            {exporting ? t('exporting') : t('exportCsv')}
          </button>
        </div>
      </form>
      <ErrorAlert error={exportError} />

      {list === null ? <Notice>{t('loading')}</Notice> : null}
      {list === 'failed' ? <ErrorAlert error={t('loadFailed')} /> : null}
      {list && list !== 'failed' ? (
        <>
          <p role="status" className="review-count">
            {t('count', { total: list.total })}
          </p>
          {list.items.length === 0 ? (
            <p>{t('none')}</p>
          ) : (
            <div className="review-table">
              <table>
                <caption className="visually-hidden">{title}</caption>
                <thead>
                  <tr>
                    <th scope="col" aria-sort={filters.sort === 'title' ? (filters.order === 'asc' ? 'ascending' : 'descending') : undefined}>
                      {t('colTitle')}
                    </th>
                    <th scope="col">{t('colSpeaker')}</th>
                    <th scope="col">{t('colType')}</th>
                    <th scope="col">{t('colTrack')}</th>
                    <th scope="col">{t('colLanguages')}</th>
                    <th scope="col">{t('colState')}</th>
                    <th scope="col" aria-sort={filters.sort === 'date' ? (filters.order === 'asc' ? 'ascending' : 'descending') : undefined}>
                      {t('colSubmitted')}
                    </th>
                    <th scope="col" aria-sort={filters.sort === 'score' ? (filters.order === 'asc' ? 'ascending' : 'descending') : undefined}>
                      {t('colScore')}
                    </th>
                    <th scope="col">{t('colReviews')}</th>
                  </tr>
                </thead>
                <tbody>
                  {list.items.map((s, row) => (
                    <tr key={s.id}>
                      <td>
                        <Link to={proposalPath(slug, s.id, filters, (filters.page - 1) * PAGE_SIZE + row)}>{titleOf(s, language) ?? t('untitled')}</Link>
                      </td>
                      <td>
                        {s.mainSpeaker ? s.mainSpeaker.name : ''}
                        {s.mainSpeaker?.affiliation ? <span className="affiliation"> ({s.mainSpeaker.affiliation})</span> : null}
                        {s.coSpeakerCount ? <span className="co"> {t('coSpeakers', { n: s.coSpeakerCount })}</span> : null}
                      </td>
                      <td>{nameOf(s.type, language)}</td>
                      <td>{s.track ? nameOf(s.track, language) : ''}</td>
                      <td>{s.languages.map((l) => (l === 'fr' ? 'FR' : 'EN')).join(' · ')}</td>
                      <td>
                        <span className={`state state-${s.state}`}>{ts(`state_${s.state}`)}</span>
                      </td>
                      <td>{s.submittedAt ? <time dateTime={s.submittedAt}>{formatDateTime(s.submittedAt, language, event.timeZone)}</time> : ''}</td>
                      <td className="num">{s.meanScore === null ? t('noScore') : s.meanScore.toLocaleString(language === 'fr' ? 'fr-FR' : 'en-GB', { minimumFractionDigits: 2 })}</td>
                      <td className="num">{s.reviewCount}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {pages > 1 ? (
            <nav aria-label={t('pagination')} className="review-pages">
              {filters.page > 1 ? <Link to={`/events/${encodeURIComponent(slug)}/proposals${searchOf({ ...filters, page: filters.page - 1 })}`}>{t('previousPage')}</Link> : null}
              <span aria-current="page">{t('pageOf', { page: filters.page, pages })}</span>
              {filters.page < pages ? <Link to={`/events/${encodeURIComponent(slug)}/proposals${searchOf({ ...filters, page: filters.page + 1 })}`}>{t('nextPage')}</Link> : null}
            </nav>
          ) : null}
        </>
      ) : null}
    </main>
  );
}
