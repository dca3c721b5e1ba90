/**
 * Beside the grid: the selected session's talks (reordered by dragging or with the buttons), the
 * proposals waiting to be placed (dragged onto a session, or placed through a list of the day's
 * sessions), and the conflicts of the draft programme in words, with acknowledgements.
 */
import { useId, useState, type PointerEvent as ReactPointerEvent, type ReactNode } from 'react';
import { useLanguage, useT } from '../i18n/i18n';
import type { Conflict, ConflictReport, GridSession, Proposal } from './load';
import { gridMessages } from './messages';
import { tentativeMessages } from './tentative-messages';

type Titled = { titleFr: string | null; titleEn: string | null };

export function SelectedSession({
  session,
  title,
  onMoveTalk,
  onRemoveTalk,
}: {
  session: GridSession;
  title(x: Titled): string;
  onMoveTalk(talkId: string, version: number, position: number, label: string): void;
  onRemoveTalk(talkId: string, label: string): void;
}) {
  const t = useT(gridMessages);
  const tt = useT(tentativeMessages);
  const [dragging, setDragging] = useState<string | null>(null);
  const talks = session.talks;

  // reorder by pointer: press on a talk, release over another: it takes that one's place
  const startDrag = (e: ReactPointerEvent, talkId: string) => {
    if (e.button !== 0 || (e.target as HTMLElement).closest('button')) return;
    setDragging(talkId);
    const up = (ev: PointerEvent) => {
      setDragging(null);
      const over = document.elementsFromPoint(ev.clientX, ev.clientY).map((el) => (el as HTMLElement).dataset?.talkId).find(Boolean);
      const talk = talks.find((x) => x.id === talkId);
      const target = talks.find((x) => x.id === over);
      if (talk && target && target.id !== talk.id) onMoveTalk(talk.id, talk.version, target.position, title(talk));
    };
    window.addEventListener('pointerup', up, { once: true });
  };

  return (
    <section className="pg-panel" aria-labelledby="pg-selected-title">
      <h2 id="pg-selected-title">{title(session)}</h2>
      <p>
        {session.room.name} · {session.venue.name} · {session.startsAt.slice(11, 16)}–{session.endsAt.slice(11, 16)}
      </p>
      <h3>{t('talks')}</h3>
      {talks.length === 0 ? <p>{t('noTalk')}</p> : null}
      <ol className="pg-talks">
        {talks.map((talk, i) => (
          <li key={talk.id} data-talk-id={talk.id} className={dragging === talk.id ? 'pg-dragging' : undefined} onPointerDown={(e) => startDrag(e, talk.id)}>
            <span data-talk-id={talk.id} className={talk.tentative ? 'pg-talk-tentative' : undefined}>
              {talk.startsAt.slice(11, 16)} {talk.tentative ? tt('provisionalTalk', { title: title(talk) }) : title(talk)}
              {talk.speakers.length ? ` — ${talk.speakers.map((p) => p.name).join(', ')}` : ''}
            </span>
            <span className="pg-talk-actions">
              <button type="button" disabled={i === 0} onClick={() => onMoveTalk(talk.id, talk.version, i - 1, title(talk))} aria-label={t('talkUp', { title: title(talk) })}>
                ↑
              </button>
              <button
                type="button"
                disabled={i === talks.length - 1}
                onClick={() => onMoveTalk(talk.id, talk.version, i + 1, title(talk))}
                aria-label={t('talkDown', { title: title(talk) })}
              >
                ↓
              </button>
              <button type="button" onClick={() => onRemoveTalk(talk.id, title(talk))} aria-label={t('talkRemove', { title: title(talk) })}>
                ×
              </button>
            </span>
          </li>
        ))}
      </ol>
    </section>
  );
}

