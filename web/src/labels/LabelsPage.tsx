import { useCallback, useEffect, useState } from 'react';
import { useParams } from 'react-router';
import { api, errorBody, type ApiErrorBody, type Schemas } from '../api/client';
import { RequireAuth } from '../auth/RequireAuth';
import { useT } from '../i18n/i18n';
import { ErrorAlert, Notice, PageTitle } from '../ui/ui';
import { CeremonySection } from './CeremonySection';
import { ImportSection } from './ImportSection';
import { labelMessages } from './messages';
import { RevealSection } from './RevealSection';
import { StatsSection } from './StatsSection';
import { TownsSection } from './TownsSection';
import './labels.css';

export type LabelYear = Schemas['LabelYearResponse'];

/**
 * /app/labels/:year (organisers): the reveal, the palmarès import with its report, the figures as
 * charts, the towns (and how the public sees them), the ceremony's delegates, running order and
 * certificates. After an import or a reveal every section reads the API again (`version`).
 */
export function LabelsPage() {
  return (
    <RequireAuth roles={['organiser']}>
      <LabelsYear />
    </RequireAuth>
  );
}

function LabelsYear() {
  const t = useT(labelMessages);
  const params = useParams();
  const year = /^\d{4}$/.test(params.year ?? '') ? Number(params.year) : null;
  const [info, setInfo] = useState<LabelYear | 'missing' | null>(null);
  const [error, setError] = useState<ApiErrorBody | null>(null);
  const [version, setVersion] = useState(0);

  useEffect(() => {
    if (year === null) return;
    let live = true;
    api
      .GET('/api/labels/{year}', { params: { path: { year } } })
      .then(({ data, error: e, response }) => {
        if (!live) return;
        if (data) setInfo(data);
        else if (response.status === 404) setInfo('missing');
        else setError(errorBody(e, response));
      })
      .catch(() => live && setError(errorBody(null)));
    return () => {
      live = false;
    };
  }, [year, version]);

  const changed = useCallback(() => setVersion((v) => v + 1), []);

  if (year === null) {
    return (
      <main id="main">
        <PageTitle title={t('indexTitle')}>{t('indexTitle')}</PageTitle>
        <ErrorAlert error={t('badYear')} />
      </main>
    );
  }
  const known = info && info !== 'missing' ? info : null;
  return (
    <main id="main" className="labels-page">
      <PageTitle title={t('title', { year })}>{t('title', { year })}</PageTitle>
      {error ? <ErrorAlert error={t('loadFailed', { message: error.message })} /> : null}
      {!info && !error ? <Notice>{t('loading')}</Notice> : null}
      <nav aria-label={t('toc')} className="labels-toc">
        <ul>
          <li><a href="#reveal">{t('revealTitle')}</a></li>
          <li><a href="#import">{t('importTitle')}</a></li>
          <li><a href="#stats">{t('statsTitle')}</a></li>
          <li><a href="#towns">{t('townsTitle')}</a></li>
          <li><a href="#ceremony">{t('ceremonyTitle')}</a></li>
        </ul>
      </nav>
      {info === 'missing' ? <p>{t('noYear', { year })}</p> : null}
      {known ? <RevealSection info={known} onChanged={changed} /> : null}
      <ImportSection year={year} onImported={changed} />
      {known && known.towns > 0 ? (
        <>
          <StatsSection year={year} version={version} />
          <TownsSection info={known} version={version} />
          <CeremonySection year={year} version={version} />
        </>
      ) : null}
    </main>
  );
}
