import { useEffect, useState } from 'react';
import { useParams } from 'react-router';
import { api, errorBody, type Schemas } from '../api/client';
import { RequireAuth } from '../auth/RequireAuth';
import { BarChart } from '../charts/BarChart';
import { useLanguage, useT } from '../i18n/i18n';
import { formatDate, formatTime } from '../time/paris';
import { ErrorAlert, Notice, PageTitle } from '../ui/ui';
import { todayMessages } from './messages';
import './today.css';

type Stats = Schemas['CheckInStatsResponse'];
type PartStats = Schemas['CheckInPartStatsResponse'];

/** How often the figures are read again while the page is open (the API has no server-sent events). */
export const REFRESH_SECONDS = 4;

/**
 * /app/events/:slug/today (organisers and reception): for each part, admitted, checked in and still
 * expected, as numbers and a bar; today's arrivals per quarter hour (Paris time) as a chart. Reads
 * GET /api/events/:eventId/check-ins/stats again every few seconds while the desks scan, without
 * announcing each refresh (no live region on the figures: they would talk all day).
 */
export function TodayPage() {
  return (
    <RequireAuth roles={['organiser', 'reception']}>
      <Today />
    </RequireAuth>
  );
}

function Today() {
  const t = useT(todayMessages);
  const { language } = useLanguage();
  const { slug = '' } = useParams();
  const [event, setEvent] = useState<Schemas['EventResponse'] | null | 'missing'>(null);
  const [stats, setStats] = useState<Stats | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  const [paused, setPaused] = useState(false);

  useEffect(() => {
    let live = true;
    api
      .GET('/api/events', { params: { query: { slug } } })
      .then(({ data, error, response }) => {
        if (!live) return;
        if (!data) return setFailed(errorBody(error, response).message);
        setEvent(data.items[0] ?? 'missing');
      })
      .catch(() => live && setFailed('network error'));
    return () => {
      live = false;
    };
  }, [slug]);

  const eventId = event && event !== 'missing' ? event.id : null;
  useEffect(() => {
    if (!eventId || paused) return;
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const read = async () => {
      const { data, error, response } = await api
        .GET('/api/events/{eventId}/check-ins/stats', { params: { path: { eventId } } })
        .catch(() => ({ data: undefined, error: undefined, response: undefined }));
      if (!live) return;
      if (data) {
        setStats(data);
        setFailed(null);
      } else setFailed(errorBody(error, response).message);
      timer = setTimeout(() => void read(), REFRESH_SECONDS * 1000);
    };
    void read();
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [eventId, paused]);

  const name = event && event !== 'missing' ? (language === 'en' && event.nameEn ? event.nameEn : event.nameFr) : '';
  const title = name ? t('title', { event: name }) : t('titleShort');
  return (
    <main id="main" className="today-page">
      <PageTitle title={title}>{title}</PageTitle>
      {event === 'missing' ? <ErrorAlert error={t('noEvent', { slug })} /> : null}
      {failed ? <ErrorAlert error={stats ? t('stale', { message: failed }) : t('loadFailed', { message: failed })} /> : null}
      {!stats && !failed && event !== 'missing' ? <Notice>{t('loading')}</Notice> : null}
      {stats ? (
        <>
          <p className="today-clock">
            {t('today', { date: formatDate(stats.generatedAt, language), time: formatTime(stats.generatedAt, language), seconds: REFRESH_SECONDS })}{' '}
            <button type="button" aria-pressed={paused} onClick={() => setPaused(!paused)}>
              {paused ? t('resume') : t('pause')}
            </button>
          </p>
          {paused ? <Notice>{t('paused')}</Notice> : null}
          <section aria-labelledby="parts-title">
            <h2 id="parts-title">{t('partsTitle')}</h2>
            {stats.parts.length ? (
              <ul className="today-parts">
                {stats.parts.map((p) => (
                  <PartCard key={p.partId} part={p} today={stats.today} />
                ))}
              </ul>
            ) : (
              <p>{t('noParts')}</p>
            )}
          </section>
          <section aria-labelledby="arrivals-title">
            <h2 id="arrivals-title">{t('arrivalsTitle')}</h2>
            <Arrivals stats={stats} />
          </section>
        </>
      ) : null}
    </main>
  );
}

/** A part on the day: a part of another day shows that day's count; today's and whole-event parts count today's arrivals. */
function PartCard({ part, today }: { part: PartStats; today: string }) {
  const t = useT(todayMessages);
  const { language } = useLanguage();
  const otherDay = part.day !== null && part.day !== today;
  const checkedIn = part.checkedInToday;
  const expected = Math.max(0, part.admitted - checkedIn);
  const percent = part.admitted ? Math.round((checkedIn * 100) / part.admitted) : 0;
  const headingId = `part-${part.code}`;
  return (
    <li className={otherDay ? 'today-part other-day' : 'today-part'} aria-labelledby={headingId} data-part={part.code}>
      <h3 id={headingId}>{part.nameFr}</h3>
      {otherDay ? (
        <p>{t('otherDay', { date: formatDate(`${part.day}T12:00:00Z`, language), n: part.checkedIn })}</p>
      ) : (
        <>
          <dl className="today-figures">
            <div>
              <dt>{t('admitted')}</dt>
              <dd data-figure="admitted">{part.admitted}</dd>
            </div>
            <div>
              <dt>{t('checkedIn')}</dt>
              <dd data-figure="checked-in">{checkedIn}</dd>
            </div>
            <div>
              <dt>{t('expected')}</dt>
              <dd data-figure="expected">{expected}</dd>
            </div>
          </dl>
          <svg className="progress-bar" viewBox="0 0 200 12" preserveAspectRatio="none" aria-hidden="true" focusable="false">
            <rect className="progress-track" x="0" y="0" width="200" height="12" />
            <rect className="progress-done" x="0" y="0" width={part.admitted ? Math.min(200, (checkedIn * 200) / part.admitted) : 0} height="12" />
          </svg>
          <p className="today-percent">
            {t('percent', { done: checkedIn, of: part.admitted, percent })}
            {part.capacity !== null ? ` · ${t('capacity', { n: part.capacity })}` : ''}
          </p>
        </>
      )}
    </li>
  );
}

function Arrivals({ stats }: { stats: Stats }) {
  const t = useT(todayMessages);
  const { language } = useLanguage();
  const quarters = stats.arrivalsToday;
  if (!quarters.length) return <p>{t('arrivalsNone')}</p>;
  const total = quarters.reduce((sum, q) => sum + q.checkedIn, 0);
  const busiest = quarters.reduce((best, q) => (q.checkedIn > best.checkedIn ? q : best), quarters[0]);
  return (
    <BarChart
      name="arrivals"
      title={t('arrivalsTitle')}
      summary={t('arrivalsSummary', { total, busiest: formatTime(busiest.startUtc, language), n: busiest.checkedIn })}
      categoryHeader={t('quarter')}
      categories={quarters.map((q) => formatTime(q.startUtc, language))}
      series={[{ name: t('arrivals'), values: quarters.map((q) => q.checkedIn) }]}
    />
  );
}
