import { memo, useCallback, useEffect, useMemo, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useParams } from 'react-router';
import { api, errorBody, type ApiErrorBody } from '../api/client';
import { RequireAuth } from '../auth/RequireAuth';
import { useLanguage, useT } from '../i18n/i18n';
import { formatDate } from '../time/paris';
import { ErrorAlert, Notice, PageTitle } from '../ui/ui';
import { useStable } from '../ui/use-stable';
import { PublishPanel as PublishPanelAlways } from './PublishPanel';
import { TentativePanel as TentativePanelAlways } from './TentativePanel';
import { ConflictSettings } from './ConflictSettings';
import { ConflictsPanel as ConflictsPanelAlways, SelectedSession, UnplacedList as UnplacedListAlways } from './SidePanels';
import { dayRange, minutesOf, spokenClock, wallClock, type Span } from './grid-math';
import { GridView, spanOf, type Column, type Draft } from './GridView';
import { loadConflicts, loadPlaceable, loadSetup, loadTravel, loadUnavailabilities, SessionsSource, type ConflictReport, type GridSession, type GridSetup, type Proposal } from './load';
import { gridMessages } from './messages';
import { peopleOf, proposalPeople, shadesFor, type Shade, type TravelIndex, type Unavailability } from './shading';
import './programme-grid.css';

const POLL_MS = 2000;

// the side panels are drawn again only when what they show changes, not on each move's answer
const PublishPanel = memo(PublishPanelAlways);
const TentativePanel = memo(TentativePanelAlways);
const ConflictsPanel = memo(ConflictsPanelAlways);
const UnplacedList = memo(UnplacedListAlways);
const KINDS = ['plenary', 'workshop', 'round-table', 'keynote', 'break', 'reception', 'ceremony'] as const;
type Kind = (typeof KINDS)[number];

type Warning = { key: string; text: string; blocking: boolean };
interface Outcome {
  text: string;
  warnings: Warning[] | null;
}
interface Stale {
  text: string;
  redo: (() => void) | null;
}

/** /app/events/:slug/programme: the organisers' programme grid. */
export function ProgrammeGridPage() {
  return (
    <RequireAuth roles={['organiser']}>
      <GridLoader />
    </RequireAuth>
  );
}

function GridLoader() {
  const { slug = '' } = useParams();
  const t = useT(gridMessages);
  const [setup, setSetup] = useState<GridSetup | null | undefined>(undefined);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let live = true;
    loadSetup(slug)
      .then((s) => live && setSetup(s))
      .catch(() => live && setFailed(true));
    return () => {
      live = false;
    };
  }, [slug]);
  return (
    <main id="main" className="pg-page">
      <PageTitle title={t('title')}>{setup ? `${t('title')} — ${setup.event.nameFr}` : t('title')}</PageTitle>
      {failed ? <ErrorAlert error={t('loadFailed')} /> : null}
      {setup === undefined && !failed ? <Notice>{t('loading')}</Notice> : null}
      {setup === null ? <ErrorAlert error={t('notFound')} /> : null}
      {setup ? <Grid setup={setup} /> : null}
    </main>
  );
}

