/**
 * /app/events/:slug/badges (organisers): the template of each category, a preview of each template
 * (the server's count and overflow warnings for this event's people, and a real badge as a PDF that
 * does not count as printed), print jobs (filters, the count the server fixes before anything is
 * printed, the PDF's pages counted as they stream in) and the print log with its reprints and reasons.
 */
import { useCallback, useEffect, useId, useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { api, errorBody, type ApiErrorBody, type Schemas } from '../api/client';
import { RequireAuth } from '../auth/RequireAuth';
import { useLanguage, useT } from '../i18n/i18n';
import { formatDate, formatDateTime } from '../time/paris';
import { ErrorAlert, Notice, PageTitle, ScrollRegion } from '../ui/ui';
import { eventName, saveBlob, useEventBySlug, type EventResponse } from '../participants/event';
import { CATEGORIES, participantMessages, type Category } from '../participants/messages';
import { badgeMessages } from './messages';
import { countPdfPages } from './pdf-pages';
import { parsePages } from './pages-text';
import '../participants/participants.css';
import './badges.css';

type Templates = Schemas['BadgeTemplatesResponse'];
type Template = Schemas['BadgeTemplateResponse'];
type Preview = Schemas['BadgePreviewResponse'];
type Part = Schemas['PartResponse'];
type Job = Schemas['PrintJobResponse'];
type JobSummary = Schemas['PrintJobSummaryResponse'];
type Person = Schemas['ParticipantSummaryResponse'];
type Print = Schemas['BadgePrintResponse'];

export function BadgesPage() {
  return (
    <RequireAuth roles={['organiser']}>
      <Badges />
    </RequireAuth>
  );
}

function Badges() {
  const t = useT(badgeMessages);
  const { language } = useLanguage();
  const { slug = '' } = useParams();
  const loaded = useEventBySlug(slug);
  const [templates, setTemplates] = useState<Templates | null>(null);
  const [logVersion, setLogVersion] = useState(0);
  const title = loaded.state === 'ready' ? t('titleOf', { event: eventName(loaded.event, language) }) : t('title');
  const eventId = loaded.state === 'ready' ? loaded.event.id : null;

  const loadTemplates = useCallback(async () => {
    if (!eventId) return;
    const { data } = await api.GET('/api/events/{eventId}/badges/templates', { params: { path: { eventId } } }).catch(() => ({ data: undefined }));
    if (data) setTemplates(data);
  }, [eventId]);
  useEffect(() => {
    void loadTemplates();
  }, [loadTemplates]);

  return (
    <main id="main" className="badges-page">
      <p className="breadcrumb">
        <Link to={`/events/${slug}/participants`}>{t('back')}</Link>
      </p>
      <PageTitle title={title}>{title}</PageTitle>
      {loaded.state === 'loading' ? <Notice>{t('loading')}</Notice> : null}
      {loaded.state === 'failed' ? <ErrorAlert error={t('loadFailed')} /> : null}
      {loaded.state === 'no-event' ? <ErrorAlert error={t('noEvent')} /> : null}
      {loaded.state === 'ready' && templates ? (
        <>
          <TemplateChoices eventId={loaded.event.id} templates={templates} onSaved={loadTemplates} />
          <TemplatePreviews eventId={loaded.event.id} templates={templates} />
          <PrintSection event={loaded.event} templates={templates.templates} onPrinted={() => setLogVersion((v) => v + 1)} />
          <PrintLog eventId={loaded.event.id} version={logVersion} />
        </>
      ) : null}
    </main>
  );
}

function templateTitle(templates: Template[], name: string): string {
  return templates.find((x) => x.name === name)?.title ?? name;
}

function TemplateChoices({ eventId, templates, onSaved }: { eventId: string; templates: Templates; onSaved(): void }) {
  const t = useT(badgeMessages);
  const tp = useT(participantMessages);
  const [choice, setChoice] = useState<Record<string, string>>({});
  const [saved, setSaved] = useState(false);
  const [error, setError] = useState<ApiErrorBody | null>(null);

  useEffect(() => setChoice(Object.fromEntries(templates.categories.map((c) => [c.category, c.template]))), [templates]);

  async function save(e: FormEvent) {
    e.preventDefault();
    setSaved(false);
    setError(null);
    const choices = templates.categories
      .filter((c) => choice[c.category] && choice[c.category] !== templates.defaultTemplate)
      .map((c) => ({ category: c.category, template: choice[c.category] }));
    const res = await api
      .PUT('/api/events/{eventId}/badges/templates', { params: { path: { eventId } }, body: { choices } })
      .catch(() => ({ data: undefined, error: undefined, response: undefined }));
    if (!res.data) return setError(errorBody(res.error, res.response));
    setSaved(true);
    onSaved();
  }

  return (
    <section aria-labelledby="templates-title">
      <h2 id="templates-title">{t('templatesTitle')}</h2>
      <p>{t('templatesIntro', { template: templateTitle(templates.templates, templates.defaultTemplate) })}</p>
      <form onSubmit={save} className="template-choices">
        {templates.categories.map((c) => (
          <div className="field" key={c.category}>
            <label htmlFor={`template-${c.category}`}>{t('templateOf', { category: tp(`cat_${c.category}`) })}</label>
            <select id={`template-${c.category}`} value={choice[c.category] ?? templates.defaultTemplate} onChange={(e) => setChoice((s) => ({ ...s, [c.category]: e.target.value }))}>
              {templates.templates.map((x) => (
                <option key={x.name} value={x.name}>
                  {x.title} {x.name === templates.defaultTemplate ? t('defaultSuffix') : ''}
                </option>
              ))}
            </select>
            {c.missingTemplate ? <p className="field-error">{t('missingTemplate', { template: c.missingTemplate })}</p> : null}
          </div>
        ))}
        <div className="form-actions">
          <button type="submit">{t('saveTemplates')}</button>
        </div>
      </form>
      <ErrorAlert error={error} />
      {saved ? <Notice>{t('templatesSaved')}</Notice> : null}
    </section>
  );
}

function TemplatePreviews({ eventId, templates }: { eventId: string; templates: Templates }) {
  const t = useT(badgeMessages);
  const [sample, setSample] = useState<Person | null | undefined>(undefined);
  useEffect(() => {
    void api
      .GET('/api/events/{eventId}/participants', { params: { path: { eventId }, query: { status: 'registered', pageSize: 1 } } })
      .then(({ data }) => setSample(data?.items[0] ?? null), () => setSample(null));
  }, [eventId]);
  return (
    <section aria-labelledby="previews-title">
      <h2 id="previews-title">{t('previewTitle')}</h2>
      <p>{t('previewNote')}</p>
      <ul className="cards">
        {templates.templates.map((x) => (
          <TemplatePreview key={x.name} eventId={eventId} template={x} sample={sample} />
        ))}
      </ul>
    </section>
  );
}

function TemplatePreview({ eventId, template, sample }: { eventId: string; template: Template; sample: Person | null | undefined }) {
  const t = useT(badgeMessages);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    void api
      .GET('/api/events/{eventId}/badges/preview', { params: { path: { eventId }, query: { template: template.name } } })
      .then(({ data, error: e, response }) => (data ? setPreview(data) : setError(errorBody(e, response).message)), () => setError('network error'));
  }, [eventId, template.name]);

  async function pdf() {
    if (!sample) return;
    setError(null);
    const res = await api
      .GET('/api/participants/{id}/badge.pdf', { params: { path: { id: sample.id }, query: { template: template.name, preview: 'true' } }, parseAs: 'blob' })
      .catch(() => ({ data: undefined, error: undefined, response: undefined }));
    if (!res.data) return setError(t('previewFailed', { message: errorBody(res.error, res.response).message }));
    saveBlob(res.data as Blob, `apercu-${template.name}.pdf`);
  }

  return (
    <li className="card template-preview">
      <h3>{template.title}</h3>
      <p>
        {t('templateFacts', { size: template.badgeSize, width: template.widthMm, height: template.heightMm, perSheet: template.perSheet, sheet: template.sheet, duplex: template.duplex ? t('duplex') : '' })}
      </p>
      <div className={`badge-shape ${template.widthMm > template.heightMm ? 'landscape' : 'portrait'}`} aria-hidden="true">
        <span className="band" />
        <span className="name">{sample ? `${sample.firstName} ${sample.lastName}` : ''}</span>
      </div>
      {preview ? <p>{t('previewCount', { badges: preview.badges, sheets: preview.sheets })}</p> : null}
      {preview && preview.overflowCount === 0 ? <p className="ok">{t('overflowNone')}</p> : null}
      {preview && preview.overflowCount > 0 ? (
        <div className="overflow-warning" role="note">
          <p>{t('overflowSome', { n: preview.overflowCount })}</p>
          <ul>
            {preview.overflows.slice(0, 20).map((o) => (
              <li key={o.participantId}>{t('overflowItem', { name: `${o.firstName} ${o.lastName}`, elements: o.elements.join(', ') })}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {sample ? (
        <button type="button" onClick={() => void pdf()}>
          {t('previewPdf', { name: `${sample.firstName} ${sample.lastName}`, template: template.title })}
        </button>
      ) : sample === null ? (
        <p>{t('previewNoOne')}</p>
      ) : null}
      <ErrorAlert error={error} />
    </li>
  );
}

function eventDays(event: EventResponse): string[] {
  const days: string[] = [];
  for (let d = new Date(`${event.startDate}T12:00:00Z`); d.toISOString().slice(0, 10) <= event.endDate && days.length < 31; d = new Date(d.getTime() + 86_400_000)) {
    days.push(d.toISOString().slice(0, 10));
  }
  return days;
}

function PrintSection({ event, templates, onPrinted }: { event: EventResponse; templates: Template[]; onPrinted(): void }) {
  const t = useT(badgeMessages);
  const tp = useT(participantMessages);
  const { language } = useLanguage();
  const ids = useId();
  const [parts, setParts] = useState<Part[]>([]);
  const [categories, setCategories] = useState<Category[]>([]);
  const [partId, setPartId] = useState('');
  const [day, setDay] = useState('');
  const [notYetPrinted, setNotYetPrinted] = useState(true);
  const [chosen, setChosen] = useState<Person[]>([]);
  const [search, setSearch] = useState('');
  const [found, setFound] = useState<Person[] | null>(null);
  const [template, setTemplate] = useState('');
  const [reason, setReason] = useState('');
  const [job, setJob] = useState<Job | null>(null);
  const [drawn, setDrawn] = useState<number | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [error, setError] = useState<ApiErrorBody | string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    void api.GET('/api/events/{eventId}/parts', { params: { path: { eventId: event.id }, query: { pageSize: 100 } } }).then(({ data }) => setParts(data?.items ?? []), () => setParts([]));
  }, [event.id]);

  const narrows = categories.length > 0 || partId !== '' || day !== '' || notYetPrinted || chosen.length > 0;

  async function find() {
    if (!search.trim()) return setFound(null);
    const { data } = await api
      .GET('/api/events/{eventId}/participants', { params: { path: { eventId: event.id }, query: { q: search.trim(), status: 'registered', pageSize: 10 } } })
      .catch(() => ({ data: undefined }));
    setFound(data?.items ?? []);
  }

  async function prepare(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setJob(null);
    setDone(null);
    setDrawn(null);
    setError(null);
    const filter: Schemas['BadgeFilterDto'] = {};
    if (categories.length) filter.categories = categories;
    if (partId) filter.partId = partId;
    if (day) filter.day = day;
    if (notYetPrinted) filter.notYetPrinted = true;
    if (chosen.length) filter.participantIds = chosen.map((p) => p.id);
    const body: Schemas['PrintBadgesDto'] = narrows ? { filter } : { all: true };
    if (template) body.template = template;
    if (reason.trim()) body.reason = reason.trim();
    const res = await api
      .POST('/api/events/{eventId}/badges/print-jobs', { params: { path: { eventId: event.id } }, body })
      .catch(() => ({ data: undefined, error: undefined, response: undefined }));
    setBusy(false);
    if (!res.data) {
      const body = errorBody(res.error, res.response);
      // nobody matches: said as a count, not as a failure
      if (body.error === 'NO_BADGES') return setDone(t('preparedNone'));
      return setError(body);
    }
    setJob(res.data);
    onPrinted();
  }

  /** The server logs a job's prints once its PDF went out whole: asks until it counts the delivery (10 s at most). */
  async function delivered(jobId: string): Promise<boolean> {
    for (let i = 0; i < 40; i++) {
      const { data } = await api
        .GET('/api/events/{eventId}/badges/print-jobs/{jobId}', { params: { path: { eventId: event.id, jobId }, query: { pageSize: 1 } } })
        .catch(() => ({ data: undefined }));
      if (data && data.deliveries > 0) return true;
      await new Promise((r) => setTimeout(r, 250));
    }
    return false;
  }

  async function print() {
    if (!job) return;
    setBusy(true);
    setError(null);
    setDrawn(0);
    const res = await api
      .GET('/api/events/{eventId}/badges/print-jobs/{jobId}.pdf', { params: { path: { eventId: event.id, jobId: job.id } }, parseAs: 'stream' })
      .catch(() => ({ data: undefined, error: undefined, response: undefined }));
    if (!res.response?.ok || !res.data) {
      setBusy(false);
      setDrawn(null);
      return setError(t('printFailed', { message: errorBody(res.error, res.response).message }));
    }
    try {
      const chunks: Uint8Array[] = [];
      const counter = countPdfPages();
      const reader = (res.data as ReadableStream<Uint8Array>).getReader();
      for (;;) {
        const { done: end, value } = await reader.read();
        if (end) break;
        chunks.push(value);
        setDrawn(counter.push(value));
      }
      saveBlob(new Blob(chunks as BlobPart[], { type: 'application/pdf' }), `badges-${event.slug}-${job.id.slice(0, 8)}.pdf`);
      if (await delivered(job.id)) {
        setDone(t('printedDone', { badges: job.badges }));
        setJob(null);
      } else setError(t('printFailed', { message: t('notLogged') }));
    } catch {
      setError(t('printFailed', { message: 'network error' }));
    } finally {
      setBusy(false);
      setDrawn(null);
      onPrinted();
    }
  }

  const partName = (p: Part) => (language === 'en' && p.nameEn ? p.nameEn : p.nameFr);

  return (
    <section aria-labelledby="print-title">
      <h2 id="print-title">{t('printTitle')}</h2>
      <form onSubmit={prepare} className="print-form" aria-describedby={`${ids}-all`}>
        <fieldset>
          <legend>{t('categories')}</legend>
          <div className="checkbox-grid">
            {CATEGORIES.map((c) => (
              <label key={c} className="choice">
                <input type="checkbox" checked={categories.includes(c)} onChange={(e) => setCategories((s) => (e.target.checked ? [...s, c] : s.filter((x) => x !== c)))} /> {tp(`cat_${c}`)}
              </label>
            ))}
          </div>
        </fieldset>
        <div className="filters-row">
          <div className="field">
            <label htmlFor={`${ids}-part`}>{t('part')}</label>
            <select id={`${ids}-part`} value={partId} onChange={(e) => setPartId(e.target.value)}>
              <option value="">{t('any')}</option>
              {parts.map((p) => (
                <option key={p.id} value={p.id}>
                  {partName(p)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${ids}-day`}>{t('day')}</label>
            <select id={`${ids}-day`} value={day} onChange={(e) => setDay(e.target.value)}>
              <option value="">{t('anyDay')}</option>
              {eventDays(event).map((d) => (
                <option key={d} value={d}>
                  {formatDate(`${d}T12:00:00Z`, language)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${ids}-template`}>{t('template')}</label>
            <select id={`${ids}-template`} value={template} onChange={(e) => setTemplate(e.target.value)}>
              <option value="">{t('templateByCategory')}</option>
              {templates.map((x) => (
                <option key={x.name} value={x.name}>
                  {x.title}
                </option>
              ))}
            </select>
          </div>
        </div>
        <fieldset className="chosen">
          <legend>{t('chosenPeople')}</legend>
          {chosen.length === 0 ? <p>{t('chosenNone')}</p> : null}
          {chosen.length ? (
            <ul>
              {chosen.map((p) => (
                <li key={p.id}>
                  {p.firstName} {p.lastName}{' '}
                  <button type="button" onClick={() => setChosen((s) => s.filter((x) => x.id !== p.id))}>
                    {t('remove', { name: `${p.firstName} ${p.lastName}` })}
                  </button>
                </li>
              ))}
            </ul>
          ) : null}
          <div className="chosen-search">
            <div className="field">
              <label htmlFor={`${ids}-search`}>{t('chosenSearch')}</label>
              <input
                id={`${ids}-search`}
                type="search"
                value={search}
                onChange={(e) => setSearch(e.target.value)}
                onKeyDown={(e) => {
                  if (e.key === 'Enter') {
                    e.preventDefault();
                    void find();
                  }
                }}
              />
            </div>
            <button type="button" onClick={() => void find()}>
              {t('chosenSearchButton')}
            </button>
          </div>
          {found ? (
            <ul>
              {found
                .filter((p) => !chosen.some((c) => c.id === p.id))
                .map((p) => (
                  <li key={p.id}>
                    {p.firstName} {p.lastName} {p.email ? <span className="muted">· {p.email}</span> : null}{' '}
                    <button type="button" onClick={() => setChosen((s) => [...s, p])}>
                      {t('add', { name: `${p.firstName} ${p.lastName}` })}
                    </button>
                  </li>
                ))}
            </ul>
          ) : null}
        </fieldset>
        <label className="choice">
          <input type="checkbox" checked={notYetPrinted} onChange={(e) => setNotYetPrinted(e.target.checked)} /> {t('notYetPrinted')}
        </label>
        <div className="field">
          <label htmlFor={`${ids}-reason`}>{t('reason')}</label>
          <input id={`${ids}-reason`} value={reason} maxLength={500} onChange={(e) => setReason(e.target.value)} />
        </div>
        {!narrows ? (
          <p className="hint" id={`${ids}-all`}>
            {t('all')}
          </p>
        ) : null}
        <div className="form-actions">
          <button type="submit" disabled={busy}>
            {t('prepare')}
          </button>
        </div>
      </form>


      <ErrorAlert error={error} />
      {job ? (
        <div className="print-count" role="status">
          <p>{job.badges ? t('prepared', { badges: job.badges, sheets: job.sheets, pages: job.pages }) : t('preparedNone')}</p>
          {job.perTemplate.length ? (
            <ul>
              {job.perTemplate.map((p) => (
                <li key={p.template}>{t('perTemplate', { template: templateTitle(templates, p.template), badges: p.badges, first: p.firstPage, last: p.lastPage })}</li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
      {job && job.badges > 0 ? (
        <button type="button" className="primary" onClick={() => void print()} disabled={busy}>
          {t('print', { badges: job.badges })}
        </button>
      ) : null}
      {drawn !== null && job ? (
        <div className="progress" role="status">
          <label htmlFor={`${ids}-drawing`}>{t('drawing', { page: Math.min(drawn, job.pages), pages: job.pages })}</label>
          <progress id={`${ids}-drawing`} max={job.pages} value={Math.min(drawn, job.pages)} />
        </div>
      ) : null}
      {done ? <Notice>{done}</Notice> : null}
    </section>
  );
}

function PrintLog({ eventId, version }: { eventId: string; version: number }) {
  const t = useT(badgeMessages);
  const tp = useT(participantMessages);
  const { language } = useLanguage();
  const [jobs, setJobs] = useState<JobSummary[] | null>(null);
  const [reprints, setReprints] = useState<Print[] | null>(null);
  const [spoiled, setSpoiled] = useState<Print[] | null>(null);
  const [parts, setParts] = useState<Part[]>([]);
  const [tick, setTick] = useState(0);

  useEffect(() => {
    void api.GET('/api/events/{eventId}/parts', { params: { path: { eventId }, query: { pageSize: 100 } } }).then(({ data }) => setParts(data?.items ?? []), () => setParts([]));
  }, [eventId]);
  useEffect(() => {
    void api
      .GET('/api/events/{eventId}/badges/print-jobs', { params: { path: { eventId }, query: { order: 'desc', pageSize: 50 } } })
      .then(({ data }) => setJobs(data?.items ?? []), () => setJobs([]));
    void api
      .GET('/api/events/{eventId}/badges/prints', { params: { path: { eventId }, query: { reprint: 'true', order: 'desc', pageSize: 50 } } })
      .then(({ data }) => setReprints(data?.items ?? []), () => setReprints([]));
    void api
      .GET('/api/events/{eventId}/badges/prints', { params: { path: { eventId }, query: { failed: 'true', order: 'desc', pageSize: 50 } } })
      .then(({ data }) => setSpoiled(data?.items ?? []), () => setSpoiled([]));
  }, [eventId, version, tick]);

  const what = (j: JobSummary) => {
    const f = j.filter;
    const out: string[] = [];
    if (f.all) out.push(t('what_all'));
    if (f.categories?.length) out.push(t('what_categories', { list: f.categories.map((c) => tp(`cat_${c}`)).join(', ') }));
    if (f.partId) out.push(t('what_part', { name: parts.find((p) => p.id === f.partId)?.nameFr ?? '' }));
    if (f.day) out.push(t('what_day', { day: formatDate(`${f.day}T12:00:00Z`, language) }));
    if (f.notYetPrinted) out.push(t('what_notYetPrinted'));
    if (f.participantIdCount) out.push(t('what_people', { n: f.participantIdCount }));
    return out.join(' ; ');
  };

  return (
    <section aria-labelledby="log-title">
      <h2 id="log-title">{t('logTitle')}</h2>
      <button type="button" onClick={() => setTick((n) => n + 1)}>
        {t('refresh')}
      </button>
      {jobs && jobs.length === 0 ? <p>{t('logNone')}</p> : null}
      {jobs && jobs.length ? (
        <ScrollRegion label={t('logCaption')}>
          <table className="print-log">
            <caption>{t('logCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('colDate')}</th>
                <th scope="col">{t('colBy')}</th>
                <th scope="col">{t('colWhat')}</th>
                <th scope="col">{t('colBadges')}</th>
                <th scope="col">{t('colState')}</th>
                <th scope="col">{t('colReason')}</th>
              </tr>
            </thead>
            <tbody>
              {jobs.map((j) => (
                <tr key={j.id}>
                  <td>
                    <time dateTime={j.createdAt}>{formatDateTime(j.createdAt, language)}</time>
                  </td>
                  <td>{j.createdByEmail ?? ''}</td>
                  <td>{what(j)}</td>
                  <td>{j.badges}</td>
                  <td>
                    {t(`state_${j.state}`)}
                    {j.deliveries > 1 ? ` (${t('reprinted', { n: j.deliveries })})` : ''}
                    {j.failedBadges ? ` — ${t('failedBadges', { n: j.failedBadges })}` : ''}
                  </td>
                  <td>{[j.reason, j.failureReason].filter(Boolean).join(' — ')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      ) : null}
      {jobs && jobs.length ? <SpoiledForm eventId={eventId} jobs={jobs} describe={what} onReported={() => setTick((n) => n + 1)} /> : null}
      <h3>{t('reprintsTitle')}</h3>
      {reprints && reprints.length === 0 ? <p>{t('reprintsNone')}</p> : null}
      {reprints && reprints.length ? (
        <ScrollRegion label={t('reprintsCaption')}>
          <table className="print-log">
            <caption>{t('reprintsCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('colDate')}</th>
                <th scope="col">{t('colPerson')}</th>
                <th scope="col">{t('colHow')}</th>
                <th scope="col">{t('colBy')}</th>
                <th scope="col">{t('colReason')}</th>
              </tr>
            </thead>
            <tbody>
              {reprints.map((p) => (
                <tr key={p.id}>
                  <td>
                    <time dateTime={p.printedAt}>{formatDateTime(p.printedAt, language)}</time>
                  </td>
                  <td>
                    {p.firstName} {p.lastName}
                  </td>
                  <td>{p.printJobId ? t('howJob') : t('howSingle')}</td>
                  <td>{p.printedByEmail ?? ''}</td>
                  <td>
                    {p.reason ?? ''}
                    {p.failedAt ? ` — ${t('state_failed')} : ${p.failureReason ?? ''}` : ''}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      ) : null}
      <h3>{t('spoiledListTitle')}</h3>
      {spoiled && spoiled.length === 0 ? <p>{t('spoiledListNone')}</p> : null}
      {spoiled && spoiled.length ? (
        <ScrollRegion label={t('spoiledListCaption')}>
          <table className="print-log">
            <caption>{t('spoiledListCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('colReported')}</th>
                <th scope="col">{t('colPerson')}</th>
                <th scope="col">{t('colHow')}</th>
                <th scope="col">{t('colPrinted')}</th>
                <th scope="col">{t('colReason')}</th>
              </tr>
            </thead>
            <tbody>
              {spoiled.map((p) => (
                <tr key={p.id}>
                  <td>{p.failedAt ? <time dateTime={p.failedAt}>{formatDateTime(p.failedAt, language)}</time> : null}</td>
                  <td>
                    {p.firstName} {p.lastName}
                  </td>
                  <td>{p.printJobId ? t('howJob') : t('howSingle')}</td>
                  <td>
                    <time dateTime={p.printedAt}>{formatDateTime(p.printedAt, language)}</time>
                    {p.printedByEmail ? ` · ${p.printedByEmail}` : ''}
                  </td>
                  <td>{p.failureReason ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      ) : null}
    </section>
  );
}

/**
 * Reporting badges that did not come out (paper jam, misprint): a job of the log, the whole job or some
 * of its pages, and the reason (`POST …/print-jobs/:jobId/failed`). The server marks them failed in the
 * log and offers them again under « not yet printed »; its answer or refusal is shown.
 */
function SpoiledForm({ eventId, jobs, describe, onReported }: { eventId: string; jobs: JobSummary[]; describe(j: JobSummary): string; onReported(): void }) {
  const t = useT(badgeMessages);
  const { language } = useLanguage();
  const ids = useId();
  const [jobId, setJobId] = useState('');
  const [scope, setScope] = useState<'pages' | 'whole'>('pages');
  const [pagesText, setPagesText] = useState('');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<ApiErrorBody | string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const chosen = jobs.find((j) => j.id === jobId) ?? jobs[0];

  async function report(e: FormEvent) {
    e.preventDefault();
    setError(null);
    setDone(null);
    const body: Schemas['MarkPrintJobFailedDto'] = { reason: reason.trim() };
    if (scope === 'pages') {
      const pages = parsePages(pagesText);
      if (!pages) return setError(t('spoiledPagesUnreadable'));
      body.pages = pages;
    }
    setBusy(true);
    const res = await api
      .POST('/api/events/{eventId}/badges/print-jobs/{jobId}/failed', { params: { path: { eventId, jobId: chosen.id } }, body })
      .catch(() => ({ data: undefined, error: undefined, response: undefined }));
    setBusy(false);
    if (!res.data) return setError(errorBody(res.error, res.response));
    setDone(t(res.data.state === 'failed' ? 'spoiledDoneAll' : 'spoiledDone', { n: res.data.failedBadges, badges: res.data.badges }));
    setPagesText('');
    onReported();
  }

  return (
    <>
      <h3 id={`${ids}-title`}>{t('spoiledTitle')}</h3>
      <p>{t('spoiledIntro')}</p>
      <form onSubmit={report} className="spoiled-form" aria-labelledby={`${ids}-title`}>
        <div className="field">
          <label htmlFor={`${ids}-job`}>{t('spoiledJob')}</label>
          <select id={`${ids}-job`} value={chosen.id} onChange={(e) => setJobId(e.target.value)}>
            {jobs.map((j) => (
              <option key={j.id} value={j.id}>
                {t('spoiledJobOption', { date: formatDateTime(j.createdAt, language), badges: j.badges, pages: j.pages, what: describe(j) })}
              </option>
            ))}
          </select>
        </div>
        <fieldset>
          <legend>{t('spoiledWhich')}</legend>
          <label className="choice">
            <input type="radio" name={`${ids}-scope`} value="pages" checked={scope === 'pages'} onChange={() => setScope('pages')} /> {t('spoiledSomePages')}
          </label>
          <label className="choice">
            <input type="radio" name={`${ids}-scope`} value="whole" checked={scope === 'whole'} onChange={() => setScope('whole')} /> {t('spoiledWhole', { badges: chosen.badges })}
          </label>
        </fieldset>
        {scope === 'pages' ? (
          <div className="field">
            <label htmlFor={`${ids}-pages`}>{t('spoiledPages', { pages: chosen.pages })}</label>
            <input id={`${ids}-pages`} value={pagesText} inputMode="numeric" required onChange={(e) => setPagesText(e.target.value)} />
          </div>
        ) : null}
        <div className="field">
          <label htmlFor={`${ids}-reason`}>{t('spoiledReason')}</label>
          <input id={`${ids}-reason`} value={reason} maxLength={500} required onChange={(e) => setReason(e.target.value)} />
        </div>
        <div className="form-actions">
          <button type="submit" disabled={busy}>
            {t('spoiledSubmit')}
          </button>
        </div>
      </form>
      <ErrorAlert error={error} />
      {done ? <Notice>{done}</Notice> : null}
    </>
  );
}
