/**
 * One day of the grid: rooms as columns grouped by venue, five-minute rows, sessions as blocks laid
 * over the columns (one layer for the whole day, so a block moved to another room keeps its element
 * and the keyboard focus). Pointer gestures (pointer events) and keyboard gestures both build a
 * draft (room + span) shown in place; committing hands it to the page, which makes the one API call
 * and keeps the draft shown until the answer: refused, the block is back where the server has it.
 */
import { memo, startTransition, useEffect, useMemo, useRef, useState, type KeyboardEvent, type PointerEvent as ReactPointerEvent } from 'react';
import { useLanguage, useT } from '../i18n/i18n';
import { useStable } from '../ui/use-stable';
import { clock, minutesOf, overlaps, resize, shift, spokenClock, STEP, type Span } from './grid-math';
import type { GridSession, VenueDetail } from './load';
import { gridMessages } from './messages';
import { tentativeMessages } from './tentative-messages';
import { shadesHit, type Shade } from './shading';

export const ROW_H = 8;
export const COL_W = 176;
export const TIME_W = 64;

export interface Column {
  roomId: string;
  roomName: string;
  capacity: number;
  venueId: string;
  venueName: string;
}

export interface Draft {
  kind: 'create' | 'move' | 'resize';
  sessionId: string | null;
  roomId: string;
  span: Span;
  via: 'pointer' | 'keyboard';
}

interface Props {
  date: string;
  range: Span;
  venues: VenueDetail[];
  columns: Column[];
  sessions: GridSession[];
  selectedId: string | null;
  highlighted: Set<string>;
  /** A change on its way to the server: shown where it will be. */
  pending: Draft | null;
  onSelect(id: string | null): void;
  /** A finished gesture: create (opens the form) or move/resize (one PATCH). */
  onCommit(draft: Draft): void;
  onAnnounce(text: string): void;
  /** A proposal dropped on a session by pointer. */
  dragProposal: { submissionId: string; title: string } | null;
  onDropProposal(sessionId: string | null): void;
  sessionTitle(s: GridSession): string;
  /** The times to shade while a session or a proposal is dragged (its people busy, unavailable, too far). */
  shadesFor(target: { sessionId: string } | { submissionId: string }): Shade[];
}

type Gesture = {
  draft: Draft;
  startX: number;
  startY: number;
  origin: Span;
  originRoom: string;
  anchor: number;
  moved: boolean;
};

export function spanOf(s: GridSession): Span {
  return { start: minutesOf(s.startsAt), end: minutesOf(s.startsAt) + s.durationMinutes };
}

