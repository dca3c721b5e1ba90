import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { api, type Schemas } from '../api/client';
import { RequireAuth } from '../auth/RequireAuth';
import { useLanguage, useT } from '../i18n/i18n';
import { formatDateTime } from '../time/paris';
import { ErrorAlert, Notice, PageTitle } from '../ui/ui';
import { proposalMessages } from './messages';
import { titleOf, type Submission } from './proposal-values';
import { proposalStates } from './proposal-states';

type EventResponse = Schemas['EventResponse'];

/** /app/proposals: the proposals the signed-in person signs, with their state. */
export function ProposalsPage() {
  return (
    <RequireAuth roles={['speaker', 'organiser']}>
      <ProposalList />
    </RequireAuth>
  );
}

function ProposalList() {
  const t = useT(proposalMessages);
  const ts = useT(proposalStates);
  const { language } = useLanguage();
  const [items, setItems] = useState<Submission[] | null>(null);
  const [events, setEvents] = useState<Map<string, EventResponse>>(new Map());
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    let live = true;
    Promise.all([
      api.GET('/api/me/submissions', { params: { query: { pageSize: 100, sort: 'updatedAt', order: 'desc' } } }),
      api.GET('/api/events', { params: { query: { pageSize: 100 } } }),
    ])
      .then(([mine, all]) => {
        if (!live) return;
        if (!mine.data) return setFailed(true);
        setItems(mine.data.items);
        setEvents(new Map((all.data?.items ?? []).map((e) => [e.id, e])));
      })
      .catch(() => live && setFailed(true));
    return () => {
      live = false;
    };
  }, []);

  const eventName = (id: string) => {
    const e = events.get(id);
    return e ? (language === 'en' && e.nameEn ? e.nameEn : e.nameFr) : '';
  };

  return (
    <main id="main">
      <PageTitle title={t('listTitle')}>{t('listTitle')}</PageTitle>
      <p>{t('listIntro')}</p>
      {failed ? <ErrorAlert error={t('loadFailed')} /> : null}
      {!items && !failed ? <Notice>{t('loading')}</Notice> : null}
      {items && items.length === 0 ? (
        <p>
          {t('none')} <Link to="/">{t('home')}</Link>
        </p>
      ) : null}
      {items && items.length ? (
        <table className="proposals">
          <caption className="visually-hidden">{t('listTitle')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('colTitle')}</th>
              <th scope="col">{t('colEvent')}</th>
              <th scope="col">{t('colState')}</th>
              <th scope="col">{t('colUpdated')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((s) => (
              <tr key={s.id}>
                <td>
                  <Link to={`/proposals/${s.id}`}>{titleOf(s, language) ?? t('untitled')}</Link>
                </td>
                <td>{eventName(s.eventId)}</td>
                <td>
                  <span className={`state state-${s.state}`}>{ts(`state_${s.state}`)}</span>
                </td>
                <td>
                  <time dateTime={s.updatedAt}>{formatDateTime(s.updatedAt, language)}</time>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </main>
  );
}