export function UnplacedList({
  proposals,
  sessions,
  title,
  onPlace,
  onDragStart,
}: {
  proposals: Proposal[];
  sessions: GridSession[];
  title(x: Titled): string;
  onPlace(sessionId: string, submissionId: string): void;
  onDragStart(p: Proposal): void;
}) {
  const t = useT(gridMessages);
  const { language } = useLanguage();
  const [track, setTrack] = useState('');
  const [type, setType] = useState('');
  const [state, setState] = useState<'placeable' | 'review'>('placeable');
  const tt = useT(tentativeMessages);
  const [choice, setChoice] = useState<Record<string, string>>({});
  const ids = useId();
  const tracks = new Map(proposals.flatMap((p) => (p.track ? [[p.track.id, language === 'en' ? (p.track.nameEn ?? p.track.nameFr) : p.track.nameFr] as const] : [])));
  const types = new Map(proposals.map((p) => [p.type.id, language === 'en' ? (p.type.nameEn ?? p.type.nameFr) : p.type.nameFr] as const));
  const inState = proposals.filter((p) => (state === 'review') === (p.state === 'submitted'));
  const shown = inState.filter((p) => (!track || p.track?.id === track) && (!type || p.type.id === type));
  return (
    <section className="pg-panel" aria-labelledby="pg-unplaced-title">
      <h2 id="pg-unplaced-title">
        {t('unplaced')} ({inState.length})
      </h2>
      <p>{state === 'review' ? tt('reviewIntro') : t('unplacedIntro')}</p>
      <div className="pg-filters">
        <div className="field">
          <label htmlFor={`${ids}-state`}>{tt('filterState')}</label>
          <select id={`${ids}-state`} value={state} onChange={(e) => setState(e.target.value as 'placeable' | 'review')}>
            <option value="placeable">{tt('statePlaceable')}</option>
            <option value="review">{tt('stateReview')}</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${ids}-track`}>{t('filterTrack')}</label>
          <select id={`${ids}-track`} value={track} onChange={(e) => setTrack(e.target.value)}>
            <option value="">{t('all')}</option>
            {[...tracks].map(([id, name]) => (
              <option key={id} value={id}>
                {name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${ids}-type`}>{t('filterType')}</label>
          <select id={`${ids}-type`} value={type} onChange={(e) => setType(e.target.value)}>
            <option value="">{t('all')}</option>
            {[...types].map(([id, name]) => (
              <option key={id} value={id}>
                {name}
              </option>
            ))}
          </select>
        </div>
      </div>
      {shown.length === 0 ? <p>{t('noneUnplaced')}</p> : null}
      <ul className="pg-proposals">
        {shown.map((p) => (
          <li key={p.id} data-submission-id={p.id}>
            <span
              className="pg-grab"
              data-testid={`proposal-${p.id}`}
              onPointerDown={(e) => {
                if (e.button !== 0) return;
                e.preventDefault();
                onDragStart(p);
              }}
            >
              <strong>{title(p)}</strong>
              {p.mainSpeaker ? ` — ${p.mainSpeaker.name}` : ''} <span className="pg-muted">({types.get(p.type.id)})</span>
              {p.state === 'submitted' ? <span className="pg-review"> · {tt('underReview')}</span> : null}
            </span>
            <span className="pg-place">
              <label className="visually-hidden" htmlFor={`${ids}-${p.id}`}>
                {t('placeIn', { title: title(p) })}
              </label>
              <select id={`${ids}-${p.id}`} value={choice[p.id] ?? ''} onChange={(e) => setChoice({ ...choice, [p.id]: e.target.value })}>
                <option value="">{t('chooseSession')}</option>
                {sessions.map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.startsAt.slice(11, 16)} {title(s)} ({s.room.name})
                  </option>
                ))}
              </select>
              <button type="button" disabled={!choice[p.id]} onClick={() => choice[p.id] && onPlace(choice[p.id], p.id)}>
                {t('place')}
              </button>
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}

export function ConflictsPanel({
  report,
  onShow,
  onAcknowledge,
  children,
}: {
  report: ConflictReport | null;
  onShow(sessionIds: string[]): void;
  onAcknowledge(key: string, on: boolean): void;
  /** Shown at the end of the panel (the severities' settings). */
  children?: ReactNode;
}) {
  const t = useT(gridMessages);
  const { language } = useLanguage();
  const items = report?.items.filter((c) => c.severity !== 'ignore') ?? [];
  return (
    <section className="pg-panel" aria-labelledby="pg-conflicts-title">
      <h2 id="pg-conflicts-title">{t('conflicts')}</h2>
      {report ? <p>{t('conflictsCount', { blocking: report.blocking, total: items.length })}</p> : null}
      {report && items.length === 0 ? <p>{t('noConflict')}</p> : null}
      <ul className="pg-conflicts">
        {items.map((c: Conflict) => (
          <li key={c.key} className={c.blocking ? 'pg-blocking' : undefined}>
            <p>
              <span className={`pg-severity pg-severity-${c.severity}`}>{t(`severity_${c.severity}`)}</span>
              {c.blocking ? <strong className="pg-blocking-mark"> · {t('blocking')}</strong> : null}
              {c.acknowledged ? <span> · {t('acknowledged')}</span> : null}
            </p>
            <p>{c.message[language]}</p>
            <p className="pg-conflict-actions">
              {c.sessionIds.length ? (
                <button type="button" onClick={() => onShow(c.sessionIds)}>
                  {t('show')}
                </button>
              ) : null}{' '}
              {c.severity === 'warning' ? (
                <button type="button" onClick={() => onAcknowledge(c.key, !c.acknowledged)}>
                  {c.acknowledged ? t('unacknowledge') : t('acknowledge')}
                </button>
              ) : null}
            </p>
          </li>
        ))}
      </ul>
      {children}
    </section>
  );
}
