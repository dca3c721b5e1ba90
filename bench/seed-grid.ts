/**
 * The programme grid's data set (issue 13, « Performance »), written with set-based SQL in the bench's
 * own database: in the seeded colloquium vtn2012 (6–7 February 2012, CNRS, with its linked ceremony
 * at Espace Cardin on the evening of the 6th), CNRS_ROOMS rooms at the CNRS and CARDIN_ROOMS at
 * Espace Cardin, five two-hour sessions a room a day (08:00, 10:15, 13:30, 15:45, 18:00 Paris; the
 * 18:00 ones at Espace Cardin on the 6th are the ceremony's evening): 400 sessions; 3,000 confirmed
 * 15-minute talks (eight in half the sessions, seven in the others), one distinct speaker a talk
 * (accented names), so that the programme has no conflict; plus UNPLACED accepted proposals waiting
 * to be placed. Runs in the application's process (bench/server.ts), through its DataSource.
 */
import type { DataSource } from 'typeorm';

export interface SeededGrid {
  eventId: string;
  slug: string;
  rooms: number;
  sessions: number;
  talks: number;
  unplaced: number;
  seconds: number;
}

const CNRS_ROOMS = 28;
const CARDIN_ROOMS = 12;
/** Slot starts, minutes after midnight UTC (Paris is UTC+1 in February): 08:00, 10:15, 13:30, 15:45, 18:00 Paris. */
const SLOTS_UTC = [7 * 60, 9 * 60 + 15, 12 * 60 + 30, 14 * 60 + 45, 17 * 60];
const SESSION_MINUTES = 120;
const TALK_MINUTES = 15;
const TALKS = 3000;
const UNPLACED = 60;
const FIRST_NAMES = ['Hélène', 'Jean', 'Zoë', 'François', 'Amélie', 'Jérôme', 'Inès', 'Björn', 'Łukasz', 'Chloé', 'Noël', 'Ana'];
const LAST_NAMES = ['Dupré', 'Martin', 'Lefèvre', 'Garçon', 'Müller', 'Østergaard', 'Nuñez', "O'Brien", 'Da Silva', 'Benoît', 'Kowalska'];

