import { OutboxWorker } from '../../src/mail/outbox.worker.js';
import { startSmtpServer, type TestSmtpServer } from '../mail/smtp-test-server.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { bearer, proposal, setUpEvent, signUpSpeaker } from './support.js';

/**
 * The whole story over HTTP: two researchers sign up; one files a proposal with the other as
 * co-speaker and submits it; the co-speaker accepts; an organiser reviews it, accepts it with a
 * note; the speaker confirms. The mails reach a real SMTP server, in French, and the history lists
 * every move.
 */
describe('A proposal from sign-up to confirmation, with its mails', () => {
  let t: TestApp;
  let smtp: TestSmtpServer;

  beforeAll(async () => {
    smtp = await startSmtpServer();
    t = await startTestApp({ SEED_REFERENCE_DATA: 'false', SMTP_URL: smtp.url, OUTBOX_POLL_MS: '0', PUBLIC_URL: 'https://colloque.example.org' });
  });
  afterAll(async () => {
    await t?.close();
    await smtp?.close();
  });

  const deliver = () => t.booted.app.get(OutboxWorker).deliverDue();
  const mailTo = (address: string, subject: RegExp) => {
    const found = smtp.received.find((m) => m.recipients.includes(address) && subject.test(m.parsed.subject ?? ''));
    if (!found) throw new Error(`no mail to ${address} matching ${subject}: ${smtp.received.map((m) => `${m.recipients} ${m.parsed.subject}`).join('; ')}`);
    return { subject: found.parsed.subject ?? '', text: found.parsed.text ?? '' };
  };

  it('walks the story', async () => {
    const organiser = await t.adminToken();
    const setup = await setUpEvent(t, organiser);
    const helene = await signUpSpeaker(t, { firstName: 'Hélène', lastName: 'Dupré' });
    const jose = await signUpSpeaker(t, { firstName: 'José', lastName: 'Núñez' });

    const created = await t.http.post(`/api/events/${setup.eventId}/submissions`).set(bearer(helene.token)).send(proposal(setup, { coSpeakers: [jose.email] }));
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    await t.http.post(`/api/submissions/${id}/transitions`).set(bearer(helene.token)).send({ action: 'submit' }).expect(200);
    await t.http.post(`/api/submissions/${id}/invitation/accept`).set(bearer(jose.token)).expect(200);
    const review = await t.http.put(`/api/submissions/${id}/review`).set(bearer(organiser)).send({ score: 5, comment: 'Excellent' });
    expect(review.status).toBeLessThan(300);
    const note = 'Votre communication est programmée le lundi 6 février à 14 h, salle 2.';
    await t.http.post(`/api/submissions/${id}/transitions`).set(bearer(organiser)).send({ action: 'accept', note }).expect(200);
    await t.http.post(`/api/submissions/${id}/transitions`).set(bearer(helene.token)).send({ action: 'confirm' }).expect(200);

    // invitation, received (to Hélène; José had not accepted yet), accepted by José, accepted ×2
    while ((await deliver()) > 0);
    await smtp.waitFor(5);
    const invitation = mailTo(jose.email, /cosigner/);
    expect(invitation.subject).toBe('Hélène Dupré vous invite à cosigner « La ville numérique en question »');
    expect(invitation.text).toContain('Bonjour José,');
    expect(invitation.text).toContain(`https://colloque.example.org/app/proposals/${id}/invitation`);
    expect(mailTo(helene.email, /reçue/).text).toContain('Bonjour Hélène,');
    expect(mailTo(helene.email, /José Núñez|cosign/i).text).toContain('José Núñez');
    for (const person of [helene, jose]) {
      const accepted = mailTo(person.email, /acceptée/);
      expect(accepted.subject).toBe('Proposition acceptée : « La ville numérique en question »');
      expect(accepted.text).toContain(`Bonjour ${person.firstName},`);
      expect(accepted.text).toContain('a été acceptée pour « Villes et territoires numériques »');
      expect(accepted.text).toContain(note);
      expect(accepted.text).not.toMatch(/Excellent|score|5\/5/);
    }
    expect(smtp.received).toHaveLength(5);

    const history = await t.http.get(`/api/submissions/${id}/history`).set(bearer(jose.token));
    expect(history.body.items.map((i: { action: string; fromState: string; toState: string; actor: { role: string; name: null } }) => [i.action, i.fromState, i.toState, i.actor.role, i.actor.name])).toEqual([
      ['submit', 'draft', 'submitted', 'speaker', null],
      ['accept', 'submitted', 'accepted', 'organisation', null],
      ['confirm', 'accepted', 'confirmed', 'speaker', null],
    ]);
    expect(JSON.stringify(history.body)).not.toMatch(/Excellent|score|review/i);
  });
});
