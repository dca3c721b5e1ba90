import { useEffect, useRef, useState, type RefObject } from 'react';
import { api, errorBody, type Schemas } from '../api/client';
import { useLanguage, useT } from '../i18n/i18n';
import { formatDateTime } from '../time/paris';
import { ErrorAlert, Notice } from '../ui/ui';
import { formatBytes } from './format';
import { labelMessages } from './messages';
import { usePdfDownload, type DownloadState } from './use-pdf-download';

type RunningOrder = Schemas['RunningOrderResponse'];

/**
 * The ceremony as GET /api/labels/:year/ceremony/running-order gives it: towns by level, region and
 * name, each with its delegates (seat, present or not) — the delegates per town and the running
 * order in one — and the PDFs to download (the running order, all the certificates, one town's),
 * with the progress of each while the server draws it and while it arrives.
 */
export function CeremonySection({ year, version }: { year: number; version: number }) {
  const t = useT(labelMessages);
  const { language } = useLanguage();
  const [order, setOrder] = useState<RunningOrder | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  const download = usePdfDownload();
  const [what, setWhat] = useState('');
  const saveRef = useRef<HTMLAnchorElement>(null);

  useEffect(() => {
    let live = true;
    api
      .GET('/api/labels/{year}/ceremony/running-order', { params: { path: { year } } })
      .then(({ data, error, response }) => {
        if (!live) return;
        if (data) {
          setOrder(data);
          setFailed(null);
        } else setFailed(errorBody(error, response).message);
      })
      .catch(() => live && setFailed('network error'));
    return () => {
      live = false;
    };
  }, [year, version]);

  useEffect(() => {
    if (download.state.phase === 'ready') saveRef.current?.focus();
  }, [download.state.phase]);

  const certificates = (insee?: string, town?: string) => {
    setWhat(town ? t('certificate', { town }) : t('certificatesAll'));
    void download.start(
      () => api.GET('/api/labels/{year}/ceremony/certificates.pdf', { params: { path: { year }, query: insee ? { insee } : {} }, parseAs: 'stream' }),
      insee ? `label-${year}-diplome-${insee}.pdf` : `label-${year}-diplomes.pdf`,
    );
  };
  const runningOrderPdf = () => {
    setWhat(t('runningOrderPdf'));
    void download.start(() => api.GET('/api/labels/{year}/ceremony/running-order.pdf', { params: { path: { year } }, parseAs: 'stream' }), `label-${year}-ordre-de-passage.pdf`);
  };
  const busy = download.state.phase === 'drawing' || download.state.phase === 'receiving';

  return (
    <section id="ceremony" aria-labelledby="ceremony-title">
      <h2 id="ceremony-title">{t('ceremonyTitle')}</h2>
      <ErrorAlert error={failed ? t('ceremonyFailed', { message: failed }) : null} />
      {order ? (
        <>
          {order.ceremonyStartsAt ? <p>{order.eventName} — {formatDateTime(order.ceremonyStartsAt, language)}</p> : null}
          <p>{t('totals', { towns: order.totals.towns, delegates: order.totals.delegates, present: order.totals.present })}</p>
          <div className="downloads">
            <button type="button" onClick={runningOrderPdf} disabled={busy}>
              {t('runningOrderPdf')}
            </button>
            <button type="button" onClick={() => certificates()} disabled={busy}>
              {t('certificatesAll')}
            </button>
          </div>
          <DownloadProgress state={download.state} what={what} saveRef={saveRef} />
          {order.levels.map((level) => (
            <div key={level.level} className="running-level">
              <h3>{t('levelLabel', { n: level.level })}</h3>
              <table className="running-order">
                <caption className="visually-hidden">{`${t('ceremonyTitle')} — ${t('levelLabel', { n: level.level })}`}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('colPosition')}</th>
                    <th scope="col">{t('colTown')}</th>
                    <th scope="col">{t('colRegion')}</th>
                    <th scope="col">{t('colDelegates')}</th>
                    <th scope="col">
                      <span className="visually-hidden">{t('certificatesAll')}</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {level.towns.map((town) => (
                    <tr key={town.insee}>
                      <td>{town.position}</td>
                      <th scope="row">
                        {town.name} ({town.departement})
                      </th>
                      <td>{town.region}</td>
                      <td>
                        {town.delegates.length ? (
                          <ul className="delegates">
                            {town.delegates.map((d) => (
                              <li key={d.participantId}>
                                {d.present ? '✓ ' : ''}
                                {d.firstName} {d.lastName}
                                {d.present ? ` (${t('present')})` : d.admission === 'waiting' ? ` (${t('waiting')})` : d.admission === 'requested' ? ` (${t('requested')})` : ''}
                              </li>
                            ))}
                          </ul>
                        ) : (
                          t('noDelegates')
                        )}
                      </td>
                      <td>
                        <button type="button" className="link-like" onClick={() => certificates(town.insee, town.name)} disabled={busy}>
                          {t('certificate', { town: town.name })}
                        </button>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ))}
        </>
      ) : !failed ? (
        <Notice>{t('loading')}</Notice>
      ) : null}
    </section>
  );
}

function DownloadProgress({ state, what, saveRef }: { state: DownloadState; what: string; saveRef: RefObject<HTMLAnchorElement | null> }) {
  const t = useT(labelMessages);
  const { language } = useLanguage();
  if (state.phase === 'idle') return null;
  if (state.phase === 'failed') return <ErrorAlert error={t('downloadFailed', { message: state.message })} />;
  if (state.phase === 'ready') {
    return (
      <p className="download-ready" role="status">
        {t('ready', { what })}
        <a ref={saveRef} href={state.url} download={state.file}>
          {t('save', { file: state.file, size: formatBytes(state.size, language) })}
        </a>
      </p>
    );
  }
  const label = t('progressLabel', { what });
  return (
    <div className="download-progress">
      {state.phase === 'drawing' ? (
        <>
          <progress aria-label={label} />
          <p role="status">{t('drawing', { what, seconds: state.seconds })}</p>
        </>
      ) : (
        <>
          <progress aria-label={label} max={state.total ?? undefined} value={state.total ? state.done : undefined} />
          <p>{state.total ? t('downloadingBytes', { done: formatBytes(state.done, language), total: formatBytes(state.total, language) }) : t('downloadingBytesUnknown', { done: formatBytes(state.done, language) })}</p>
        </>
      )}
    </div>
  );
}
