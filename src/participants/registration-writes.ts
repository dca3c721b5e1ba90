import type { EntityManager } from 'typeorm';
import type { RegistrationCreateDto } from './dto/registration-create.dto.js';
import type { RegistrationResponse } from './dto/registration.response.js';
import { REGISTRATION_COLUMNS, type RegistrationResult, type RegistrationRow } from './registration-view.js';

/**
 * What a registration's transaction reads and writes (RegistrationsService decides, in what order and
 * for whom): the Idempotency-Keys claimed, released and answered, the participants inserted. Each is one
 * statement whatever the number of requests, so a batch of 200 costs what one costs; the lone path
 * calls the same ones with one request.
 */

/** A registration waiting for its batch, and the answer the batch gave it. */
export interface PendingRegistration {
  eventId: string;
  dto: RegistrationCreateDto;
  /** The parts asked for, as sent (codes or ids), each once, sorted: the batch's group. */
  partRefs: string[];
  idempotencyKey: string | null;
  keyHash: string | null;
  /** SHA-256 of the body's canonical JSON; only with an Idempotency-Key (it is what a retry is compared by). */
  requestHash: string | null;
  /** The personal link's token, drawn once for the request, and its SHA-256 (what is stored). */
  token: string;
  tokenHash: string;
  answer: { ok: RegistrationResult } | { error: unknown } | null;
  resolve(result: RegistrationResult): void;
  reject(error: unknown): void;
}

/**
 * Claims the requests' Idempotency-Keys in one statement; returns the keys claimed. A key already held
 * (by a committed registration, or one being written, which this waits for) is not: its request replays.
 */
export async function claimKeys(m: EntityManager, scope: string, requests: PendingRegistration[]): Promise<Set<string>> {
  const keyed = requests.filter((r) => r.keyHash !== null);
  if (!keyed.length) return new Set();
  const rows: { key: string }[] = await m.query(
    `INSERT INTO idempotency_keys (scope, key, request_hash) SELECT $1, x.key, x.hash FROM unnest($2::text[], $3::text[]) WITH ORDINALITY AS x(key, hash, ord) ORDER BY x.ord
     ON CONFLICT DO NOTHING RETURNING key`,
    [scope, keyed.map((r) => r.keyHash), keyed.map((r) => r.requestHash)],
  );
  return new Set(rows.map((row) => row.key));
}

/** Gives back keys whose requests were refused: a refused request leaves no key behind, as a rolled-back transaction would. */
export async function releaseKeys(m: EntityManager, scope: string, keyHashes: string[]): Promise<void> {
  if (keyHashes.length) await m.query(`DELETE FROM idempotency_keys WHERE scope = $1 AND key = ANY($2::text[])`, [scope, keyHashes]);
}

/** Stores the answers (201) of claimed keys, for their retries. */
export async function storeAnswers(m: EntityManager, scope: string, answers: { key: string; response: string }[]): Promise<void> {
  if (!answers.length) return;
  await m.query(
    `UPDATE idempotency_keys k SET status_code = 201, response = x.response::jsonb FROM unnest($2::text[], $3::text[]) AS x(key, response) WHERE k.scope = $1 AND k.key = x.key`,
    [scope, answers.map((s) => s.key), answers.map((s) => s.response)],
  );
}

/**
 * Inserts the requests' participants in one statement, in arrival order: an email already registered
 * (or earlier among these requests) is not inserted. Each row comes back with its token's hash, which
 * tells whose it is.
 */
export async function insertParticipants(
  m: EntityManager,
  eventId: string,
  requests: PendingRegistration[],
): Promise<(RegistrationRow & { access_token_hash: string })[]> {
  return m.query(
    `INSERT INTO participants (event_id, email, first_name, last_name, affiliation, town, categories, days, dietary_needs, accessibility_needs,
                               consent_public_list, consent_photo, status, source, access_token_hash)
     SELECT $1, x.email, x.first_name, x.last_name, x.affiliation, x.town, ARRAY[x.category], string_to_array(x.days, ',')::date[], x.dietary,
            x.accessibility, x.consent_list, x.consent_photo, 'registered', 'self', x.token_hash
     FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $11::boolean[], $12::boolean[], $13::text[])
          WITH ORDINALITY AS x(email, first_name, last_name, affiliation, town, category, days, dietary, accessibility, consent_list, consent_photo, token_hash, ord)
     ORDER BY x.ord
     ON CONFLICT ON CONSTRAINT "UQ_participants_event_email" DO NOTHING RETURNING ${REGISTRATION_COLUMNS}, access_token_hash`,
    [
      eventId,
      requests.map((r) => r.dto.email.trim().toLowerCase()),
      requests.map((r) => r.dto.firstName),
      requests.map((r) => r.dto.lastName),
      requests.map((r) => r.dto.affiliation ?? null),
      requests.map((r) => r.dto.town ?? null),
      requests.map((r) => r.dto.category),
      requests.map((r) => (r.dto.days ?? []).join(',')),
      requests.map((r) => r.dto.dietaryNeeds ?? null),
      requests.map((r) => r.dto.accessibilityNeeds ?? null),
      requests.map((r) => r.dto.consentPublicList ?? false),
      requests.map((r) => r.dto.consentPhoto ?? false),
      requests.map((r) => r.tokenHash),
    ],
  );
}

/** What idempotency_keys holds for a key: the first request's hash and, once it was written, its answer. */
export interface StoredAnswer {
  key: string;
  request_hash: string;
  status_code: number | null;
  response: (RegistrationResponse & { sealedToken: string }) | null;
}

/** The stored answers of some keys of a scope, in one statement, by key hash. */
export async function readStoredAnswers(m: EntityManager, scope: string, keyHashes: string[]): Promise<Map<string, StoredAnswer>> {
  const rows: StoredAnswer[] = await m.query(`SELECT key, request_hash, status_code, response FROM idempotency_keys WHERE scope = $1 AND key = ANY($2::text[])`, [
    scope,
    [...new Set(keyHashes)],
  ]);
  return new Map(rows.map((row) => [row.key, row]));
}
