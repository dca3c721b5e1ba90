/**
 * A fictitious two-day programme for the public programme benchmark, written with set-based SQL in
 * the bench's throwaway database: an event (`benchprog`), a venue with ROOMS rooms, four sessions a
 * room a day, four confirmed 20-minute talks in each, one distinct speaker a talk (accented names),
 * so that the programme has no blocking conflict and can be published through the API. Runs in the
 * application's process (bench/server.ts), through its DataSource.
 */
import type { DataSource } from 'typeorm';

export interface SeededProgramme {
  eventId: string;
  sessions: number;
  talks: number;
  seconds: number;
}

const ROOMS = 8;
const FIRST_NAMES = ['Hélène', 'Jean', 'Zoë', 'François', 'Amélie', 'Jérôme', 'Inès', 'Björn', 'Łukasz', 'Chloé', 'Noël', 'Ana'];
const LAST_NAMES = ['Dupré', 'Martin', 'Lefèvre', 'Garçon', 'Müller', 'Østergaard', 'Nuñez', "O'Brien", 'Da Silva', 'Benoît', 'Kowalska'];

/** Inserts the programme; not idempotent: one call per database. */
export async function seedProgramme(dataSource: DataSource): Promise<SeededProgramme> {
  const started = Date.now();
  return dataSource.transaction(async (db) => {
    const [event] = (await db.query(
      `INSERT INTO events (slug, kind, name_fr, name_en, theme_fr, starts_at, ends_at, all_day, time_zone)
       VALUES ('benchprog', 'colloquium', 'Programme du banc d’essai (fictif)', 'Benchmark programme (fictitious)',
               'Données créées par npm run bench', '2012-02-05T23:00:00Z', '2012-02-07T23:00:00Z', true, 'Europe/Paris')
       RETURNING id`,
    )) as Array<{ id: string }>;
    const eventId = event.id;
    const [venue] = (await db.query(
      `INSERT INTO venues (name, street_address, postcode, city) VALUES ('Centre de congrès fictif', '1 rue de l’Essai', '75016', 'Paris') RETURNING id`,
    )) as Array<{ id: string }>;
    await db.query(`INSERT INTO event_venues (event_id, venue_id) VALUES ($1, $2)`, [eventId, venue.id]);
    await db.query(
      `INSERT INTO rooms (venue_id, name, capacity) SELECT $1, 'Salle ' || r, 80 + 10 * r FROM generate_series(1, $2) r`,
      [venue.id, ROOMS],
    );
    const [type] = (await db.query(
      `INSERT INTO submission_types (event_id, code, name_fr, name_en, default_minutes) VALUES ($1, 'communication', 'Communication', 'Talk', 20) RETURNING id`,
      [eventId],
    )) as Array<{ id: string }>;
    // sessions: 2 days × ROOMS rooms × 4 slots (09:00, 11:00, 14:00, 16:00 Paris = 08:00… UTC), 90 minutes each
    await db.query(
      `INSERT INTO sessions (event_id, room_id, kind, title_fr, title_en, starts_at, ends_at)
       SELECT $1, r.id, 'workshop', 'Atelier ' || d || '.' || r.n || '.' || s || ' : villes et données', 'Workshop ' || d || '.' || r.n || '.' || s,
              timestamptz '2012-02-06T08:00:00Z' + (d - 1) * interval '1 day' + (ARRAY[0, 120, 300, 420])[s] * interval '1 minute',
              timestamptz '2012-02-06T08:00:00Z' + (d - 1) * interval '1 day' + ((ARRAY[0, 120, 300, 420])[s] + 90) * interval '1 minute'
       FROM (SELECT id, row_number() OVER (ORDER BY name) AS n FROM rooms WHERE venue_id = $2) r, generate_series(1, 2) d, generate_series(1, 4) s`,
      [eventId, venue.id],
    );
    const [{ sessions }] = (await db.query(`SELECT count(*)::int AS sessions FROM sessions WHERE event_id = $1`, [eventId])) as Array<{ sessions: number }>;
    const talks = sessions * 4;
    await db.query(
      `WITH u AS (
         INSERT INTO users (email, password_hash, roles)
         SELECT 'bench-prog-speaker-' || g || '@bench.local', 'bench:no-login', ARRAY['speaker'] FROM generate_series(1, $1) g
         RETURNING id, email
       )
       INSERT INTO speaker_profiles (user_id, first_name, last_name, affiliation, country_code)
       SELECT u.id, ($2::text[])[1 + n % cardinality($2::text[])], ($3::text[])[1 + n % cardinality($3::text[])] || ' ' || n, 'Université ' || (n % 40), 'FR'
       FROM (SELECT id, substring(email FROM 'bench-prog-speaker-([0-9]+)@')::int AS n FROM u) u`,
      [talks, FIRST_NAMES, LAST_NAMES],
    );
    await db.query(
      `INSERT INTO submissions (event_id, state, type_id, title_fr, abstract_fr, keywords, submitted_at)
       SELECT $1, 'confirmed', $2, 'Communication ' || g || ' : les territoires numériques', repeat('Résumé ' || g || ' : réseaux, données, élus. ', 6),
              ARRAY['numérique'], timestamptz '2011-10-01T08:00:00Z'
       FROM generate_series(1, $3) g`,
      [eventId, type.id, talks],
    );
    await db.query(
      `WITH s AS (SELECT id, row_number() OVER (ORDER BY title_fr, id) AS n FROM submissions WHERE event_id = $1),
            u AS (SELECT id, email, substring(email FROM 'bench-prog-speaker-([0-9]+)@')::int AS n FROM users WHERE email LIKE 'bench-prog-speaker-%')
       INSERT INTO submission_speakers (submission_id, user_id, email, role, status, position)
       SELECT s.id, u.id, u.email, 'main', 'accepted', 0 FROM s JOIN u ON u.n = s.n`,
      [eventId],
    );
    await db.query(
      `WITH s AS (SELECT id, row_number() OVER (ORDER BY starts_at, room_id) - 1 AS k FROM sessions WHERE event_id = $1),
            p AS (SELECT id, row_number() OVER (ORDER BY title_fr, id) - 1 AS n FROM submissions WHERE event_id = $1)
       INSERT INTO talks (session_id, submission_id, position, duration_minutes)
       SELECT s.id, p.id, p.n % 4, 20 FROM p JOIN s ON s.k = p.n / 4`,
      [eventId],
    );
    await db.query('ANALYZE sessions, talks, submissions, submission_speakers, speaker_profiles, users, rooms');
    return { eventId, sessions, talks, seconds: (Date.now() - started) / 1000 };
  });
}
