import { stringify } from 'csv-stringify/sync';
import { expectErrorBody, startTestApp, type TestApp } from '../support/test-app.js';
import { bearer, colloquiumId } from './participants-support.js';

/**
 * The import as a job (what the organisers' import page uses to show the server's progress on a
 * large file): 202 at once, running; polled, the rows checked grow to the file's rows, then the
 * report; a refused file ends failed with the same 422 body the synchronous import answers, and
 * nothing written; what is refused at once; jobs of another event are not found.
 */
const HEADER = ['Nom', 'Prénom', 'Courriel', 'Catégories'];

function file(rows: string[][]): Buffer {
  return Buffer.from('\uFEFF' + stringify(rows, { record_delimiter: 'windows' }), 'utf8');
}

interface Job {
  id: string;
  state: 'running' | 'done' | 'failed';
  phase: string;
  rows: number | null;
  checkedRows: number;
  finishedAt: string | null;
  result: { rows: number; created: number; rejected: number } | null;
  error: { statusCode: number; error: string; message: string; details?: { rejectedRows: Array<{ line: number; email: string | null }> } } | null;
}

describe('Participants import as a job, with its progress', () => {
  let t: TestApp;
  let organiser: string;
  let eventId: string;

  const start = (bytes: Buffer, query = '') =>
    t.http.post(`/api/events/${eventId}/participants/import-jobs${query}`).set(bearer(organiser)).attach('file', bytes, { filename: 'participants.csv', contentType: 'text/csv' });

  /** Polls until the job ends, keeping every state seen. */
  async function follow(jobId: string): Promise<Job[]> {
    const seen: Job[] = [];
    for (const started = Date.now(); Date.now() - started < 60_000; ) {
      const res = await t.http.get(`/api/events/${eventId}/participants/import-jobs/${jobId}`).set(bearer(organiser));
      expect(res.status).toBe(200);
      seen.push(res.body as Job);
      if (res.body.state !== 'running') return seen;
      await new Promise((r) => setTimeout(r, 5));
    }
    throw new Error('the import job did not end within 60 s');
  }

  const count = async () => (await t.booted.dataSource.query(`SELECT count(*)::int AS n FROM participants WHERE event_id = $1`, [eventId]))[0].n as number;

  beforeAll(async () => {
    t = await startTestApp({ OUTBOX_POLL_MS: '0' });
    organiser = await t.adminToken();
    eventId = await colloquiumId(t);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('answers 202 at once with the job running, then reports the rows checked as they grow, then the report of 20,000 rows', async () => {
    const rows: string[][] = [HEADER];
    for (let i = 0; i < 20_000; i++) rows.push([`Nom ${i}`, `Prénom ${i}`, `job${i}@example.org`, i % 2 ? 'researcher' : 'guest']);
    const res = await start(file(rows), '?mode=valid-rows');
    expect(res.status).toBe(202);
    expect(res.body).toMatchObject({ eventId, mode: 'valid-rows', state: 'running', checkedRows: 0, result: null, error: null, finishedAt: null });
    const seen = await follow(res.body.id);
    const last = seen[seen.length - 1];
    expect(last).toMatchObject({ state: 'done', phase: 'finished', rows: 20_000, checkedRows: 20_000, error: null });
    expect(last.result).toMatchObject({ rows: 20_000, created: 20_000, rejected: 0 });
    expect(last.finishedAt).not.toBeNull();
    // the rows checked never go back, and the server answered while it worked
    const checked = seen.map((j) => j.checkedRows);
    expect(checked).toEqual([...checked].sort((a, b) => a - b));
    expect(seen.some((j) => j.state === 'running' && j.checkedRows > 0 && j.checkedRows < 20_000)).toBe(true);
    expect(await count()).toBe(20_000);
  });

  it('ends failed with the synchronous import’s 422 report when a row is bad (all or nothing), and writes nothing', async () => {
    const before = await count();
    const rows: string[][] = [HEADER, ['Dupré', 'Hélène', 'helene.dupre@example.org', 'researcher'], ['Martin', 'Jean', 'pas-un-courriel', 'researcher'], ['Wróbel', 'Łukasz', 'lukasz@example.org', 'inconnue']];
    const res = await start(file(rows));
    expect(res.status).toBe(202);
    const last = (await follow(res.body.id)).pop()!;
    expect(last.state).toBe('failed');
    expect(last.error).toMatchObject({ statusCode: 422, error: 'IMPORT_ROWS_INVALID' });
    expect(last.error!.details!.rejectedRows.map((r) => [r.line, r.email])).toEqual([
      [3, 'pas-un-courriel'],
      [4, 'lukasz@example.org'],
    ]);
    const sync = await t.http.post(`/api/events/${eventId}/participants/import`).set(bearer(organiser)).attach('file', file(rows), { filename: 'p.csv', contentType: 'text/csv' });
    expect(sync.status).toBe(422);
    expect(last.error!.details).toEqual(sync.body.details);
    expect(await count()).toBe(before);
  });

  it('refuses at once what it can see at once: no file, not multipart, an unknown event; and a job of another event is not found', async () => {
    expectErrorBody((await t.http.post(`/api/events/${eventId}/participants/import-jobs`).set(bearer(organiser)).field('other', 'x')).body, 400);
    expectErrorBody((await t.http.post(`/api/events/${eventId}/participants/import-jobs`).set(bearer(organiser)).send({ file: 'Nom;Prénom' })).body, 415);
    const unknown = '00000000-0000-4000-8000-000000000000';
    const res = await t.http.post(`/api/events/${unknown}/participants/import-jobs`).set(bearer(organiser)).attach('file', file([HEADER, ['A', 'B', 'a@example.org', '']]), { filename: 'p.csv', contentType: 'text/csv' });
    expectErrorBody(res.body, 404);
    const job = await start(file([HEADER, ['Ébrard', 'Anne', 'anne.ebrard@example.org', 'guest']]));
    expect(job.status).toBe(202);
    await follow(job.body.id);
    const [other] = await t.booted.dataSource.query(`SELECT id FROM events WHERE id <> $1 LIMIT 1`, [eventId]);
    expectErrorBody((await t.http.get(`/api/events/${other.id}/participants/import-jobs/${job.body.id}`).set(bearer(organiser))).body, 404, 'NOT_FOUND');
    expectErrorBody((await t.http.get(`/api/events/${eventId}/participants/import-jobs/${unknown}`).set(bearer(organiser))).body, 404, 'NOT_FOUND');
  });
});
