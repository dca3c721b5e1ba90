/**
 * The one statement of a scan at the desk (CheckInsService.checkIn): one round trip reads the
 * holder by badge token (never kept in memory: a rotated token is refused at once on every
 * instance), the event's zone, the check-in the request's nonce already wrote (a retry), the part
 * (named by id or code, or today's day part in the event's zone) with the holder's place in it, the
 * check-in already there for that part and day, and the staff member's name; and, when the holder
 * is admitted and nothing is there yet, writes the check-in (INSERT … ON CONFLICT DO NOTHING: a
 * concurrent double scan writes one row, UQ_check_ins_once).
 *
 * Parameters: $1 badge token, $2 nonce or null, $3 now, $4 staff user id, $5 the part's id or code
 * or null, $6 the event the desk works for or null. Every parameter appears in every form of the
 * statement (PostgreSQL must know each one's type).
 */

/** How the scan names its part. */
export type PartLookup = 'today' | 'id' | 'code';

/**
 * When the statement writes: the SQL form of decideScan's « may go in » (check-in-rules.ts): not
 * anonymised, of the desk's event when it says, registration not cancelled, a part found, an
 * admitted place in it. The service still applies decideScan to the facts read, for the answer,
 * and treats a write the rules refuse as a bug (500).
 */
const ADMITTED = `NOT s.anonymised
       AND ($6::uuid IS NULL OR s.event_id = $6::uuid)
       AND s.status = 'registered'
       AND s.part_id IS NOT NULL
       AND s.part_admission = 'admitted'`;

const PART_CONDITION: Record<PartLookup, string> = {
  today: `ep.kind = 'day' AND ep.day = ($3::timestamptz AT TIME ZONE e.time_zone)::date AND $5::text IS NULL`,
  id: `ep.id = $5::uuid`,
  code: `ep.code = $5::text`,
};

function build(lookup: PartLookup): string {
  return `WITH s AS (
  SELECT p.id, p.event_id, p.status, (p.anonymised_at IS NOT NULL) AS anonymised, p.first_name, p.last_name, p.affiliation,
         p.categories, p.programme_roles, p.label_form, e.time_zone,
         (SELECT n.id FROM check_ins n WHERE n.event_id = p.event_id AND n.nonce = $2) AS nonce_check_in_id,
         ep.id AS part_id, ep.code AS part_code, ep.name_fr AS part_name_fr, ep.kind AS part_kind, ep.day AS part_day,
         a.status AS part_admission,
         CASE WHEN ep.kind = 'day' AND ep.day IS NOT NULL THEN ep.day ELSE ($3::timestamptz AT TIME ZONE e.time_zone)::date END AS check_in_day
    FROM participants p
    JOIN events e ON e.id = p.event_id
    LEFT JOIN LATERAL (
      SELECT ep.id, ep.code, ep.name_fr, ep.kind, ep.day FROM event_parts ep
       WHERE ep.event_id = p.event_id AND ${PART_CONDITION[lookup]}
       ORDER BY ep.display_order, ep.code
       LIMIT 1) ep ON true
    LEFT JOIN part_admissions a ON a.part_id = ep.id AND a.participant_id = p.id
   WHERE p.badge_token = $1
), earlier AS (
  SELECT c.id, c.checked_in_at, c.checked_in_by, u.display_name AS staff_name, u.email AS staff_email
    FROM s
    JOIN check_ins c ON c.participant_id = s.id AND c.part_id = s.part_id AND c.day = s.check_in_day
    LEFT JOIN users u ON u.id = c.checked_in_by
), written AS (
  INSERT INTO check_ins (event_id, participant_id, part_id, day, checked_in_by, nonce, checked_in_at)
  SELECT s.event_id, s.id, s.part_id, s.check_in_day, $4, $2, $3
    FROM s
   WHERE ${ADMITTED}
     AND s.nonce_check_in_id IS NULL
     AND NOT EXISTS (SELECT 1 FROM earlier)
  ON CONFLICT DO NOTHING
  RETURNING id, checked_in_at
)
SELECT s.id, s.event_id, s.status, s.anonymised, s.first_name, s.last_name, s.affiliation, s.categories, s.programme_roles,
       s.label_form, s.time_zone, s.nonce_check_in_id, s.part_id, s.part_code, s.part_name_fr, s.part_kind,
       s.part_day::text AS part_day, s.part_admission, s.check_in_day::text AS check_in_day,
       (SELECT u.display_name FROM users u WHERE u.id = $4) AS staff_name,
       w.id AS written_id, w.checked_in_at AS written_at,
       er.id AS earlier_id, er.checked_in_at AS earlier_at, er.checked_in_by AS earlier_by,
       er.staff_name AS earlier_staff_name, er.staff_email AS earlier_staff_email
  FROM s
  LEFT JOIN written w ON true
  LEFT JOIN earlier er ON true`;
}

const STATEMENTS: Record<PartLookup, string> = { today: build('today'), id: build('id'), code: build('code') };

/** The statement's text for a part named by id, by code, or not named (today's day part). */
export function scanStatement(lookup: PartLookup): string {
  return STATEMENTS[lookup];
}