/** Inserts the grid's data set into vtn2012; not idempotent: one call per database. */
export async function seedGrid(dataSource: DataSource): Promise<SeededGrid> {
  const started = Date.now();
  return dataSource.transaction(async (db) => {
    const [event] = (await db.query(`SELECT id, slug FROM events WHERE slug = 'vtn2012'`)) as Array<{ id: string; slug: string }>;
    if (!event) throw new Error('the seeded colloquium vtn2012 is not there');
    const venues = (await db.query(`SELECT id, name FROM venues WHERE name IN ('CNRS', 'Espace Cardin')`)) as Array<{ id: string; name: string }>;
    const cnrs = venues.find((v) => v.name === 'CNRS');
    const cardin = venues.find((v) => v.name === 'Espace Cardin');
    if (!cnrs || !cardin) throw new Error('the seeded venues CNRS and Espace Cardin are not there');
    await db.query(
      `INSERT INTO rooms (venue_id, name, capacity)
       SELECT $1::uuid, 'Salle ' || lpad(r::text, 2, '0') || ' (banc d’essai)', 40 + 5 * r FROM generate_series(1, $2) r
       UNION ALL
       SELECT $3::uuid, 'Salon ' || lpad(r::text, 2, '0') || ' (banc d’essai)', 60 + 10 * r FROM generate_series(1, $4) r`,
      [cnrs.id, CNRS_ROOMS, cardin.id, CARDIN_ROOMS],
    );
    await db.query(
      `INSERT INTO sessions (event_id, room_id, kind, title_fr, title_en, starts_at, ends_at)
       SELECT $1, r.id, 'workshop',
              'Atelier ' || d || '.' || r.n || '.' || s || ' : villes, données et élus', 'Workshop ' || d || '.' || r.n || '.' || s,
              timestamptz '2012-02-06T00:00:00Z' + (d - 1) * interval '1 day' + ($3::int[])[s] * interval '1 minute',
              timestamptz '2012-02-06T00:00:00Z' + (d - 1) * interval '1 day' + (($3::int[])[s] + $4) * interval '1 minute'
       FROM (SELECT id, row_number() OVER (ORDER BY name) AS n FROM rooms WHERE name LIKE '% (banc d’essai)' AND venue_id = ANY($2::uuid[])) r,
            generate_series(1, 2) d, generate_series(1, cardinality($3::int[])) s`,
      [event.id, [cnrs.id, cardin.id], SLOTS_UTC, SESSION_MINUTES],
    );
    const [{ sessions }] = (await db.query(`SELECT count(*)::int AS sessions FROM sessions WHERE event_id = $1`, [event.id])) as Array<{ sessions: number }>;
    const [type] = (await db.query(
      `INSERT INTO submission_types (event_id, code, name_fr, name_en, default_minutes) VALUES ($1, 'banc-grille', 'Communication (banc d’essai)', 'Paper (benchmark)', $2) RETURNING id`,
      [event.id, TALK_MINUTES],
    )) as Array<{ id: string }>;
    const proposals = TALKS + UNPLACED;
    await db.query(
      `WITH u AS (
         INSERT INTO users (email, password_hash, roles)
         SELECT 'bench-grid-speaker-' || g || '@bench.local', 'bench:no-login', ARRAY['speaker'] FROM generate_series(1, $1) g
         RETURNING id, email
       )
       INSERT INTO speaker_profiles (user_id, first_name, last_name, affiliation, country_code)
       SELECT u.id, ($2::text[])[1 + n % cardinality($2::text[])], ($3::text[])[1 + n % cardinality($3::text[])] || ' ' || n, 'Université ' || (n % 40), 'FR'
       FROM (SELECT id, substring(email FROM 'bench-grid-speaker-([0-9]+)@')::int AS n FROM u) u`,
      [proposals, FIRST_NAMES, LAST_NAMES],
    );
    await db.query(
      `INSERT INTO submissions (event_id, state, type_id, title_fr, abstract_fr, keywords, submitted_at)
       SELECT $1, CASE WHEN g <= $3 THEN 'confirmed' ELSE 'accepted' END, $2,
              'Communication ' || lpad(g::text, 4, '0') || ' : les territoires numériques', repeat('Résumé ' || g || ' : réseaux, données, élus. ', 4),
              ARRAY['numérique'], timestamptz '2011-10-01T08:00:00Z'
       FROM generate_series(1, $4) g`,
      [event.id, type.id, TALKS, proposals],
    );
    await db.query(
      `WITH s AS MATERIALIZED (SELECT id, substring(title_fr FROM 'Communication ([0-9]+) ')::int AS n FROM submissions WHERE event_id = $1 AND type_id = $2),
            u AS MATERIALIZED (SELECT id, email, substring(email FROM 'bench-grid-speaker-([0-9]+)@')::int AS n FROM users WHERE email LIKE 'bench-grid-speaker-%')
       INSERT INTO submission_speakers (submission_id, user_id, email, role, status, position)
       SELECT s.id, u.id, u.email, 'main', 'accepted', 0 FROM s JOIN u ON u.n = s.n`,
      [event.id, type.id],
    );
    // talk n (0-based) goes to session k: the first half of the sessions take eight talks, the others seven
    const half = sessions / 2;
    await db.query(
      `WITH s AS MATERIALIZED (SELECT id, row_number() OVER (ORDER BY starts_at, room_id) - 1 AS k FROM sessions WHERE event_id = $1),
            p AS MATERIALIZED (SELECT id, substring(title_fr FROM 'Communication ([0-9]+) ')::int - 1 AS n FROM submissions WHERE event_id = $1 AND type_id = $2 AND state = 'confirmed'),
            q AS (SELECT id, CASE WHEN n < $3 * 8 THEN n / 8 ELSE $3 + (n - $3 * 8) / 7 END AS k,
                             CASE WHEN n < $3 * 8 THEN n % 8 ELSE (n - $3 * 8) % 7 END AS position FROM p)
       INSERT INTO talks (session_id, submission_id, position, duration_minutes)
       SELECT s.id, q.id, q.position, $4 FROM q JOIN s ON s.k = q.k`,
      [event.id, type.id, half, TALK_MINUTES],
    );
    const [{ talks }] = (await db.query(`SELECT count(*)::int AS talks FROM talks t JOIN sessions s ON s.id = t.session_id WHERE s.event_id = $1`, [event.id])) as Array<{
      talks: number;
    }>;
    await db.query('ANALYZE rooms, sessions, talks, submissions, submission_speakers, speaker_profiles, users');
    return { eventId: event.id, slug: event.slug, rooms: CNRS_ROOMS + CARDIN_ROOMS, sessions, talks, unplaced: UNPLACED, seconds: (Date.now() - started) / 1000 };
  });
}
