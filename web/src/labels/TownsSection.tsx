import { useEffect, useId, useState } from 'react';
import { api, errorBody, type Schemas } from '../api/client';
import { useT } from '../i18n/i18n';
import { ErrorAlert, Field } from '../ui/ui';
import type { LabelYear } from './LabelsPage';
import { labelMessages } from './messages';
import { publicApi } from './public-api';

type Award = Schemas['LabelAwardResponse'];
const PAGE_SIZE = 50;

/**
 * The labelled towns, searched and paged by the API. The « view as public » switch asks the same
 * list without the session's token, so what is shown is what the server gives anyone: before the
 * reveal, towns without their level.
 */
export function TownsSection({ info, version }: { info: LabelYear; version: number }) {
  const t = useT(labelMessages);
  const switchId = useId();
  const [asPublic, setAsPublic] = useState(false);
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const [answer, setAnswer] = useState<{ items: Award[]; total: number; asPublic: boolean } | null>(null);
  const [failed, setFailed] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    const client = asPublic ? publicApi : api;
    const query = { page, pageSize: PAGE_SIZE, sort: 'name' as const, ...(q.trim() ? { q: q.trim() } : {}) };
    client
      .GET('/api/labels/{year}/awards', { params: { path: { year: info.year }, query } })
      .then(({ data, error, response }) => {
        if (!live) return;
        if (data) {
          setAnswer({ items: data.items, total: data.total, asPublic });
          setFailed(null);
        } else setFailed(errorBody(error, response).message);
      })
      .catch(() => live && setFailed('network error'));
    return () => {
      live = false;
    };
  }, [info.year, asPublic, q, page, version]);

  // the answer for the view chosen (the other view's answer is not shown while the new one comes)
  const list = answer && answer.asPublic === asPublic ? answer : null;
  const pages = list ? Math.max(1, Math.ceil(list.total / PAGE_SIZE)) : 1;
  const showLevel = list?.items.some((a) => a.level !== undefined) ?? !asPublic;
  return (
    <section id="towns" aria-labelledby="towns-title">
      <h2 id="towns-title">{t('townsTitle')}</h2>
      <div className="towns-tools">
        <div className="switch">
          <input
            id={switchId}
            type="checkbox"
            role="switch"
            checked={asPublic}
            onChange={(e) => {
              setAsPublic(e.target.checked);
              setPage(1);
            }}
          />
          <label htmlFor={switchId}>{t('publicSwitch')}</label>
        </div>
        <Field
          label={t('search')}
          type="search"
          value={q}
          onChange={(e) => {
            setQ(e.target.value);
            setPage(1);
          }}
        />
      </div>
      {asPublic ? <p className="public-note" role="status">{info.revealed ? t('publicNoteRevealed') : t('publicNoteEmbargo')}</p> : null}
      <ErrorAlert error={failed ? t('loadFailed', { message: failed }) : null} />
      {list && !list.items.length ? <p>{t('noTowns')}</p> : null}
      {list?.items.length ? (
        <>
          <table className={asPublic ? 'towns public' : 'towns'}>
            <caption className="visually-hidden">{asPublic ? `${t('townsTitle')} — ${t('publicSwitch')}` : t('townsTitle')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('colTown')}</th>
                <th scope="col">{t('colInsee')}</th>
                <th scope="col">{t('colDepartement')}</th>
                <th scope="col">{t('colRegion')}</th>
                {showLevel ? <th scope="col">{t('colLevel')}</th> : null}
                <th scope="col">{t('colFirst')}</th>
              </tr>
            </thead>
            <tbody>
              {list.items.map((a) => (
                <tr key={a.id}>
                  <th scope="row">{a.townName}</th>
                  <td>{a.insee}</td>
                  <td>{a.departement}</td>
                  <td>{a.region}</td>
                  {showLevel ? <td>{a.level !== undefined ? t('levelLabel', { n: a.level }) : t('hidden')}</td> : null}
                  <td>{a.firstParticipation ? t('yes') : t('no')}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <div className="pager">
            <button type="button" disabled={page <= 1} onClick={() => setPage(page - 1)}>
              {t('previousPage')}
            </button>
            <span aria-live="polite">{t('pageOf', { page, pages, total: list.total })}</span>
            <button type="button" disabled={page >= pages} onClick={() => setPage(page + 1)}>
              {t('nextPage')}
            </button>
          </div>
        </>
      ) : null}
    </section>
  );
}
