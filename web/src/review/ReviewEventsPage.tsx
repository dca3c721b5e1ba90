import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { api } from '../api/client';
import { RequireAuth } from '../auth/RequireAuth';
import { useLanguage, useT } from '../i18n/i18n';
import { formatDate } from '../time/paris';
import { ErrorAlert, Notice, PageTitle } from '../ui/ui';
import { nameOf, type EventResponse } from './event';
import { reviewMessages } from './messages';
import './review.css';

/** /app/review: the menu's way in, one link per event to its proposals. */
export function ReviewEventsPage() {
  return (
    <RequireAuth roles={['organiser']}>
      <Events />
    </RequireAuth>
  );
}

function Events() {
  const t = useT(reviewMessages);
  const { language } = useLanguage();
  const [events, setEvents] = useState<EventResponse[] | 'failed' | null>(null);
  useEffect(() => {
    let live = true;
    api
      .GET('/api/events', { params: { query: { pageSize: 100 } } })
      .then(({ data }) => live && setEvents(data ? data.items : 'failed'))
      .catch(() => live && setEvents('failed'));
    return () => {
      live = false;
    };
  }, []);
  return (
    <main id="main">
      <PageTitle title={t('menuTitle')}>{t('menuTitle')}</PageTitle>
      {events === null ? <Notice>{t('loading')}</Notice> : null}
      {events === 'failed' ? <ErrorAlert error={t('loadFailed')} /> : null}
      {Array.isArray(events) ? (
        events.length === 0 ? (
          <p>{t('noEvent')}</p>
        ) : (
          <>
            <p>{t('chooseEvent')}</p>
            <ul>
              {events.map((e) => (
                <li key={e.id}>
                  <Link to={`/events/${encodeURIComponent(e.slug)}/proposals`}>{nameOf(e, language)}</Link> ({formatDate(e.startsAtUtc, language, e.timeZone)})
                </li>
              ))}
            </ul>
          </>
        )
      ) : null}
    </main>
  );
}
