import { useEffect, useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { api, type Schemas } from '../api/client';
import { RequireAuth } from '../auth/RequireAuth';
import { useT } from '../i18n/i18n';
import { ErrorAlert, Field, Notice, PageTitle } from '../ui/ui';
import { labelMessages } from './messages';

/** /app/labels: the label's years (latest first), and a way to open a year not yet created (to import its palmarès). */
export function LabelYearsPage() {
  return (
    <RequireAuth roles={['organiser']}>
      <LabelYears />
    </RequireAuth>
  );
}

function LabelYears() {
  const t = useT(labelMessages);
  const navigate = useNavigate();
  const [years, setYears] = useState<Schemas['LabelYearResponse'][] | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  const [year, setYear] = useState(String(new Date().getFullYear()));

  useEffect(() => {
    api
      .GET('/api/labels', { params: { query: { pageSize: 100 } } })
      .then(({ data, error }) => (data ? setYears(data.items) : setFailed(error?.message ?? '')))
      .catch(() => setFailed('network error'));
  }, []);

  const open = (e: FormEvent) => {
    e.preventDefault();
    if (/^\d{4}$/.test(year)) void navigate(`/labels/${year}`);
  };

  return (
    <main id="main">
      <PageTitle title={t('indexTitle')}>{t('indexTitle')}</PageTitle>
      {failed !== null ? <ErrorAlert error={t('loadFailed', { message: failed })} /> : null}
      {!years && failed === null ? <Notice>{t('loading')}</Notice> : null}
      {years && !years.length ? <p>{t('noYears')}</p> : null}
      {years?.length ? (
        <ul>
          {years.map((y) => (
            <li key={y.year}>
              <Link to={`/labels/${y.year}`}>{t('title', { year: y.year })}</Link> — {y.towns}
            </li>
          ))}
        </ul>
      ) : null}
      <form onSubmit={open} className="inline-form">
        <Field label={t('yearLabel')} inputMode="numeric" pattern="\d{4}" value={year} onChange={(e) => setYear(e.target.value)} />
        <button type="submit">{t('open')}</button>
      </form>
    </main>
  );
}
