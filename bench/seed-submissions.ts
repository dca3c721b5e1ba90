/**
 * Fictitious proposals for the listing benchmark, written with a few set-based SQL statements in
 * the bench's throwaway database: an event, types, tracks, speakers with profiles (accented
 * names, "Hélène Dupré" among them), organisers who review, proposals in every state with their
 * signers, and two to four reviews for each proposal past the draft. Runs in the application's
 * process (bench/server.ts), through its DataSource.
 */
import type { DataSource } from 'typeorm';

export interface SeededSubmissions {
  eventId: string;
  proposals: number;
  submitted: number;
  signers: number;
  reviews: number;
  /** Proposals that the speaker filter of the benchmark ("helene dupre") finds. */
  matchingHeleneDupre: number;
  seconds: number;
}

const FIRST_NAMES = ['Hélène', 'Jean', 'Zoë', 'François', 'Amélie', 'Jérôme', 'Inès', 'Björn', 'Łukasz', 'Chloé', 'Noël', 'Ana'];
const LAST_NAMES = ['Dupré', 'Martin', 'Lefèvre', 'Garçon', 'Müller', 'Østergaard', 'Nuñez', "O'Brien", 'Da Silva', 'Benoît', 'Kowalska'];
const TOPICS = ['villes numériques', 'données ouvertes', 'territoires connectés', 'e-administration', 'fracture numérique', 'cartographie participative'];

