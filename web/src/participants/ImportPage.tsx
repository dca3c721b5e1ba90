/**
 * /app/events/:slug/participants/import (organisers): the CSV import as a page. The file is sent
 * with its upload progress (XMLHttpRequest upload events) as an import job; the page then polls the
 * job and shows how far the server has checked the rows, so a file of 20,000 rows never leaves a
 * frozen page. The answer is the server's report: the counts, or every bad row with its line, its
 * email, the column and the problem, beside the content of that line of the file as chosen. All or
 * nothing, or the valid rows only; after fixing, the file is chosen again and imported again.
 */
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { api, errorBody, type ApiErrorBody, type Schemas } from '../api/client';
import { RequireAuth } from '../auth/RequireAuth';
import { useLanguage, useT } from '../i18n/i18n';
import { ErrorAlert, Notice, PageTitle, ScrollRegion } from '../ui/ui';
import { eventName, useEventBySlug, type EventResponse } from './event';
import { participantMessages } from './messages';
import { uploadFile, type UploadProgress } from './upload';
import './participants.css';

type ImportResult = Schemas['ImportParticipantsResponse'];
type ImportJob = Schemas['ImportJobResponse'];
type Mode = 'all-or-nothing' | 'valid-rows';

const POLL_MS = 400;

export function ImportPage() {
  return (
    <RequireAuth roles={['organiser']}>
      <Import />
    </RequireAuth>
  );
}

function Import() {
  const t = useT(participantMessages);
  const { language } = useLanguage();
  const { slug = '' } = useParams();
  const loaded = useEventBySlug(slug);
  const title = loaded.state === 'ready' ? `${t('importTitle')} — ${eventName(loaded.event, language)}` : t('importTitle');
  return (
    <main id="main" className="participants-page">
      <p className="breadcrumb">
        <Link to={`/events/${slug}/participants`}>{t('importBack')}</Link>
      </p>
      <PageTitle title={title}>{title}</PageTitle>
      {loaded.state === 'loading' ? <Notice>{t('loading')}</Notice> : null}
      {loaded.state === 'failed' ? <ErrorAlert error={t('loadFailed')} /> : null}
      {loaded.state === 'no-event' ? <ErrorAlert error={t('noEvent')} /> : null}
      {loaded.state === 'ready' ? <ImportForm event={loaded.event} /> : null}
    </main>
  );
}

type Stage =
  | { kind: 'idle' }
  | { kind: 'uploading'; progress: UploadProgress }
  | { kind: 'working'; job: ImportJob | null; since: number }
  | { kind: 'done'; result: ImportResult; mode: Mode }
  | { kind: 'refused'; report: ImportResult }
  | { kind: 'error'; error: ApiErrorBody };