function Grid({ setup }: { setup: GridSetup }) {
  const t = useT(gridMessages);
  const { language } = useLanguage();
  const eventId = setup.event.id;
  const source = useMemo(() => new SessionsSource(eventId), [eventId]);
  const [sessions, setSessions] = useState<GridSession[] | null>(null);
  const [proposals, setProposals] = useState<Proposal[]>([]);
  const [conflicts, setConflicts] = useState<ConflictReport | null>(null);
  const [dayKey, setDayKey] = useState(setup.days[0]?.key ?? '');
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [highlighted, setHighlighted] = useState<Set<string>>(new Set());
  const [pending, setPending] = useState<Draft | null>(null);
  const [creating, setCreating] = useState<Draft | null>(null);
  const [announce, setAnnounce] = useState('');
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [stale, setStale] = useState<Stale | null>(null);
  const [dragProposal, setDragProposal] = useState<{ submissionId: string; title: string } | null>(null);
  const [unavailable, setUnavailable] = useState<Unavailability[]>([]);
  const [travel, setTravel] = useState<TravelIndex>(new Map());
  const busy = useRef(false);
  const focusAfter = useRef<string | null>(null);

  const title = useCallback(
    (x: { titleFr: string | null; titleEn: string | null }) => (language === 'en' ? (x.titleEn ?? x.titleFr) : (x.titleFr ?? x.titleEn)) ?? '',
    [language],
  );

  const refresh = useCallback(
    async (all: boolean, withProposals = true) => {
      const got = await source.fetch();
      if (got.changed || all) setSessions(got.items);
      if (got.changed || all) {
        // the proposals to place are not re-read after one's own move (it places or removes none)
        const [c, p] = await Promise.all([loadConflicts(eventId), withProposals ? loadPlaceable(eventId) : null]);
        setConflicts(c);
        if (p) setProposals(p);
      }
      return got.changed;
    },
    [source, eventId],
  );

  useEffect(() => {
    // the sessions first (the grid), then what only dragging needs: one database connection serves them in turn
    void refresh(true)
      .catch(() => undefined)
      .then(() => {
        loadUnavailabilities(eventId).then(setUnavailable, () => undefined);
        loadTravel().then(setTravel, () => undefined);
      });
  }, [refresh, eventId]);

  // another organiser's changes: poll with the ETags (a 304 while nothing changed)
  useEffect(() => {
    const timer = setInterval(() => {
      if (busy.current) return;
      refresh(false)
        .then((changed) => {
          if (changed) setAnnounce(t('updatedByOther'));
        })
        .catch(() => undefined);
    }, POLL_MS);
    return () => clearInterval(timer);
  }, [refresh, t]);

  useEffect(() => {
    if (!focusAfter.current || !sessions) return;
    const el = document.querySelector<HTMLElement>(`[data-testid="session-${focusAfter.current}"]`);
    if (el) {
      el.focus();
      focusAfter.current = null;
    }
  }, [sessions]);

  const day = setup.days.find((d) => d.key === dayKey) ?? setup.days[0];
  const columns: Column[] = useMemo(
    () =>
      setup.venues
        .filter((v) => day.venueIds.includes(v.id))
        .flatMap((v) =>
          [...v.rooms].sort((a, b) => a.name.localeCompare(b.name, 'fr')).map((r) => ({ roomId: r.id, roomName: r.name, capacity: r.capacity, venueId: v.id, venueName: v.name })),
        ),
    [setup, day],
  );
  const daySessions = useMemo(() => {
    const roomIds = new Set(columns.map((c) => c.roomId));
    return (sessions ?? []).filter((s) => s.day === day.date && roomIds.has(s.room.id));
  }, [sessions, columns, day.date]);
  const range: Span = useMemo(() => {
    const openings = setup.venues.filter((v) => day.venueIds.includes(v.id)).flatMap((v) => v.openingHours.filter((o) => o.date === day.date));
    const spans = daySessions.map(spanOf);
    if (day.ceremony) return dayRange([], spans, day.fallback);
    return dayRange(openings, spans, day.fallback);
  }, [setup, day, daySessions.map((s) => `${s.id}${s.startsAt}${s.durationMinutes}`).join()]);
  const roomName = (id: string) => columns.find((c) => c.roomId === id)?.roomName ?? setup.venues.flatMap((v) => v.rooms).find((r) => r.id === id)?.name ?? '';
  const warningsOf = (list: Array<{ key: string; message: { fr: string; en: string }; blocking: boolean }> | undefined): Warning[] =>
    (list ?? []).map((w) => ({ key: w.key, text: w.message[language], blocking: w.blocking }));

  /** After any answer: the server's view again (sessions, conflicts, proposals). */
  const settle = async (withProposals = true) => {
    await refresh(true, withProposals).catch(() => undefined);
    busy.current = false;
  };

  const refuse = (body: ApiErrorBody) => {
    if (body.error === 'ROOM_OCCUPIED') {
      const other = (body.details as { session?: { title: string | null; startsAt: string; endsAt: string } } | undefined)?.session;
      setRefusal(
        other
          ? t('roomOccupied', { title: other.title ?? '', from: spokenClock(minutesOf(other.startsAt), language), to: spokenClock(minutesOf(other.endsAt), language) })
          : t('refused', { message: body.message }),
      );
    } else setRefusal(t('refused', { message: body.message }));
  };

  const commitMove = async (d: Draft, session: GridSession, version: number) => {
    busy.current = true;
    setPending(d);
    setRefusal(null);
    setStale(null);
    setOutcome(null);
    const res = await api.PATCH('/api/sessions/{id}', {
      params: { path: { id: session.id } },
      headers: { 'If-Match': `"${version}"` },
      body: { roomId: d.roomId, startsAt: wallClock(session.day, d.span.start), endsAt: wallClock(session.day, d.span.end) },
    });
    setPending(null);
    if (res.data) {
      setOutcome({
        text: t('moved', { title: title(res.data), room: res.data.room.name, from: spokenClock(d.span.start, language), to: spokenClock(d.span.end, language) }),
        warnings: warningsOf(res.data.warnings),
      });
    } else {
      const body = errorBody(res.error, res.response);
      if (body.error === 'PRECONDITION_FAILED') {
        const current = (body.details as { current?: GridSession } | undefined)?.current;
        if (current) setSessions((list) => (list ?? []).map((s) => (s.id === current.id ? current : s)));
        setStale({
          text: current
            ? t('stale', { title: title(current), room: current.room.name, from: spokenClock(minutesOf(current.startsAt), language), to: spokenClock(minutesOf(current.endsAt), language) })
            : body.message,
          redo: current ? () => void commitMove(d, current, current.version) : null,
        });
      } else refuse(body);
    }
    await settle(false);
  };

  const onCommit = (d: Draft) => {
    if (d.kind === 'create') {
      setCreating(d);
      setPending(d);
      return;
    }
    const session = sessions?.find((s) => s.id === d.sessionId);
    if (session) void commitMove(d, session, session.version);
  };

  const createSession = async (name: string, kind: Kind) => {
    const d = creating;
    if (!d) return;
    busy.current = true;
    setRefusal(null);
    setStale(null);
    setOutcome(null);
    const res = await api.POST('/api/events/{eventId}/sessions', {
      params: { path: { eventId } },
      body: { roomId: d.roomId, kind, titleFr: name, startsAt: wallClock(day.date, d.span.start), endsAt: wallClock(day.date, d.span.end) },
    });
    setCreating(null);
    setPending(null);
    if (res.data) {
      setOutcome({ text: t('created', { title: name }), warnings: warningsOf(res.data.warnings) });
      setSelectedId(res.data.id);
      focusAfter.current = res.data.id;
    } else refuse(errorBody(res.error, res.response));
    await settle();
  };

  const cancelCreate = () => {
    setCreating(null);
    setPending(null);
    setAnnounce(t('cancelled'));
  };

  const placeProposal = async (sessionId: string, submissionId: string) => {
    const session = sessions?.find((s) => s.id === sessionId);
    const proposal = proposals.find((p) => p.id === submissionId);
    if (!session || !proposal) return;
    busy.current = true;
    setRefusal(null);
    setStale(null);
    setOutcome(null);
    // a proposal still under review is placed only tentatively (« provisoire »): the server requires it
    const tentative = proposal.state === 'submitted';
    const res = await api.POST('/api/sessions/{id}/talks', { params: { path: { id: sessionId } }, body: { submissionId, tentative } });
    if (res.data) {
      setOutcome({ text: t('talkPlaced', { title: title(proposal), session: title(session) }), warnings: warningsOf(res.data.warnings) });
      setSelectedId(sessionId);
    } else refuse(errorBody(res.error, res.response));
    await settle();
  };

  const moveTalk = async (talkId: string, version: number, position: number, label: string) => {
    busy.current = true;
    setRefusal(null);
    setStale(null);
    setOutcome(null);
    const res = await api.PATCH('/api/talks/{id}', { params: { path: { id: talkId } }, headers: { 'If-Match': `"${version}"` }, body: { position } });
    if (res.data) setOutcome({ text: t('talkMoved', { title: label }), warnings: warningsOf(res.data.warnings) });
    else {
      const body = errorBody(res.error, res.response);
      if (body.error === 'PRECONDITION_FAILED') setStale({ text: body.message, redo: null });
      else refuse(body);
    }
    await settle();
  };

  const removeTalk = async (talkId: string, label: string) => {
    busy.current = true;
    setRefusal(null);
    setOutcome(null);
    const res = await api.DELETE('/api/talks/{id}', { params: { path: { id: talkId } } });
    if (res.data) setOutcome({ text: t('talkRemoved', { title: label }), warnings: warningsOf(res.data.warnings) });
    else refuse(errorBody(res.error, res.response));
    await settle();
  };

  const acknowledge = async (key: string, on: boolean) => {
    busy.current = true;
    const res = on
      ? await api.POST('/api/events/{eventId}/programme/conflicts/acknowledgements', { params: { path: { eventId } }, body: { keys: [key] } })
      : await api.DELETE('/api/events/{eventId}/programme/conflicts/acknowledgements', { params: { path: { eventId }, query: { key } } });
    if (res.error) refuse(errorBody(res.error, res.response));
    await settle();
  };

  const showConflict = (sessionIds: string[]) => {
    setHighlighted(new Set(sessionIds));
    const first = sessions?.find((s) => sessionIds.includes(s.id));
    if (first) {
      const tab = setup.days.find((d) => d.date === first.day && d.venueIds.some((v) => v === first.venue.id));
      if (tab && tab.key !== day.key && !day.venueIds.includes(first.venue.id)) setDayKey(tab.key);
      else if (first.day !== day.date && tab) setDayKey(tab.key);
    }
    setAnnounce(t('highlighted', { count: sessionIds.length }));
  };

  const shadeFor = (target: { sessionId: string } | { submissionId: string }): Shade[] => {
    let people = new Map<string, string>();
    if ('sessionId' in target) {
      const s = sessions?.find((x) => x.id === target.sessionId);
      if (s) people = peopleOf(s);
    } else {
      const p = proposals.find((x) => x.id === target.submissionId);
      if (p) people = proposalPeople(p);
    }
    return shadesFor(people, day.date, sessions ?? [], 'sessionId' in target ? target.sessionId : null, unavailable, travel, day.venueIds);
  };

  const unplaced = useMemo(() => {
    const placed = new Set((sessions ?? []).flatMap((s) => s.talks.map((x) => x.submissionId)));
    return proposals.filter((p) => !placed.has(p.id));
  }, [sessions, proposals]);
  const allSessions = useMemo(() => sessions ?? [], [sessions]);
  const onPlace = useStable((sessionId: string, submissionId: string) => void placeProposal(sessionId, submissionId));
  const onDragProposal = useStable((p: Proposal) => setDragProposal({ submissionId: p.id, title: title(p) }));
  const onSettle = useStable(() => void settle());
  const onShowConflict = useStable(showConflict);
  const onAcknowledge = useStable((key: string, on: boolean) => void acknowledge(key, on));
  const onPublished = useStable(() => void refresh(true));
  const conflictSettings = useMemo(() => <ConflictSettings eventId={eventId} onSaved={onSettle} />, [eventId, onSettle]);
  const selected = sessions?.find((s) => s.id === selectedId) ?? null;

  const onTabKey = (e: KeyboardEvent<HTMLButtonElement>, i: number) => {
    if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft') return;
    e.preventDefault();
    const next = setup.days[(i + (e.key === 'ArrowRight' ? 1 : setup.days.length - 1)) % setup.days.length];
    setDayKey(next.key);
    document.getElementById(`tab-${next.key}`)?.focus();
  };

  const tabLabel = (d: (typeof setup.days)[number]) =>
    d.ceremony ? t('ceremonyTab', { name: d.ceremony.nameFr, date: formatDate(`${d.date}T12:00:00Z`, language) }) : formatDate(`${d.date}T12:00:00Z`, language);

  return (
    <div className="pg-layout">
      <p className="pg-intro" id="pg-keys-help">
        {t('intro')}
      </p>
      <div className="pg-live" aria-live="polite" role="status">
        {announce}
      </div>
      {refusal ? (
        <div className="alert error" role="alert">
          {refusal}
        </div>
      ) : null}
      {stale ? (
        <div className="alert error pg-stale" role="alert">
          <p>{stale.text}</p>
          {stale.redo ? (
            <button type="button" onClick={stale.redo}>
              {t('redo')}
            </button>
          ) : null}{' '}
          <button type="button" onClick={() => setStale(null)}>
            {t('dismiss')}
          </button>
        </div>
      ) : null}
      <div className="pg-outcome" aria-live="polite">
        {outcome ? (
          <>
            <p>{outcome.text}</p>
            {outcome.warnings && outcome.warnings.length ? (
              <section aria-label={t('warnings')} className="pg-warnings">
                <h2>{t('warnings')}</h2>
                <ul>
                  {outcome.warnings.map((w) => (
                    <li key={w.key} className={w.blocking ? 'pg-blocking' : undefined}>
                      {w.blocking ? <strong>{t('blocking')} : </strong> : null}
                      {w.text}
                    </li>
                  ))}
                </ul>
              </section>
            ) : outcome.warnings ? (
              <p>{t('noWarning')}</p>
            ) : null}
          </>
        ) : null}
      </div>

      <div role="tablist" aria-label={t('days')} className="pg-tabs">
        {setup.days.map((d, i) => (
          <button
            key={d.key}
            id={`tab-${d.key}`}
            type="button"
            role="tab"
            aria-selected={d.key === day.key}
            aria-controls="pg-day"
            tabIndex={d.key === day.key ? 0 : -1}
            onClick={() => setDayKey(d.key)}
            onKeyDown={(e) => onTabKey(e, i)}
          >
            {tabLabel(d)}
          </button>
        ))}
      </div>

      {creating ? (
        <CreateForm
          where={t('createWhere', {
            room: roomName(creating.roomId),
            date: formatDate(`${day.date}T12:00:00Z`, language),
            from: spokenClock(creating.span.start, language),
            to: spokenClock(creating.span.end, language),
          })}
          onCreate={(name, kind) => void createSession(name, kind)}
          onCancel={cancelCreate}
        />
      ) : null}

      <div className="pg-main">
        <section id="pg-day" role="tabpanel" aria-labelledby={`tab-${day.key}`} className="pg-day">
          <h2 className="visually-hidden">{t('gridLabel', { date: tabLabel(day) })}</h2>
          {sessions ? (
            <GridView
              date={day.date}
              range={range}
              venues={setup.venues}
              columns={columns}
              sessions={daySessions}
              selectedId={selectedId}
              highlighted={highlighted}
              pending={pending}
              onSelect={setSelectedId}
              onCommit={onCommit}
              onAnnounce={setAnnounce}
              dragProposal={dragProposal}
              onDropProposal={(sessionId) => {
                const p = dragProposal;
                setDragProposal(null);
                if (p && sessionId) void placeProposal(sessionId, p.submissionId);
              }}
              sessionTitle={title}
              shadesFor={shadeFor}
            />
          ) : (
            <Notice>{t('loading')}</Notice>
          )}
        </section>
        <aside className="pg-side">
          {selected ? <SelectedSession session={selected} title={title} onMoveTalk={moveTalk} onRemoveTalk={removeTalk} /> : null}
          <UnplacedList proposals={unplaced} sessions={daySessions} title={title} onPlace={onPlace} onDragStart={onDragProposal} />
          <TentativePanel eventId={eventId} sessions={allSessions} onAccepted={onSettle} />
          <ConflictsPanel report={conflicts} onShow={onShowConflict} onAcknowledge={onAcknowledge}>
            {sessions ? conflictSettings : null}
          </ConflictsPanel>
          {/* read once the grid is there (the releases are not needed to start) */}
          {sessions ? <PublishPanel eventId={eventId} slug={setup.event.slug} onPublished={onPublished} /> : null}
        </aside>
      </div>
    </div>
  );
}