/** Inserts `count` proposals for a new event; returns what was written. Not idempotent: one call per database. */
export async function seedSubmissions(dataSource: DataSource, count: number): Promise<SeededSubmissions> {
  const started = Date.now();
  const speakers = Math.max(10, Math.round(count * 0.3));
  return dataSource.transaction(async (db) => {
    const [event] = (await db.query(
      `INSERT INTO events (slug, kind, name_fr, theme_fr, starts_at, ends_at, time_zone)
       VALUES ('benchcfp', 'colloquium', 'Colloque du banc d’essai (fictif)', 'Données créées par npm run bench',
               '2012-02-06T08:00:00Z', '2012-02-07T18:00:00Z', 'Europe/Paris')
       RETURNING id`,
    )) as Array<{ id: string }>;
    const eventId = event.id;
    await db.query(
      `INSERT INTO submission_types (event_id, code, name_fr, name_en, default_minutes)
       VALUES ($1, 'communication', 'Communication', 'Talk', 20), ($1, 'poster', 'Poster', 'Poster', 5), ($1, 'table-ronde', 'Table ronde', 'Round table', 60)`,
      [eventId],
    );
    await db.query(
      `INSERT INTO tracks (event_id, name_fr, display_order) SELECT $1, 'Thème ' || t || ' : ' || ($2::text[])[t], t FROM generate_series(1, 6) t`,
      [eventId, TOPICS],
    );
    // speakers (password hashes that match nothing: these accounts cannot log in) and reviewers
    await db.query(
      `WITH u AS (
         INSERT INTO users (email, password_hash, roles)
         SELECT 'bench-speaker-' || g || '@bench.local', 'bench:no-login', ARRAY['speaker'] FROM generate_series(1, $1) g
         RETURNING id, email
       )
       INSERT INTO speaker_profiles (user_id, first_name, last_name, affiliation, country_code)
       SELECT u.id,
              ($2::text[])[1 + n % cardinality($2::text[])],
              ($3::text[])[1 + n % cardinality($3::text[])],
              'Université ' || (n % 40), 'FR'
       FROM (SELECT id, email, substring(email FROM 'bench-speaker-([0-9]+)@')::int AS n FROM u) u`,
      [speakers, FIRST_NAMES, LAST_NAMES],
    );
    await db.query(
      `INSERT INTO users (email, password_hash, display_name, roles)
       SELECT 'bench-reviewer-' || g || '@bench.local', 'bench:no-login', 'Évaluateur ' || g, ARRAY['organiser'] FROM generate_series(1, 8) g`,
    );
    await db.query(
      `WITH types AS (SELECT array_agg(id ORDER BY code) AS ids FROM submission_types WHERE event_id = $1),
            tracks AS (SELECT array_agg(id ORDER BY display_order) AS ids FROM tracks WHERE event_id = $1),
            states AS (SELECT ARRAY['submitted','submitted','submitted','submitted','submitted','submitted','draft','accepted','rejected','confirmed','withdrawn','cancelled'] AS s)
       INSERT INTO submissions (event_id, state, type_id, track_id, title_fr, title_en, abstract_fr, abstract_en, keywords, submitted_at, created_at)
       SELECT $1, st, types.ids[1 + g % 3], CASE WHEN g % 10 = 0 THEN NULL ELSE tracks.ids[1 + g % 6] END,
              CASE WHEN g % 5 <> 0 THEN 'Proposition ' || g || ' sur les ' || ($3::text[])[1 + g % 6] END,
              CASE WHEN g % 2 = 0 OR g % 5 = 0 THEN 'Proposal ' || g || ' on digital cities' END,
              CASE WHEN g % 5 <> 0 THEN repeat('Résumé de la proposition ' || g || ' : réseaux, données, élus et habitants. ', 12) END,
              CASE WHEN g % 2 = 0 OR g % 5 = 0 THEN repeat('Abstract of proposal ' || g || ': networks, data, councillors, residents. ', 12) END,
              ARRAY['numérique', 'ville'],
              CASE WHEN st = 'draft' THEN NULL ELSE timestamptz '2011-09-01T08:00:00Z' + g * interval '17 minutes' END,
              timestamptz '2011-08-01T08:00:00Z' + g * interval '13 minutes'
       FROM generate_series(1, $2) g, types, tracks, states, LATERAL (SELECT states.s[1 + (g * 7) % 12] AS st) pick`,
      [eventId, count, TOPICS],
    );
    // main speakers, then co-speakers for 40 % of the proposals (a second one for 10 %)
    await db.query(
      `WITH s AS (SELECT id, row_number() OVER (ORDER BY created_at, id) AS n FROM submissions WHERE event_id = $1),
            sp AS (SELECT user_id, row_number() OVER (ORDER BY user_id) AS n FROM speaker_profiles p JOIN users u ON u.id = p.user_id WHERE u.email LIKE 'bench-speaker-%'),
            picks AS (
              SELECT s.id, 'main' AS role, 0 AS position, 1 + (s.n * 7) % $2 AS k FROM s
              UNION ALL SELECT s.id, 'co', 1, 1 + (s.n * 11 + 3) % $2 FROM s WHERE s.n % 5 IN (1, 2)
              UNION ALL SELECT s.id, 'co', 2, 1 + (s.n * 13 + 5) % $2 FROM s WHERE s.n % 10 = 1
            )
       INSERT INTO submission_speakers (submission_id, user_id, email, role, status, position)
       SELECT DISTINCT ON (picks.id, u.email) picks.id, u.id, u.email, picks.role, 'accepted', picks.position
       FROM picks JOIN sp ON sp.n = picks.k JOIN users u ON u.id = sp.user_id
       ORDER BY picks.id, u.email, picks.position`,
      [eventId, speakers],
    );
    // two to four reviews for every proposal past the draft (three on average)
    await db.query(
      `WITH s AS (SELECT id, row_number() OVER (ORDER BY created_at, id) AS n FROM submissions WHERE event_id = $1 AND state <> 'draft'),
            r AS (SELECT id, row_number() OVER (ORDER BY email) - 1 AS k FROM users WHERE email LIKE 'bench-reviewer-%')
       INSERT INTO reviews (submission_id, reviewer_id, score, comment)
       SELECT s.id, r.id, 1 + abs(hashtext(s.id::text || r.id::text)) % 5, 'Avis fictif ' || s.n
       FROM s JOIN r ON (r.k - s.n % 8 + 8) % 8 < 2 + s.n % 3`,
      [eventId],
    );
    await db.query('ANALYZE submissions, submission_speakers, reviews, speaker_profiles, users, submission_types, tracks');
    const [stats] = (await db.query(
      `SELECT (SELECT count(*)::int FROM submissions WHERE event_id = $1) AS proposals,
              (SELECT count(*)::int FROM submissions WHERE event_id = $1 AND state = 'submitted') AS submitted,
              (SELECT count(*)::int FROM submission_speakers ss JOIN submissions s ON s.id = ss.submission_id WHERE s.event_id = $1) AS signers,
              (SELECT count(*)::int FROM reviews r JOIN submissions s ON s.id = r.submission_id WHERE s.event_id = $1) AS reviews,
              (SELECT count(DISTINCT s.id)::int FROM submissions s
                 JOIN submission_speakers ss ON ss.submission_id = s.id
                 JOIN speaker_profiles p ON p.user_id = ss.user_id
               WHERE s.event_id = $1 AND s.state = 'submitted' AND p.first_name = 'Hélène' AND p.last_name = 'Dupré') AS matching`,
      [eventId],
    )) as Array<{ proposals: number; submitted: number; signers: number; reviews: number; matching: number }>;
    return {
      eventId,
      proposals: stats.proposals,
      submitted: stats.submitted,
      signers: stats.signers,
      reviews: stats.reviews,
      matchingHeleneDupre: stats.matching,
      seconds: (Date.now() - started) / 1000,
    };
  });
}
