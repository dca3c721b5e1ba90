import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { api, type Schemas } from '../api/client';
import { useLanguage, useT } from '../i18n/i18n';
import { formatRange } from '../time/paris';
import { ErrorAlert, PageTitle } from '../ui/ui';
import { homeMessages } from './messages';

type EventResponse = Schemas['EventResponse'];

/** /app/: the events with their dates in the event's zone, their programme and call for papers. */
export function HomePage() {
  const t = useT(homeMessages);
  const { language } = useLanguage();
  const [events, setEvents] = useState<EventResponse[] | null>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    let live = true;
    api
      .GET('/api/events', { params: { query: { sort: 'startsAt', order: 'asc', pageSize: 50 } } })
      .then(({ data }) => {
        if (!live) return;
        if (data) setEvents(data.items);
        else setFailed(true);
      })
      .catch(() => live && setFailed(true));
    return () => {
      live = false;
    };
  }, []);

  return (
    <main id="main">
      <PageTitle title={t('title')}>{t('title')}</PageTitle>
      <p>{t('intro')}</p>
      {failed ? <ErrorAlert error={t('loadFailed')} /> : null}
      {events ? (
        <section aria-labelledby="events-heading">
          <h2 id="events-heading">{t('events')}</h2>
          <ul className="cards">
            {events.map((e) => (
              <li key={e.id} className="card">
                <h3>{language === 'en' && e.nameEn ? e.nameEn : e.nameFr}</h3>
                <p>
                  <time dateTime={e.startsAtUtc}>{formatRange(e.startsAt, e.endsAt, language, e.timeZone)}</time>
                </p>
                <p className="links">
                  <a href={`/programme/${encodeURIComponent(e.slug)}${language === 'en' ? '?lang=en' : ''}`}>{t('programme')}</a>
                  {e.kind !== 'ceremony' ? <Link to={`/events/${encodeURIComponent(e.slug)}/cfp`}>{t('cfp')}</Link> : null}
                </p>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </main>
  );
}