function ImportForm({ event }: { event: EventResponse }) {
  const t = useT(participantMessages);
  const { slug = '' } = useParams();
  const fileId = useId();
  const [file, setFile] = useState<File | null>(null);
  const [mode, setMode] = useState<Mode>('all-or-nothing');
  const [stage, setStage] = useState<Stage>({ kind: 'idle' });
  const [lines, setLines] = useState<string[]>([]);
  const [missing, setMissing] = useState(false);
  const [now, setNow] = useState(Date.now());
  const reportRef = useRef<HTMLHeadingElement>(null);
  const sentFile = useRef<File | null>(null);

  // the seconds shown while the server works
  useEffect(() => {
    if (stage.kind !== 'working') return;
    const timer = setInterval(() => setNow(Date.now()), 500);
    return () => clearInterval(timer);
  }, [stage.kind]);

  useEffect(() => {
    if (stage.kind === 'done' || stage.kind === 'refused' || stage.kind === 'error') reportRef.current?.focus();
  }, [stage.kind]);

  async function run(chosen: File, chosenMode: Mode) {
    sentFile.current = chosen;
    setStage({ kind: 'uploading', progress: { loaded: 0, total: chosen.size, sent: false } });
    // the lines of the file as chosen, to show each refused line's content beside the report
    void chosen.text().then((text) => setLines(text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/)), () => setLines([]));
    const url = `/api/events/${encodeURIComponent(event.id)}/participants/import-jobs?mode=${chosenMode}`;
    const answer = await uploadFile(url, 'file', chosen, (progress) => {
      setStage((s) => (s.kind === 'uploading' ? (progress.sent ? { kind: 'working', job: null, since: Date.now() } : { kind: 'uploading', progress }) : s));
    });
    if (answer.status !== 202) return setStage({ kind: 'error', error: errorBody(answer.body) });
    let job = answer.body as ImportJob;
    setStage({ kind: 'working', job, since: Date.now() });
    while (job.state === 'running') {
      await new Promise((r) => setTimeout(r, POLL_MS));
      const res = await api
        .GET('/api/events/{eventId}/participants/import-jobs/{jobId}', { params: { path: { eventId: event.id, jobId: job.id } } })
        .catch(() => ({ data: undefined, error: undefined, response: undefined }));
      if (!res.data) return setStage({ kind: 'error', error: errorBody(res.error, res.response) });
      job = res.data;
      const current = job;
      setStage((s) => (s.kind === 'working' ? { ...s, job: current } : s));
    }
    if (job.state === 'done' && job.result) return setStage({ kind: 'done', result: job.result, mode: chosenMode });
    const error = job.error as ApiErrorBody | null;
    if (error?.error === 'IMPORT_ROWS_INVALID' && error.details) return setStage({ kind: 'refused', report: error.details as unknown as ImportResult });
    setStage({ kind: 'error', error: error ?? errorBody(null) });
  }

  function submit(e: FormEvent) {
    e.preventDefault();
    if (!file) {
      setMissing(true);
      document.getElementById(fileId)?.focus();
      return;
    }
    setMissing(false);
    void run(file, mode);
  }

  const busy = stage.kind === 'uploading' || stage.kind === 'working';

  return (
    <>
      <p>{t('importIntro')}</p>
      <form onSubmit={submit} className="import-form" aria-busy={busy}>
        <div className="field">
          <label htmlFor={fileId}>{t('file')}</label>
          <input
            id={fileId}
            type="file"
            accept=".csv,text/csv"
            aria-describedby={`${fileId}-hint${missing ? ` ${fileId}-error` : ''}`}
            aria-invalid={missing ? true : undefined}
            onChange={(e) => {
              setFile(e.target.files?.[0] ?? null);
              setMissing(false);
            }}
          />
          <p className="hint" id={`${fileId}-hint`}>
            {t('fileHint')}
          </p>
          {missing ? (
            <p className="field-error" id={`${fileId}-error`}>
              {t('chooseFile')}
            </p>
          ) : null}
        </div>
        <fieldset>
          <legend>{t('mode')}</legend>
          <label className="choice">
            <input type="radio" name="mode" value="all-or-nothing" checked={mode === 'all-or-nothing'} onChange={() => setMode('all-or-nothing')} /> {t('modeAll')}
          </label>
          <label className="choice">
            <input type="radio" name="mode" value="valid-rows" checked={mode === 'valid-rows'} onChange={() => setMode('valid-rows')} /> {t('modeValid')}
          </label>
        </fieldset>
        <button type="submit" disabled={busy}>
          {t('send')}
        </button>
      </form>

      {stage.kind === 'uploading' ? (
        <div className="progress" role="status">
          <label htmlFor="import-upload">{t('uploading', { percent: Math.floor((stage.progress.loaded / Math.max(stage.progress.total, 1)) * 100) })}</label>
          <progress id="import-upload" max={stage.progress.total} value={stage.progress.loaded} />
        </div>
      ) : null}
      {stage.kind === 'working' ? (
        <div className="progress" role="status">
          <label htmlFor="import-server">
            {t('serverWorking', { rows: stage.job?.rows ?? '…', seconds: Math.max(0, Math.round((now - stage.since) / 1000)) })}
            {stage.job && stage.job.rows ? ` ${t('checkedRows', { checked: stage.job.checkedRows, rows: stage.job.rows })}` : ''}
            {stage.job?.phase === 'writing' ? ` ${t('phaseWriting')}` : ''}
          </label>
          {stage.job && stage.job.rows ? (
            <progress id="import-server" max={stage.job.rows} value={stage.job.checkedRows} />
          ) : (
            <progress id="import-server" />
          )}
        </div>
      ) : null}

      {stage.kind === 'done' || stage.kind === 'refused' || stage.kind === 'error' ? (
        <section aria-labelledby="import-report" className="import-report">
          <h2 id="import-report" ref={reportRef} tabIndex={-1}>
            {t('reportTitle')}
          </h2>
          {stage.kind === 'error' ? <ErrorAlert error={t('failed', { message: stage.error.message })} /> : null}
          {stage.kind === 'error' && Array.isArray((stage.error.details as { missing?: unknown } | undefined)?.missing) ? (
            <p>{t('missingColumns', { columns: ((stage.error.details as { missing: string[] }).missing).join(', ') })}</p>
          ) : null}
          {stage.kind === 'refused' ? (
            <>
              <ErrorAlert error={t('refused', { rejected: stage.report.rejected, rows: stage.report.rows })} />
              <p>{t('reimport')}</p>
              <button type="button" onClick={() => sentFile.current && void run(sentFile.current, 'valid-rows')}>
                {t('importValidNow', { n: stage.report.rows - stage.report.rejected })}
              </button>
              <Report report={stage.report} lines={lines} />
            </>
          ) : null}
          {stage.kind === 'done' ? (
            <>
              <Notice>{t('done', { rows: stage.result.rows, created: stage.result.created, updated: stage.result.updated, unchanged: stage.result.unchanged, rejected: stage.result.rejected })}</Notice>
              {stage.result.rejected ? <Report report={stage.result} lines={lines} /> : null}
              <p>
                <Link to={`/events/${slug}/participants`}>{t('seeList')}</Link>
              </p>
            </>
          ) : null}
        </section>
      ) : null}
    </>
  );
}

function Report({ report, lines }: { report: ImportResult; lines: string[] }) {
  const t = useT(participantMessages);
  return (
    <>
      {report.ignoredColumns.length ? <p>{t('ignoredColumns', { columns: report.ignoredColumns.join(', ') })}</p> : null}
      <ScrollRegion label={t('reportCaption', { n: report.rejected })}>
        <table className="import-rows">
          <caption>{t('reportCaption', { n: report.rejected })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('colLine')}</th>
              <th scope="col">{t('colEmail')}</th>
              <th scope="col">{t('colColumn')}</th>
              <th scope="col">{t('colProblem')}</th>
              <th scope="col">{t('colContent')}</th>
            </tr>
          </thead>
          <tbody>
            {report.rejectedRows.flatMap((row) =>
              row.errors.map((e, i) => (
                <tr key={`${row.line}-${i}`}>
                  {i === 0 ? (
                    <th scope="row" rowSpan={row.errors.length}>
                      {row.line}
                    </th>
                  ) : null}
                  {i === 0 ? <td rowSpan={row.errors.length}>{row.email ?? ''}</td> : null}
                  <td>{e.column || t('wholeRow')}</td>
                  <td>{e.message}</td>
                  {i === 0 ? (
                    <td rowSpan={row.errors.length}>
                      <code>{(lines[row.line - 1] ?? '').slice(0, 200)}</code>
                    </td>
                  ) : null}
                </tr>
              )),
            )}
          </tbody>
        </table>
      </ScrollRegion>
    </>
  );
}