export function GridView(props: Props) {
  const { date, range, columns, sessions } = props;
  const t = useT(gridMessages);
  const tt = useT(tentativeMessages);
  const { language } = useLanguage();
  const bodyRef = useRef<HTMLDivElement>(null);
  const [draft, setDraft] = useState<Draft | null>(null);
  const gesture = useRef<Gesture | null>(null);
  const draftRef = useRef<HTMLDivElement>(null);
  const [hoverSession, setHoverSession] = useState<string | null>(null);
  const rows = (range.end - range.start) / STEP;
  const colIndex = new Map(columns.map((c, i) => [c.roomId, i]));
  const roomName = (id: string) => columns.find((c) => c.roomId === id)?.roomName ?? '';
  const shown = draft ?? props.pending;

  useEffect(() => {
    if (draft?.kind === 'create' && draft.via === 'keyboard') draftRef.current?.focus();
  }, [draft?.kind, draft?.via]);

  const active = draft ?? (gesture.current ? gesture.current.draft : null);
  const shades: Shade[] = active?.sessionId
    ? props.shadesFor({ sessionId: active.sessionId })
    : props.dragProposal
      ? props.shadesFor({ submissionId: props.dragProposal.submissionId })
      : [];
  const venueOf = (roomId: string) => columns.find((c) => c.roomId === roomId)?.venueId ?? '';
  const shadeText = (list: Shade[]) => [...new Set(list.map((s) => t(`shade_${s.reason}`, { who: s.who })))].join(' ; ');

  const describe = (d: Draft, title: string) => {
    const base = t(d.kind === 'create' ? 'creating' : 'moving', {
      title,
      room: roomName(d.roomId),
      from: spokenClock(d.span.start, language),
      to: spokenClock(d.span.end, language),
    });
    const hit = d.sessionId ? shadesHit(props.shadesFor({ sessionId: d.sessionId }), venueOf(d.roomId), d.span) : [];
    return hit.length ? `${base} ${t('shadeHit', { list: shadeText(hit) })}` : base;
  };

  /** Minutes and column under a pointer position. */
  const locate = (clientX: number, clientY: number): { minutes: number; roomId: string | null } => {
    const box = bodyRef.current!.getBoundingClientRect();
    const minutes = range.start + Math.floor((clientY - box.top) / ROW_H) * STEP;
    const i = Math.floor((clientX - box.left - TIME_W) / COL_W);
    return { minutes: Math.max(range.start, Math.min(range.end - STEP, minutes)), roomId: columns[i]?.roomId ?? null };
  };

  const sessionUnder = (clientX: number, clientY: number): string | null => {
    for (const el of document.elementsFromPoint(clientX, clientY)) {
      const id = (el as HTMLElement).dataset?.sessionId;
      if (id) return id;
    }
    return null;
  };

  // proposals dragged from the side list: highlight the session under the pointer, drop on release
  useEffect(() => {
    if (!props.dragProposal) return;
    const move = (e: PointerEvent) => setHoverSession(sessionUnder(e.clientX, e.clientY));
    const up = (e: PointerEvent) => {
      setHoverSession(null);
      props.onDropProposal(sessionUnder(e.clientX, e.clientY));
    };
    window.addEventListener('pointermove', move);
    window.addEventListener('pointerup', up, { once: true });
    return () => {
      window.removeEventListener('pointermove', move);
      window.removeEventListener('pointerup', up);
    };
  }, [props.dragProposal]);

  const begin = (e: ReactPointerEvent, d: Draft, anchor: number) => {
    if (e.button !== 0 || props.pending) return;
    e.preventDefault();
    gesture.current = { draft: d, startX: e.clientX, startY: e.clientY, origin: d.span, originRoom: d.roomId, anchor, moved: false };
    const move = (ev: PointerEvent) => {
      const g = gesture.current;
      if (!g) return;
      const here = locate(ev.clientX, ev.clientY);
      const delta = Math.round((ev.clientY - g.startY) / ROW_H) * STEP;
      let next: Draft;
      if (g.draft.kind === 'create') {
        const a = Math.min(g.anchor, here.minutes);
        const b = Math.max(g.anchor, here.minutes) + STEP;
        next = { ...g.draft, span: { start: a, end: b } };
      } else if (g.draft.kind === 'resize') {
        next = { ...g.draft, span: resize(g.origin, delta, range) };
      } else {
        next = { ...g.draft, roomId: here.roomId ?? g.draft.roomId, span: shift(g.origin, delta, range) };
      }
      if (Math.abs(ev.clientY - g.startY) > 3 || Math.abs(ev.clientX - g.startX) > 3) g.moved = true;
      g.draft = next;
      if (g.moved) setDraft(next);
    };
    const up = () => {
      window.removeEventListener('pointermove', move);
      const g = gesture.current;
      gesture.current = null;
      setDraft(null);
      if (!g) return;
      if (!g.moved && g.draft.kind !== 'create') {
        props.onSelect(g.draft.sessionId);
        return;
      }
      const same = g.draft.roomId === g.originRoom && g.draft.span.start === g.origin.start && g.draft.span.end === g.origin.end;
      if (g.draft.kind !== 'create' && same) return;
      const done = g.draft;
      startTransition(() => props.onCommit({ ...done, via: 'pointer' }));
    };
    window.addEventListener('pointermove', move);
    window.addEventListener('pointerup', up, { once: true });
  };

  const onBodyPointerDown = (e: ReactPointerEvent<HTMLDivElement>) => {
    if (!(e.target as HTMLElement).classList.contains('pg-column')) return;
    const here = locate(e.clientX, e.clientY);
    if (!here.roomId) return;
    begin(e, { kind: 'create', sessionId: null, roomId: here.roomId, span: { start: here.minutes, end: here.minutes + STEP }, via: 'pointer' }, here.minutes);
  };

  /** Keyboard gestures on a block (or on the draft of a new session). */
  const onBlockKey = (e: KeyboardEvent, s: GridSession | null) => {
    const current = draft;
    const title = s ? props.sessionTitle(s) : t('createTitle');
    if (!current || current.via !== 'keyboard') {
      if ((e.key === 'Enter' || e.key === ' ') && s && !props.pending) {
        e.preventDefault();
        props.onSelect(s.id);
        const d: Draft = { kind: 'move', sessionId: s.id, roomId: s.room.id, span: spanOf(s), via: 'keyboard' };
        setDraft(d);
        props.onAnnounce(describe(d, title));
      }
      return;
    }
    let next: Draft | null = null;
    if (e.key === 'ArrowUp' || e.key === 'ArrowDown') {
      const delta = e.key === 'ArrowUp' ? -STEP : STEP;
      next = e.shiftKey ? { ...current, span: resize(current.span, delta, range) } : { ...current, span: shift(current.span, delta, range) };
    } else if (e.key === 'ArrowLeft' || e.key === 'ArrowRight') {
      const i = (colIndex.get(current.roomId) ?? 0) + (e.key === 'ArrowLeft' ? -1 : 1);
      if (columns[i]) next = { ...current, roomId: columns[i].roomId };
      else next = current;
    } else if (e.key === 'Enter') {
      e.preventDefault();
      setDraft(null);
      const origin = s ? spanOf(s) : null;
      if (s && origin && current.roomId === s.room.id && current.span.start === origin.start && current.span.end === origin.end) {
        props.onAnnounce(t('cancelled'));
        return;
      }
      // the request leaves first: the grid is drawn again (the block shown where it goes) while it travels
      startTransition(() => props.onCommit(current));
      return;
    } else if (e.key === 'Escape') {
      e.preventDefault();
      setDraft(null);
      props.onAnnounce(t('cancelled'));
      return;
    }
    if (next) {
      e.preventDefault();
      setDraft(next);
      props.onAnnounce(describe(next, title));
    }
  };

  /** « Nouvelle séance en … »: a one-hour draft at the first free time of the room, moved with the keyboard. */
  const startKeyboardCreate = (roomId: string) => {
    const taken = sessions.filter((s) => s.room.id === roomId).map(spanOf);
    let start = range.start;
    while (start + 60 <= range.end && taken.some((x) => overlaps(x, { start, end: start + 60 }))) start += STEP;
    const d: Draft = { kind: 'create', sessionId: null, roomId, span: { start, end: Math.min(range.end, start + 60) }, via: 'keyboard' };
    setDraft(d);
    props.onAnnounce(describe(d, t('createTitle')));
  };

  // the blocks' handlers, the same functions from one drawing to the next (each calls this drawing's
  // own), so that a block whose session, place and state did not change is not drawn again
  const stableBegin = useStable(begin);
  const stableKey = useStable(onBlockKey);
  const stableBlur = useStable((id: string) => {
    if (draft?.via === 'keyboard' && draft.sessionId === id) setDraft(null);
  });
  const stable: BlockHandlers = useMemo(() => ({ begin: stableBegin, key: stableKey, blur: stableBlur }), [stableBegin, stableKey, stableBlur]);

  const venuesShown = props.venues
    .map((v) => ({ venue: v, cols: columns.filter((c) => c.venueId === v.id) }))
    .filter((g) => g.cols.length);
  const width = TIME_W + columns.length * COL_W;
  const hours: number[] = [];
  for (let m = Math.ceil(range.start / 60) * 60; m < range.end; m += 60) hours.push(m);

  const blockStyle = (roomId: string, span: Span) => ({
    left: TIME_W + (colIndex.get(roomId) ?? 0) * COL_W + 2,
    top: ((span.start - range.start) / STEP) * ROW_H,
    height: Math.max(ROW_H, ((span.end - span.start) / STEP) * ROW_H) - 1,
    width: COL_W - 4,
  });

  return (
    <>
    <p className="pg-shade-legend">{shades.length ? t('shadeLegend', { reasons: shadeText(shades) }) : '\u00a0'}</p>
    <div className="pg-scroller">
      <div className="pg-head" style={{ width }}>
        <div className="pg-corner" style={{ width: TIME_W }} />
        {venuesShown.map(({ venue, cols }) => (
          <div key={venue.id} className="pg-venue" style={{ width: cols.length * COL_W }}>
            <h3 className="pg-venue-name">{venue.name}</h3>
            <div className="pg-rooms">
              {cols.map((c) => (
                <div key={c.roomId} className="pg-room-head" style={{ width: COL_W }}>
                  <h4 id={`room-${date}-${c.roomId}`}>{c.roomName}</h4>
                  <span className="pg-capacity">{t('roomCapacity', { capacity: c.capacity })}</span>
                  <button type="button" className="pg-new" onClick={() => startKeyboardCreate(c.roomId)} disabled={Boolean(props.pending)}>
                    {t('newSession', { room: c.roomName })}
                  </button>
                </div>
              ))}
            </div>
          </div>
        ))}
      </div>
      <div className="pg-body" ref={bodyRef} style={{ width, height: rows * ROW_H }} onPointerDown={onBodyPointerDown}>
        <div className="pg-times" style={{ width: TIME_W }} aria-hidden="true">
          {hours.map((m) => (
            <span key={m} className="pg-hour" style={{ top: ((m - range.start) / STEP) * ROW_H }}>
              {clock(m)}
            </span>
          ))}
        </div>
        {columns.map((c, i) => (
          <div
            key={c.roomId}
            className="pg-column"
            data-room-id={c.roomId}
            style={{ left: TIME_W + i * COL_W, width: COL_W, height: rows * ROW_H, backgroundSize: `100% ${12 * ROW_H}px` }}
          />
        ))}
        {shades.flatMap((sh, k) =>
          columns
            .map((c, i) => ({ c, i }))
            .filter(({ c }) => sh.venueId === null || sh.venueId === c.venueId)
            .map(({ c, i }) => (
              <div
                key={`shade-${k}-${c.roomId}`}
                className={`pg-shade pg-shade-${sh.reason}`}
                aria-hidden="true"
                title={t(`shade_${sh.reason}`, { who: sh.who })}
                style={{
                  left: TIME_W + i * COL_W,
                  width: COL_W,
                  top: ((Math.max(sh.span.start, range.start) - range.start) / STEP) * ROW_H,
                  height: (Math.max(0, Math.min(sh.span.end, range.end) - Math.max(sh.span.start, range.start)) / STEP) * ROW_H,
                }}
              />
            )),
        )}
        {sessions.map((s) => {
          const moving = shown && shown.sessionId === s.id ? shown : null;
          const span = moving ? moving.span : spanOf(s);
          const roomId = moving ? moving.roomId : s.room.id;
          const classes = ['pg-block', `pg-kind-${s.kind}`];
          if (moving) classes.push('pg-moving');
          if (props.selectedId === s.id) classes.push('pg-selected');
          if (props.highlighted.has(s.id)) classes.push('pg-highlighted');
          if (hoverSession === s.id) classes.push('pg-drop-target');
          const style = blockStyle(roomId, span);
          return (
            <Block
              key={s.id}
              session={s}
              className={classes.join(' ')}
              left={style.left}
              top={style.top}
              height={style.height}
              width={style.width}
              start={span.start}
              end={span.end}
              title={props.sessionTitle(s)}
              roomName={roomName(roomId)}
              selected={props.selectedId === s.id}
              language={language}
              provisional={tt('provisional')}
              on={stable}
            />
          );
        })}
        {shown && shown.kind === 'create' ? (
          <div
            ref={draftRef}
            className="pg-block pg-draft"
            role="button"
            tabIndex={0}
            aria-describedby="pg-keys-help"
            style={blockStyle(shown.roomId, shown.span)}
            onKeyDown={(e) => onBlockKey(e, null)}
          >
            <span className="pg-time">
              {clock(shown.span.start)}–{clock(shown.span.end)}
            </span>{' '}
            {t('createTitle')}
            <span className="visually-hidden">, {roomName(shown.roomId)}</span>
          </div>
        ) : null}
      </div>
    </div>
    </>
  );
}