function CreateForm({ where, onCreate, onCancel }: { where: string; onCreate(name: string, kind: Kind): void; onCancel(): void }) {
  const t = useT(gridMessages);
  const [name, setName] = useState('');
  const [kind, setKind] = useState<Kind>('plenary');
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => input.current?.focus(), []);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (name.trim()) onCreate(name.trim(), kind);
  };
  return (
    <section className="pg-create" aria-labelledby="pg-create-title" onKeyDown={(e) => e.key === 'Escape' && onCancel()}>
      <h2 id="pg-create-title">{t('createTitle')}</h2>
      <p>{where}</p>
      <form onSubmit={submit}>
        <div className="field">
          <label htmlFor="pg-create-name">{t('fieldTitle')}</label>
          <input id="pg-create-name" ref={input} value={name} onChange={(e) => setName(e.target.value)} required maxLength={300} />
        </div>
        <div className="field">
          <label htmlFor="pg-create-kind">{t('fieldKind')}</label>
          <select id="pg-create-kind" value={kind} onChange={(e) => setKind(e.target.value as Kind)}>
            {KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`kind_${k}`)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit">{t('create')}</button>{' '}
        <button type="button" onClick={onCancel}>
          {t('cancel')}
        </button>
      </form>
    </section>
  );
}
