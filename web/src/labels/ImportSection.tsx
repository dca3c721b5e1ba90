import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { api, errorBody, type ApiErrorBody, type Schemas } from '../api/client';
import { useLanguage, useT } from '../i18n/i18n';
import { ErrorAlert, Notice } from '../ui/ui';
import { formatBytes } from './format';
import { labelMessages } from './messages';

type ImportReport = Schemas['ImportLabelAwardsResponse'];
type Mode = 'all-or-nothing' | 'valid-rows';

/**
 * The palmarès import: a CSV file sent as the API expects it, then the server's report as a page —
 * every refused row with its line, the town as the file names it, the column and the reason, the
 * candidates of an ambiguous name listed. All-or-nothing by default (a bad row: 422 with the report,
 * nothing written); from that report, the valid rows of the same file can be imported alone.
 */
export function ImportSection({ year, onImported }: { year: number; onImported(): void }) {
  const t = useT(labelMessages);
  const { language } = useLanguage();
  const fileId = useId();
  const [file, setFile] = useState<File | null>(null);
  const [mode, setMode] = useState<Mode>('all-or-nothing');
  const [busy, setBusy] = useState(false);
  const [report, setReport] = useState<{ body: ImportReport; refused: boolean } | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  const [fileError, setFileError] = useState<string | undefined>();
  const reportRef = useRef<HTMLHeadingElement>(null);

  async function send(chosenMode: Mode) {
    if (!file) return setFileError(t('chooseFile'));
    setFileError(undefined);
    setFailed(null);
    setBusy(true);
    const body = new FormData();
    body.append('file', file);
    const { data, error, response } = await api
      .POST('/api/labels/{year}/awards/import', {
        params: { path: { year }, query: chosenMode === 'valid-rows' ? { mode: 'valid-rows' } : {} },
        body: { file: file.name },
        bodySerializer: () => body,
      })
      .catch(() => ({ data: undefined, error: undefined, response: undefined }));
    setBusy(false);
    if (data) {
      setReport({ body: data, refused: false });
      onImported();
    } else {
      const e: ApiErrorBody = errorBody(error, response);
      if (e.error === 'IMPORT_ROWS_INVALID' && e.details) setReport({ body: e.details as unknown as ImportReport, refused: true });
      else {
        setReport(null);
        setFailed(t('failed', { message: e.message }));
        return;
      }
    }
  }

  // each new report takes focus on its heading, so that it is read from its start
  useEffect(() => {
    if (report) reportRef.current?.focus();
  }, [report]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    void send(mode);
  };

  const valid = report ? report.body.rows - report.body.rejected : 0;
  return (
    <section id="import" aria-labelledby="import-title">
      <h2 id="import-title">{t('importTitle')}</h2>
      <p>{t('importIntro')}</p>
      <form onSubmit={submit}>
        <div className="field">
          <label htmlFor={fileId}>{t('file')}</label>
          <input
            id={fileId}
            type="file"
            accept=".csv,text/csv"
            aria-invalid={fileError ? true : undefined}
            aria-describedby={fileError ? `${fileId}-error` : undefined}
            onChange={(e) => {
              setFile(e.target.files?.[0] ?? null);
              setReport(null);
            }}
          />
          {fileError ? <p className="field-error" id={`${fileId}-error`}>{fileError}</p> : null}
        </div>
        <fieldset>
          <legend>{t('mode')}</legend>
          <label>
            <input type="radio" name="label-import-mode" value="all-or-nothing" checked={mode === 'all-or-nothing'} onChange={() => setMode('all-or-nothing')} /> {t('modeAll')}
          </label>
          <label>
            <input type="radio" name="label-import-mode" value="valid-rows" checked={mode === 'valid-rows'} onChange={() => setMode('valid-rows')} /> {t('modeValid')}
          </label>
        </fieldset>
        <button type="submit" disabled={busy}>
          {t('import')}
        </button>
      </form>
      {busy && file ? <Notice>{t('importing', { size: formatBytes(file.size, language) })}</Notice> : null}
      <ErrorAlert error={failed} />
      {report ? (
        <div className="import-report">
          <h3 ref={reportRef} tabIndex={-1}>
            {t('reportTitle')}
          </h3>
          {report.refused ? (
            <div className="alert error" role="alert">
              {t('reportRefused', { rejected: report.body.rejected, rows: report.body.rows })}
            </div>
          ) : (
            <Notice>
              {t('reportDone', { rows: report.body.rows, created: report.body.created, updated: report.body.updated, unchanged: report.body.unchanged, rejected: report.body.rejected })}
            </Notice>
          )}
          {report.body.ignoredColumns.length ? <p>{t('ignored', { columns: report.body.ignoredColumns.join(', ') })}</p> : null}
          {report.body.rejectedRows.length ? (
            <table className="report-table">
              <caption className="visually-hidden">{t('reportTitle')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('colLine')}</th>
                  <th scope="col">{t('colValue')}</th>
                  <th scope="col">{t('colColumn')}</th>
                  <th scope="col">{t('colProblem')}</th>
                </tr>
              </thead>
              <tbody>
                {report.body.rejectedRows.flatMap((row) =>
                  row.errors.map((error, i) => (
                    <tr key={`${row.line}-${i}`} data-line={row.line}>
                      {i === 0 ? (
                        <th scope="row" rowSpan={row.errors.length}>
                          {row.line}
                        </th>
                      ) : null}
                      {i === 0 ? <td rowSpan={row.errors.length}>{row.town ?? ''}</td> : null}
                      <td>{error.column || t('wholeRow')}</td>
                      <td>
                        {error.message}
                        {error.candidates?.length ? (
                          <>
                            <br />
                            {t('candidates')}
                            <ul className="candidates">
                              {error.candidates.map((c) => (
                                <li key={c.insee}>
                                  {c.name} ({c.departement}) — {c.insee}
                                </li>
                              ))}
                            </ul>
                          </>
                        ) : null}
                      </td>
                    </tr>
                  )),
                )}
              </tbody>
            </table>
          ) : null}
          {report.refused && valid > 0 ? (
            <button type="button" onClick={() => void send('valid-rows')} disabled={busy}>
              {t('importValidOnly', { n: valid })}
            </button>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