/**
 * The talks listed in a block (1,500 lines on a full day): drawn again only when the session's talks
 * were read again or the language changed, not on each keystroke, move or answer of the grid.
 */
const TalkLines = memo(function TalkLines({ talks, language, provisional }: { talks: GridSession['talks']; language: string; provisional: string }) {
  const title = (x: { titleFr: string | null; titleEn: string | null }) => (language === 'en' ? (x.titleEn ?? x.titleFr) : (x.titleFr ?? x.titleEn)) ?? '';
  return (
    <ul className="pg-talk-lines">
      {talks.map((talk) => (
        <li key={talk.id} className={talk.tentative ? 'pg-talk-tentative' : undefined}>
          {talk.tentative ? <span className="pg-provisional">{provisional} · </span> : null}
          {title(talk)}
          {talk.speakers.length ? <span className="pg-speakers"> — {talk.speakers.map((p) => p.name).join(', ')}</span> : null}
        </li>
      ))}
    </ul>
  );
});

interface BlockHandlers {
  begin(e: ReactPointerEvent, d: Draft, anchor: number): void;
  key(e: KeyboardEvent, s: GridSession | null): void;
  blur(sessionId: string): void;
}

/** A session's block: its handle (dragged, or moved with the keyboard), its talks, its resize edge; drawn again only when one of its props changes. */
const Block = memo(function Block(p: {
  session: GridSession;
  className: string;
  left: number;
  top: number;
  height: number;
  width: number;
  start: number;
  end: number;
  title: string;
  roomName: string;
  selected: boolean;
  language: string;
  provisional: string;
  on: BlockHandlers;
}) {
  const s = p.session;
  return (
    <div className={p.className} data-session-id={s.id} style={{ left: p.left, top: p.top, height: p.height, width: p.width }}>
      <button
        type="button"
        className="pg-handle"
        aria-pressed={p.selected}
        aria-describedby="pg-keys-help"
        data-testid={`session-${s.id}`}
        onPointerDown={(e) => p.on.begin(e, { kind: 'move', sessionId: s.id, roomId: s.room.id, span: spanOf(s), via: 'pointer' }, 0)}
        onKeyDown={(e) => p.on.key(e, s)}
        onBlur={() => p.on.blur(s.id)}
        onClick={(e) => e.preventDefault()}
      >
        <span className="pg-time">
          {clock(p.start)}–{clock(p.end)}
        </span>{' '}
        <span className="pg-title">{p.title}</span>
        <span className="visually-hidden">, {p.roomName}</span>
      </button>
      <TalkLines talks={s.talks} language={p.language} provisional={p.provisional} />
      <div
        className="pg-resize"
        aria-hidden="true"
        onPointerDown={(e) => p.on.begin(e, { kind: 'resize', sessionId: s.id, roomId: s.room.id, span: spanOf(s), via: 'pointer' }, 0)}
      />
    </div>
  );
});
