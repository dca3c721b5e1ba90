import { UsersService } from '../../src/users/users.service.js';
import { expectErrorBody, startTestApp, type TestApp } from '../support/test-app.js';
import { bearer, PASSWORD, signUp, signupBody, speakerRowCounts } from './support.js';

describe('Speakers: sign-up and own profile', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ SEED_REFERENCE_DATA: 'false' });
  });
  afterAll(async () => {
    await t?.close();
  });

  const me = (token: string) => t.http.get('/api/me/speaker-profile').set(bearer(token));

  it('creates a speaker account and profile, and answers like login with a working token', async () => {
    const body = signupBody({
      email: '  Helene.Dupre@Example.ORG ',
      orcid: '0000-0002-1825-0097',
      bioFr: 'Géographe.\nTravaille sur les villes numériques.',
      bioEn: 'Geographer.',
    });
    const res = await t.http.post('/api/speakers/signup').send(body);
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      accessToken: expect.any(String),
      expiresAt: expect.any(String),
      user: { id: expect.any(String), email: 'helene.dupre@example.org', roles: ['speaker'] },
    });
    const who = await t.http.get('/api/auth/me').set(bearer(res.body.accessToken));
    expect(who.status).toBe(200);
    expect(who.body).toEqual({ id: res.body.user.id, email: 'helene.dupre@example.org', roles: ['speaker'] });

    const profile = await me(res.body.accessToken);
    expect(profile.status).toBe(200);
    expect(profile.body).toEqual({
      userId: res.body.user.id,
      email: 'helene.dupre@example.org',
      firstName: 'Hélène',
      lastName: 'Dupré',
      affiliation: 'CNRS, LAVUE',
      countryCode: 'FR',
      orcid: '0000-0002-1825-0097',
      bioFr: 'Géographe.\nTravaille sur les villes numériques.',
      bioEn: 'Geographer.',
      hasPhoto: false,
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
    });
    expect(JSON.stringify(profile.body)).not.toMatch(/password|scrypt|photoSha|"photo"/i);
    // the password works for login too
    expect(await t.login('HELENE.DUPRE@example.org', PASSWORD)).toEqual(expect.any(String));
  });

  it.each([
    ['Greek', 'Αλεξάνδρα', 'Παπαδοπούλου'],
    ['Cyrillic', 'Анна-Мария', 'Достоевская'],
    ['apostrophes and hyphens', 'Jean-Noël', 'd’Alembert-O\'Neill'],
    ['Vietnamese and CJK', 'Nguyễn Thị', '王'],
  ])('keeps %s names exactly as typed', async (_label, firstName, lastName) => {
    const speaker = await signUp(t, { firstName: `  ${firstName} `, lastName });
    const profile = await me(speaker.token);
    expect(profile.body.firstName).toBe(firstName);
    expect(profile.body.lastName).toBe(lastName);
    const [account] = await t.booted.dataSource.query('SELECT display_name FROM users WHERE id = $1', [speaker.userId]);
    expect(account.display_name).toBe(`${firstName} ${lastName}`);
  });

  it('upper-cases the country code and checks it against ISO 3166-1', async () => {
    const speaker = await signUp(t, { countryCode: 'ca' });
    expect((await me(speaker.token)).body.countryCode).toBe('CA');
    for (const countryCode of ['ZZ', 'FRA', 'F', 12, '']) {
      const res = await t.http.post('/api/speakers/signup').send(signupBody({ countryCode }));
      expect(res.status).toBe(400);
      expectErrorBody(res.body, 400, 'VALIDATION_FAILED');
      expect(JSON.stringify(res.body.details)).toContain('countryCode');
    }
  });

  it('accepts valid ORCID iDs, with or without the https://orcid.org/ prefix', async () => {
    for (const orcid of ['0000-0002-1825-0097', '0000-0001-5109-3700', '0000-0002-1694-233X', 'https://orcid.org/0000-0002-1694-233X']) {
      const speaker = await signUp(t, { orcid });
      expect((await me(speaker.token)).body.orcid).toBe(orcid.replace('https://orcid.org/', ''));
    }
  });

  it.each([
    ['a wrong check digit', '0000-0002-1825-0098', /wrong check digit.*must be 7/],
    ['a lower-case x', '0000-0002-1694-233x', /upper-case X, not a lower-case x/],
    ['a wrong format', '0000-0002-18250097', /must look like 0000-0002-1825-0097/],
    ['no hyphens', '0000000218250097', /must look like/],
    ['a number', 2182500970, /orcid must be a string/],
  ])('refuses an ORCID with %s (400, a clear message, nothing written)', async (_label, orcid, message) => {
    const before = await speakerRowCounts(t);
    const res = await t.http.post('/api/speakers/signup').send(signupBody({ orcid }));
    expect(res.status).toBe(400);
    expectErrorBody(res.body, 400, 'VALIDATION_FAILED');
    const orcidErrors = (res.body.details.errors as { field: string; errors: string[] }[]).find((e) => e.field === 'orcid');
    expect(orcidErrors?.errors.join(' ')).toMatch(message);
    expect(await speakerRowCounts(t)).toEqual(before);
  });

  it('answers 409 EMAIL_TAKEN the same whether the email belongs to a speaker or an organiser, and writes nothing', async () => {
    const speaker = await signUp(t);
    await t.booted.app.get(UsersService).createAccount({ email: 'orga@example.org', password: 'organiser-password', roles: ['organiser'] });
    const before = await speakerRowCounts(t);
    const again = await t.http.post('/api/speakers/signup').send(signupBody({ email: speaker.email.toUpperCase(), firstName: 'Autre' }));
    const organiser = await t.http.post('/api/speakers/signup').send(signupBody({ email: 'Orga@Example.org', firstName: 'Autre' }));
    for (const res of [again, organiser]) {
      expect(res.status).toBe(409);
      expectErrorBody(res.body, 409, 'EMAIL_TAKEN');
      expect(res.body.message).not.toMatch(/speaker|organi[sz]er|reception|role/i);
    }
    const { requestId: _a, ...first } = again.body;
    const { requestId: _b, ...second } = organiser.body;
    expect(first).toEqual(second);
    expect(await speakerRowCounts(t)).toEqual(before);
  });

  it('refuses bad sign-ups with 400 in the error shape and writes nothing', async () => {
    const before = await speakerRowCounts(t);
    const huge = 'x'.repeat(100_000);
    const accented = 'é'.repeat(100_000);
    const bodies: unknown[] = [
      signupBody({ password: 'short' }),
      signupBody({ password: 'x'.repeat(201) }),
      signupBody({ email: 'not-an-email' }),
      signupBody({ firstName: '   ' }),
      signupBody({ firstName: 'Jean\nPaul' }),
      signupBody({ lastName: 'Dupré\u0000' }),
      signupBody({ lastName: 'x'.repeat(201) }),
      signupBody({ affiliation: 'x'.repeat(301) }),
      signupBody({ bioFr: 'x'.repeat(5001) }),
      signupBody({ bioEn: 'bell\u0007' }),
      signupBody({ firstName: huge, lastName: huge, affiliation: huge, bioFr: huge, email: huge, password: huge, orcid: huge }),
      signupBody({ firstName: accented, lastName: accented }),
      signupBody({ bioEn: accented, countryCode: huge }),
      signupBody({ firstName: 42 }),
      signupBody({ firstName: ['Hélène'] }),
      signupBody({ countryCode: { $ne: '' } }),
      signupBody({ roles: ['organiser'] }),
      signupBody({ isAdmin: true }),
      { ...signupBody(), email: undefined },
      [],
      'text',
    ];
    for (const body of bodies) {
      const res = await t.http.post('/api/speakers/signup').send(body as object);
      expect(res.status).toBe(400);
      expectErrorBody(res.body, 400);
    }
    const malformed = await t.http.post('/api/speakers/signup').set('content-type', 'application/json').send('{"email": ');
    expect(malformed.status).toBe(400);
    expectErrorBody(malformed.body, 400, 'MALFORMED_JSON');
    expect(await speakerRowCounts(t)).toEqual(before);
  });

  it('writes neither the account nor the profile when the profile insert fails after the account insert', async () => {
    // A trigger makes PostgreSQL refuse one profile, so the account row is already written when the failure comes.
    await t.booted.dataSource.query(`
      CREATE FUNCTION refuse_test_profile() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.affiliation = 'Refusée par le test' THEN
          RAISE EXCEPTION 'refused by the test' USING ERRCODE = 'check_violation', CONSTRAINT = 'CHK_test';
        END IF;
        RETURN NEW;
      END $$`);
    await t.booted.dataSource.query(
      `CREATE TRIGGER refuse_test_profile BEFORE INSERT ON speaker_profiles FOR EACH ROW EXECUTE FUNCTION refuse_test_profile()`,
    );
    try {
      const before = await speakerRowCounts(t);
      const res = await t.http.post('/api/speakers/signup').send(signupBody({ email: 'rolled-back@example.org', affiliation: 'Refusée par le test' }));
      expect(res.status).toBe(422);
      expectErrorBody(res.body, 422);
      expect(await speakerRowCounts(t)).toEqual(before);
      expect(await t.booted.dataSource.query(`SELECT id FROM users WHERE email = 'rolled-back@example.org'`)).toEqual([]);
      // and the same email signs up fine afterwards
      expect((await t.http.post('/api/speakers/signup').send(signupBody({ email: 'rolled-back@example.org' }))).status).toBe(201);
    } finally {
      await t.booted.dataSource.query('DROP TRIGGER refuse_test_profile ON speaker_profiles');
      await t.booted.dataSource.query('DROP FUNCTION refuse_test_profile()');
    }
  });

  it('changes only the fields sent; null clears optional fields and is refused for required ones', async () => {
    const speaker = await signUp(t, { orcid: '0000-0002-1825-0097', bioFr: 'Bio' });
    const patch = (body: unknown) => t.http.patch('/api/me/speaker-profile').set(bearer(speaker.token)).send(body as object);

    const changed = await patch({ affiliation: '  Université Paris 8  ', orcid: 'https://orcid.org/0000-0001-5109-3700', bioEn: 'Line one\nLine two' });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({
      firstName: 'Hélène',
      affiliation: 'Université Paris 8',
      orcid: '0000-0001-5109-3700',
      bioFr: 'Bio',
      bioEn: 'Line one\nLine two',
    });

    const cleared = await patch({ orcid: null, bioFr: null, bioEn: '' });
    expect(cleared.status).toBe(200);
    expect(cleared.body).toMatchObject({ orcid: null, bioFr: null, bioEn: null, affiliation: 'Université Paris 8' });

    for (const field of ['firstName', 'lastName', 'affiliation', 'countryCode']) {
      const res = await patch({ [field]: null });
      expect(res.status).toBe(400);
      expectErrorBody(res.body, 400, 'VALIDATION_FAILED');
      expect(JSON.stringify(res.body.details)).toContain(field);
    }
    for (const body of [{ orcid: '0000-0002-1694-233x' }, { email: 'new@example.org' }, { userId: speaker.userId }, { hasPhoto: true }, { countryCode: 'XX' }]) {
      const res = await patch(body);
      expect(res.status).toBe(400);
      expectErrorBody(res.body, 400);
    }
    expect((await me(speaker.token)).body).toMatchObject({ firstName: 'Hélène', lastName: 'Dupré', countryCode: 'FR', orcid: null });
    expect((await patch({})).status).toBe(200);
  });

  it('renames the account too when the profile’s names change', async () => {
    const speaker = await signUp(t, { firstName: 'Anne', lastName: 'Martin' });
    const res = await t.http.patch('/api/me/speaker-profile').set(bearer(speaker.token)).send({ lastName: 'Martin-Lefèvre' });
    expect(res.status).toBe(200);
    const [row] = await t.booted.dataSource.query('SELECT display_name FROM users WHERE id = $1', [speaker.userId]);
    expect(row.display_name).toBe('Anne Martin-Lefèvre');
  });

  it('keeps profile routes to speakers: 401 without a token, 403 for staff, 404 for a speaker account without a profile', async () => {
    expect((await t.http.get('/api/me/speaker-profile')).status).toBe(401);
    const reception = await t.tokenFor('reception');
    const forbidden = await t.http.get('/api/me/speaker-profile').set(bearer(reception));
    expect(forbidden.status).toBe(403);
    expectErrorBody(forbidden.body, 403, 'FORBIDDEN');
    await t.booted.app.get(UsersService).createAccount({ email: 'bare-speaker@example.org', password: 'bare-speaker-pw', roles: ['speaker'] });
    const bare = await t.login('bare-speaker@example.org', 'bare-speaker-pw');
    const missing = await t.http.get('/api/me/speaker-profile').set(bearer(bare));
    expect(missing.status).toBe(404);
    expectErrorBody(missing.body, 404, 'NOT_FOUND');
  });
});
