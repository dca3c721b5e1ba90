import http from 'node:http';
import pg from 'pg';
import { startServer, stopServer, type ServerProcess } from '../support/server-process.js';
import { ADMIN, createThrowawayDatabase, serverDatabaseUrl } from '../support/test-app.js';

const server = serverDatabaseUrl();
const onServer = server ? describe : describe.skip;

/**
 * The scenario: the process is killed (SIGKILL) while a print job's PDF streams. Nobody of
 * the job is logged as printed, and once the dead process's hold on them runs out, another instance
 * offers them all in « not yet printed ». Two processes on one database: PostgreSQL server only.
 */
onServer('A print job whose process is killed mid-stream (kill -9; runs only with TEST_DATABASE_URL: two processes share a server database)', () => {
  let db: { url: string; drop(): Promise<void> };
  let sql: pg.Client;
  const running: ServerProcess[] = [];
  const env = () => ({ DATABASE_URL: db.url, ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password, LOG_LEVEL: 'silent' });

  beforeAll(async () => {
    db = await createThrowawayDatabase(server!);
  });
  afterAll(async () => {
    for (const s of running) await stopServer(s, 'SIGKILL');
    await sql?.end();
    await db?.drop();
  });

  it('logs nobody, and « not yet printed » finds them all again on another instance', async () => {
    const first = await startServer(env());
    running.push(first);
    const login = (await (await fetch(`${first.base}/api/auth/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(ADMIN) })).json()) as { accessToken: string };
    const auth = { Authorization: `Bearer ${login.accessToken}` };
    const eventId = ((await (await fetch(`${first.base}/api/events?slug=vtn2012`)).json()) as { items: { id: string }[] }).items[0].id;
    sql = new pg.Client({ connectionString: db.url });
    await sql.connect();
    const [{ id: partId }] = (
      await sql.query(`INSERT INTO event_parts (event_id, code, name_fr, kind, admission) VALUES ($1, 'atelier', 'Atelier', 'workshop', 'open') RETURNING id`, [eventId])
    ).rows;
    await sql.query(
      `WITH people AS (
         INSERT INTO participants (event_id, email, first_name, last_name, source, categories)
         SELECT $1, 'p' || i || '@example.org', 'Prénom' || i, 'Nom ' || lpad(i::text, 3, '0'), 'organiser', '{guest}' FROM generate_series(1, 400) AS i RETURNING id)
       INSERT INTO part_admissions (part_id, participant_id, status, admitted_at) SELECT $2, id, 'admitted', now() FROM people`,
      [eventId, partId],
    );
    const created = await fetch(`${first.base}/api/events/${eventId}/badges/print-jobs`, {
      method: 'POST',
      headers: { ...auth, 'Content-Type': 'application/json' },
      body: JSON.stringify({ filter: { partId, notYetPrinted: true } }),
    });
    expect(created.status).toBe(201);
    const job = (await created.json()) as { id: string; badges: number };
    expect(job.badges).toBe(400);

    // the PDF starts to arrive; then the process dies
    const { port } = new URL(first.base);
    const died = new Promise((resolve) => first.child.once('exit', resolve));
    await new Promise<void>((resolve, reject) => {
      const req = http.get({ host: '127.0.0.1', port: Number(port), path: `/api/events/${eventId}/badges/print-jobs/${job.id}.pdf`, headers: auth }, (res) => {
        if (res.statusCode !== 200) reject(new Error(`status ${res.statusCode}`));
        res.once('data', () => {
          first.child.kill('SIGKILL');
          resolve();
        });
        res.on('error', () => undefined);
      });
      req.on('error', () => undefined);
    });
    await died;

    const logged = await sql.query(`SELECT count(*)::int AS n FROM badge_prints`);
    expect(logged.rows[0].n).toBe(0);
    const [row] = (await sql.query(`SELECT state, deliveries, reserved_until > now() AS held FROM badge_print_jobs WHERE id = $1`, [job.id])).rows;
    expect(row).toEqual({ state: 'pending', deliveries: 0, held: true }); // the dead process's hold, for at most 60 s

    // the hold runs out (60 s after the last renewal; moved to now rather than waited for)
    await sql.query(`UPDATE badge_print_jobs SET reserved_until = now() WHERE id = $1`, [job.id]);
    const second = await startServer(env());
    running.push(second);
    const preview = (await (await fetch(`${second.base}/api/events/${eventId}/badges/preview?notYetPrinted=true&partId=${partId}`, { headers: auth })).json()) as { badges: number };
    expect(preview.badges).toBe(400);
    const again = await (await fetch(`${second.base}/api/events/${eventId}/badges/print-jobs/${job.id}`, { headers: auth })).json();
    expect(again).toMatchObject({ state: 'pending', deliveries: 0, reservedUntil: null });
  }, 240_000);
});
