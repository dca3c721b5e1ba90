import { startTestApp, type TestApp } from '../support/test-app.js';
import { binary } from '../badges/badges-support.js';
import { bearer, colloquiumId, createParticipant, createPart, setNow } from '../check-ins/check-ins-support.js';

/**
 * The participants' list tells and filters who has a badge printed and who has checked in (the
 * organisers' participants page filters on both): a badge reported as failed does not count.
 */
describe('Participants list: badge printed, checked in; a badge preview is no print; the print log', () => {
  let t: TestApp;
  let organiser: string;
  let eventId: string;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    t = await startTestApp();
    organiser = await t.adminToken();
    eventId = await colloquiumId(t);
    const day1 = await createPart(t, eventId, 'jour-1', 'day', '2012-02-06', 100);
    for (const [key, lastName] of [['printed', 'Imprimé'], ['checked', 'Arrivé'], ['none', 'Rien'], ['both', 'Les-Deux']] as const) {
      const p = await createParticipant(t, organiser, eventId, { firstName: 'Anne', lastName, email: `${key}@example.org`, categories: ['researcher'] }, [day1]);
      ids[key] = p.id;
      if (key === 'checked' || key === 'both') {
        setNow(t, '2012-02-06T08:30:00Z');
        const res = await t.http.post('/api/check-ins').set(bearer(organiser)).send({ token: p.token });
        expect(res.status).toBe(201);
      }
      if (key === 'printed' || key === 'both') {
        const res = await t.http.get(`/api/participants/${p.id}/badge.pdf`).set(bearer(organiser)).buffer(true).parse(binary);
        expect(res.status).toBe(200);
      }
    }
  });
  afterAll(async () => {
    await t?.close();
  });

  const names = async (query: Record<string, string>) => {
    const res = await t.http.get(`/api/events/${eventId}/participants`).query(query).set(bearer(organiser));
    expect(res.status).toBe(200);
    return (res.body.items as Array<{ lastName: string }>).map((p) => p.lastName).sort();
  };

  it('says on each row whether a badge was printed and whether the person checked in', async () => {
    const res = await t.http.get(`/api/events/${eventId}/participants`).set(bearer(organiser));
    const byName = Object.fromEntries((res.body.items as Array<{ lastName: string; badgePrinted: boolean; checkedIn: boolean }>).map((p) => [p.lastName, [p.badgePrinted, p.checkedIn]]));
    expect(byName).toEqual({ Imprimé: [true, false], Arrivé: [false, true], Rien: [false, false], 'Les-Deux': [true, true] });
  });

  it('filters on badgePrinted and checkedIn, alone or together', async () => {
    expect(await names({ badgePrinted: 'true' })).toEqual(['Imprimé', 'Les-Deux']);
    expect(await names({ badgePrinted: 'false' })).toEqual(['Arrivé', 'Rien']);
    expect(await names({ checkedIn: 'true' })).toEqual(['Arrivé', 'Les-Deux']);
    expect(await names({ checkedIn: 'false', badgePrinted: 'false' })).toEqual(['Rien']);
  });

  it('counts a print reported as failed as not printed', async () => {
    await t.booted.dataSource.query(`UPDATE badge_prints SET failed_at = now(), failure_reason = 'Bourrage' WHERE participant_id = $1`, [ids.printed]);
    expect(await names({ badgePrinted: 'false' })).toEqual(['Arrivé', 'Imprimé', 'Rien']);
  });

  it('does not count a badge preview (?preview=true) as a print', async () => {
    const before = await names({ badgePrinted: 'false' });
    const res = await t.http.get(`/api/participants/${ids.none}/badge.pdf`).query({ preview: 'true', template: 'ceremony' }).set(bearer(organiser)).buffer(true).parse(binary);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect((res.body as Buffer).subarray(0, 5).toString()).toBe('%PDF-');
    expect(await names({ badgePrinted: 'false' })).toEqual(before);
    const [row] = await t.booted.dataSource.query(`SELECT count(*)::int AS n FROM badge_prints WHERE participant_id = $1`, [ids.none]);
    expect(row.n).toBe(0);
    // without it, the same request is a print
    await t.http.get(`/api/participants/${ids.none}/badge.pdf`).set(bearer(organiser)).buffer(true).parse(binary);
    expect(await names({ badgePrinted: 'false' })).toEqual(before.filter((n) => n !== 'Rien'));
  });

  it('keeps the print log: each badge printed with who and when, reprints with their reason, a failed one with its failure', async () => {
    const reprint = await t.http.get(`/api/participants/${ids.both}/badge.pdf`).query({ reason: 'Badge perdu' }).set(bearer(organiser)).buffer(true).parse(binary);
    expect(reprint.status).toBe(200);
    const res = await t.http.get(`/api/events/${eventId}/badges/prints`).query({ order: 'desc' }).set(bearer(organiser));
    expect(res.status).toBe(200);
    const lines = (res.body.items as Array<{ lastName: string; reprint: boolean; reason: string | null; failureReason: string | null; printJobId: string | null; printedByEmail: string | null }>).map((p) => [
      p.lastName,
      p.reprint,
      p.reason,
      p.failureReason,
    ]);
    // newest first: the reprint, the print of « Rien » after its preview (none logged), then the first prints
    expect(lines).toEqual([
      ['Les-Deux', true, 'Badge perdu', null],
      ['Rien', false, null, null],
      ['Les-Deux', false, null, null],
      ['Imprimé', false, null, 'Bourrage'],
    ]);
    expect(res.body.total).toBe(4);
    expect(res.body.items.every((p: { printJobId: string | null; printedByEmail: string | null }) => p.printJobId === null && p.printedByEmail === 'admin@test.local')).toBe(true);
    const reprints = await t.http.get(`/api/events/${eventId}/badges/prints`).query({ reprint: 'true' }).set(bearer(organiser));
    expect(reprints.body.items.map((p: { lastName: string }) => p.lastName)).toEqual(['Les-Deux']);
    expect((await t.http.get(`/api/events/00000000-0000-4000-8000-000000000000/badges/prints`).set(bearer(organiser))).status).toBe(404);
  });

  it('filters the print log on the badges reported as not come out (?failed=), with their reasons, combined with ?reprint=', async () => {
    const failed = await t.http.get(`/api/events/${eventId}/badges/prints`).query({ failed: 'true' }).set(bearer(organiser));
    expect(failed.status).toBe(200);
    expect(failed.body.total).toBe(1);
    expect(failed.body.items.map((p: { lastName: string; failureReason: string | null; failedAt: string | null }) => [p.lastName, p.failureReason, typeof p.failedAt])).toEqual([['Imprimé', 'Bourrage', 'string']]);
    const fine = await t.http.get(`/api/events/${eventId}/badges/prints`).query({ failed: 'false', order: 'desc' }).set(bearer(organiser));
    expect(fine.body.total).toBe(3);
    expect(fine.body.items.map((p: { lastName: string }) => p.lastName)).toEqual(['Les-Deux', 'Rien', 'Les-Deux']);
    const both = await t.http.get(`/api/events/${eventId}/badges/prints`).query({ failed: 'false', reprint: 'true' }).set(bearer(organiser));
    expect(both.body.items.map((p: { lastName: string; reprint: boolean }) => [p.lastName, p.reprint])).toEqual([['Les-Deux', true]]);
    expect((await t.http.get(`/api/events/${eventId}/badges/prints`).query({ failed: 'true', reprint: 'true' }).set(bearer(organiser))).body.total).toBe(0);
    const bad = await t.http.get(`/api/events/${eventId}/badges/prints`).query({ failed: 'yes' }).set(bearer(organiser));
    expect(bad.status).toBe(400);
    expect(bad.body.error).toBe('VALIDATION_FAILED');
  });

  it('refuses anything but true or false with a 400', async () => {
    const res = await t.http.get(`/api/events/${eventId}/participants`).query({ checkedIn: 'oui' }).set(bearer(organiser));
    expect(res.status).toBe(400);
    expect(res.body.error).toBe('VALIDATION_FAILED');
  });
});
