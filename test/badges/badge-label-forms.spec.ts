import { expectErrorBody, startTestApp, type TestApp } from '../support/test-app.js';
import { bearer, binary, run, scratch } from './badges-support.js';

/**
 * The role word on a badge in French: neutral by default (« Présidence de séance »,
 * « Chercheur·euse »), or the form the person chose (labelForm, set by organisers), read back from
 * the PDF with pdftotext.
 */
describe('Role words on badges: neutral by default, or the chosen form', () => {
  let t: TestApp;
  let admin: string;
  let eventId: string;
  const tmp = scratch();

  beforeAll(async () => {
    t = await startTestApp({ OUTBOX_POLL_MS: '0' });
    admin = await t.adminToken();
    eventId = (await t.http.get('/api/events?slug=vtn2012')).body.items[0].id;
  });
  afterAll(async () => {
    tmp.remove();
    await t?.close();
  });

  const create = async (body: Record<string, unknown>) => {
    const res = await t.http.post(`/api/events/${eventId}/participants`).set(bearer(admin)).send(body);
    expect(res.status).toBe(201);
    return res.body as { id: string; labelForm: string };
  };
  const badgeText = async (id: string, name: string) => {
    const res = await t.http.get(`/api/participants/${id}/badge.pdf`).set(bearer(admin)).buffer(true).parse(binary);
    expect(res.status).toBe(200);
    return run('pdftotext', [tmp.write(`${name}.pdf`, res.body as Buffer), '-']).replace(/\s+/g, ' ');
  };

  it('prints « Présidence de séance » for a chair by default, « Présidente » or « Président » when chosen', async () => {
    const chair = await create({ firstName: 'Camille', lastName: 'Lefèvre', email: 'camille.lefevre@example.org', categories: ['researcher'] });
    expect(chair.labelForm).toBe('neutral');
    // chairs come from the published programme only: the role is written as the programme sync would
    await t.booted.dataSource.query(`UPDATE participants SET programme_roles = '{chair}' WHERE id = $1`, [chair.id]);
    const neutral = await badgeText(chair.id, 'neutral');
    expect(neutral).toContain('Présidence de séance');
    expect(neutral).not.toMatch(/Président(e)? de séance/);

    const feminine = await t.http.patch(`/api/participants/${chair.id}`).set(bearer(admin)).send({ labelForm: 'feminine' });
    expect(feminine.status).toBe(200);
    expect(feminine.body.labelForm).toBe('feminine');
    expect(await badgeText(chair.id, 'feminine')).toContain('Présidente de séance');

    expect((await t.http.patch(`/api/participants/${chair.id}`).set(bearer(admin)).send({ labelForm: 'masculine' })).status).toBe(200);
    const masculine = await badgeText(chair.id, 'masculine');
    expect(masculine).toContain('Président de séance');
    expect(masculine).not.toContain('Présidente');
  });

  it('uses the inclusive form for researchers, speakers and guests unless one is chosen at creation', async () => {
    const researcher = await create({ firstName: 'Dominique', lastName: 'Garnier', email: 'dominique.garnier@example.org', categories: ['researcher'] });
    expect(await badgeText(researcher.id, 'researcher')).toContain('Chercheur·euse');
    const guest = await create({ firstName: 'Maria', lastName: 'Rossi', email: 'maria.rossi@example.org', categories: ['guest'], labelForm: 'feminine' });
    expect(guest.labelForm).toBe('feminine');
    expect(await badgeText(guest.id, 'guest')).toContain('Invitée');
    const speaker = await create({ firstName: 'Alex', lastName: 'Martin', email: 'alex.martin@example.org', categories: ['guest'] });
    await t.booted.dataSource.query(`UPDATE participants SET programme_roles = '{speaker}' WHERE id = $1`, [speaker.id]);
    expect(await badgeText(speaker.id, 'speaker')).toContain('Intervenant·e');
  });

  it('reads and writes the form in the participants’ CSV (« Forme du libellé »): an export imports back, a changed cell changes the badge', async () => {
    const file = ['Nom,Prénom,Courriel,Catégories,Forme du libellé', 'Nowak,Agnieszka,agnieszka.nowak@example.org,Chercheur·euse,féminin', 'Petit,Claude,claude.petit@example.org,Invité,'].join('\r\n');
    const imported = await t.http.post(`/api/events/${eventId}/participants/import`).set(bearer(admin)).attach('file', Buffer.from(file, 'utf8'), { filename: 'p.csv', contentType: 'text/csv' });
    expect(imported.status).toBe(200);
    expect(imported.body.created).toBe(2);
    const rows: { id: string; email: string; label_form: string }[] = await t.booted.dataSource.query(
      `SELECT id, email, label_form FROM participants WHERE email IN ('agnieszka.nowak@example.org', 'claude.petit@example.org') ORDER BY email`,
    );
    expect(rows.map((r) => r.label_form)).toEqual(['feminine', 'neutral']);
    expect(await badgeText(rows[0].id, 'imported')).toContain('Chercheuse');
    const csv = await t.http.get(`/api/events/${eventId}/participants.csv`).set(bearer(admin));
    expect(csv.status).toBe(200);
    expect(csv.text).toMatch(/Nowak,Agnieszka,agnieszka\.nowak@example\.org,.*,researcher,Chercheuse,féminin,/);
    expect(csv.text).toMatch(/Petit,Claude,claude\.petit@example\.org,.*,guest,Invité·e,neutre,/);
    const again = await t.http.post(`/api/events/${eventId}/participants/import`).set(bearer(admin)).attach('file', Buffer.from(csv.text.replace(/^\ufeff/, ''), 'utf8'), { filename: 'p.csv', contentType: 'text/csv' });
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ created: 0, updated: 0 });
    const bad = await t.http.post(`/api/events/${eventId}/participants/import`).set(bearer(admin)).attach('file', Buffer.from('Nom,Prénom,Courriel,Forme du libellé\r\nX,Y,x.y@example.org,autre', 'utf8'), { filename: 'p.csv', contentType: 'text/csv' });
    expect(bad.status).toBe(422);
    expect(JSON.stringify(bad.body)).toContain('Forme du libellé');
  });

  it('refuses another form, or null, with 400 VALIDATION_FAILED and writes nothing; the database refuses it too', async () => {
    const p = await create({ firstName: 'Sacha', lastName: 'Dubois', email: 'sacha.dubois@example.org', labelForm: 'masculine' });
    for (const labelForm of ['épicène', null, 1]) {
      const res = await t.http.patch(`/api/participants/${p.id}`).set(bearer(admin)).send({ labelForm });
      expectErrorBody(res.body, 400, 'VALIDATION_FAILED');
      expect(res.body.details.errors[0].field).toBe('labelForm');
    }
    expect((await t.http.get(`/api/participants/${p.id}`).set(bearer(admin))).body.labelForm).toBe('masculine');
    await expect(t.booted.dataSource.query(`UPDATE participants SET label_form = 'other' WHERE id = $1`, [p.id])).rejects.toMatchObject({ code: '23514' });
  });
});
