import { cpSync, mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError } from '../../src/config/app-config.js';
import { MAIL_LOCALES, MAIL_TEMPLATES, type MailTemplate } from '../../src/mail/mail-template.js';
import { MailTemplates, parseMailTemplate } from '../../src/mail/mail-templates.js';
import { mailTemplatesDir } from '../../src/mail/mail.service.js';

/** The data the submissions module passes (every key any template takes). */
const SAMPLE = {
  firstName: 'Hélène',
  displayName: 'Hélène Dupré',
  lastName: 'Dupré',
  coSpeakerName: 'Jean-Noël L’Hôte',
  inviterName: 'Hélène Dupré',
  eventName: 'Villes et territoires numériques',
  submissionTitle: 'Remise du Label Ville Internet 2012',
  note: 'Merci de prévoir 20 minutes d’exposé et 10 minutes de questions.',
  stateLabel: 'acceptée',
  link: 'http://localhost:3000/submissions/0b5e8a9c',
  version: 3,
  changes: ['Votre communication « Remise du Label Ville Internet 2012 » est déplacée'],
  partName: 'Cérémonie du Label',
  admissions: ['Cérémonie du Label : admis(e)'],
  townName: 'Saint-Rémy-de-Provence',
  year: 2012,
  maxDelegates: 6,
};

/** Templates about several items at once, whose subject names the event rather than one proposal. */
const ABOUT_THE_EVENT: readonly MailTemplate[] = ['programme-changed', 'registration-confirmed', 'admission-granted', 'label-contact-link', 'password-reset'];

/** Who each mail greets: the first name, or the account's name for the account mails. */
const greeted = (name: MailTemplate) => (name === 'password-reset' ? SAMPLE.displayName : SAMPLE.firstName);

/** The variables each template is documented to take (templates/mail/README.md). */
const DOCUMENTED: Record<MailTemplate, { required: string[]; optional: string[] }> = {
  'submission-received': { required: ['eventName', 'firstName', 'link', 'submissionTitle'], optional: [] },
  'submission-accepted': { required: ['eventName', 'firstName', 'link', 'submissionTitle'], optional: ['note'] },
  'submission-rejected': { required: ['eventName', 'firstName', 'link', 'submissionTitle'], optional: ['note'] },
  'submission-cancelled': { required: ['eventName', 'firstName', 'link', 'submissionTitle'], optional: ['note'] },
  'co-speaker-invited': { required: ['eventName', 'inviterName', 'link', 'submissionTitle'], optional: ['firstName'] },
  'co-speaker-accepted': { required: ['coSpeakerName', 'eventName', 'firstName', 'link', 'submissionTitle'], optional: [] },
  'programme-changed': { required: ['eventName', 'firstName', 'link', 'version'], optional: ['changes', 'note'] },
  'registration-confirmed': { required: ['eventName', 'firstName', 'link'], optional: ['admissions'] },
  'admission-granted': { required: ['eventName', 'firstName', 'link', 'partName'], optional: [] },
  'label-contact-link': { required: ['eventName', 'link', 'maxDelegates', 'townName', 'year'], optional: ['firstName'] },
  'password-reset': { required: ['link'], optional: ['displayName'] },
};

describe('Mail templates (templates/mail, read as the server reads them)', () => {
  const templates = MailTemplates.load(mailTemplatesDir());

  it('takes exactly the data documented in templates/mail/README.md', () => {
    for (const name of MAIL_TEMPLATES) expect([name, templates.variables(name)]).toEqual([name, DOCUMENTED[name]]);
  });

  describe.each(MAIL_TEMPLATES.flatMap((name) => MAIL_LOCALES.map((locale) => [name, locale] as const)))('%s (%s)', (name, locale) => {
    it('renders with sample data: one-line subject with the title, greeting, link, nothing left unfilled', () => {
      const mail = templates.render(name, locale, SAMPLE);
      const named = ABOUT_THE_EVENT.includes(name) ? SAMPLE.eventName : SAMPLE.submissionTitle;
      expect(mail.subject).toContain(named);
      expect(mail.subject).not.toMatch(/[\r\n]|\{\{|\}\}/);
      expect(mail.text).not.toMatch(/\{\{|\}\}/);
      expect(mail.text).not.toMatch(/\n\n\n/);
      expect(mail.text.endsWith('\n')).toBe(true);
      expect(mail.text).toContain(SAMPLE.link);
      expect(mail.text).toContain(SAMPLE.eventName);
      expect(mail.text.split('\n')[0]).toBe(locale === 'fr' ? `Bonjour ${greeted(name)},` : `Dear ${greeted(name)},`);
      if (locale === 'fr') expect(mail.subject).toContain(`« ${named} »`);
      else expect(mail.subject).toContain(`“${named}”`);
    });

    it('throws when a variable it prints is missing or null', () => {
      for (const key of templates.variables(name).required) {
        const data: Record<string, unknown> = { ...SAMPLE };
        delete data[key];
        expect(() => templates.render(name, locale, data)).toThrow(new RegExp(`"${name}" \\(${locale}\\) needs "${key}"`));
        expect(() => templates.render(name, locale, { ...SAMPLE, [key]: null })).toThrow(`needs "${key}"`);
      }
    });
  });

  it('prints the organiser’s note only when there is one, without leaving blank lines', () => {
    const withNote = templates.render('submission-accepted', 'fr', SAMPLE);
    expect(withNote.text).toContain(`Message du comité de programme :\n${SAMPLE.note}\n\nMerci de confirmer`);
    for (const note of [undefined, null, '']) {
      const without = templates.render('submission-accepted', 'fr', { ...SAMPLE, note });
      expect(without.text).not.toContain('Message du comité');
      expect(without.text).toContain('a été acceptée pour « Villes et territoires numériques ».\n\nMerci de confirmer');
    }
    const rejected = templates.render('submission-rejected', 'en', { ...SAMPLE, note: 'Too far from the themes of the call.' });
    expect(rejected.text).toContain('A message from the programme committee:\nToo far from the themes of the call.\n');
  });

  it('writes good French: accents, « » around titles, the organisers’ signature', () => {
    const mail = templates.render('submission-received', 'fr', SAMPLE);
    expect(mail.subject).toBe('Proposition reçue : « Remise du Label Ville Internet 2012 »');
    expect(mail.text).toContain('Nous avons bien reçu votre proposition « Remise du Label Ville Internet 2012 » pour « Villes et territoires numériques ».');
    expect(mail.text).toContain('Le comité d\'organisation');
    expect(templates.render('submission-accepted', 'en', SAMPLE).subject).toBe('Submission accepted: “Remise du Label Ville Internet 2012”');
  });

  it('greets an invited co-speaker without a first name when none is known', () => {
    const data = { ...SAMPLE, firstName: undefined };
    expect(templates.render('co-speaker-invited', 'fr', data).text.split('\n')[0]).toBe('Bonjour,');
    expect(templates.render('co-speaker-invited', 'en', data).text.split('\n')[0]).toBe('Dear colleague,');
    expect(templates.render('co-speaker-invited', 'fr', SAMPLE).subject).toBe('Hélène Dupré vous invite à cosigner « Remise du Label Ville Internet 2012 »');
  });

  it('greets an account without a name in the password-reset mail, and says the link lasts one hour', () => {
    const data = { link: SAMPLE.link };
    expect(templates.render('password-reset', 'fr', data).text.split('\n')[0]).toBe('Bonjour,');
    expect(templates.render('password-reset', 'en', data).text.split('\n')[0]).toBe('Dear colleague,');
    expect(templates.render('password-reset', 'fr', data).subject).toBe('Votre nouveau mot de passe pour « Villes et territoires numériques »');
    expect(templates.render('password-reset', 'fr', data).text).toContain(`ouvrez ce lien :\n${SAMPLE.link}\n\nCe lien est valable une heure`);
    expect(templates.render('password-reset', 'en', data).text).toContain(`open this link:\n${SAMPLE.link}\n\nThis link is valid for one hour`);
  });

  it('prints values as plain text (no HTML escaping) and folds the subject to one line of at most 500 characters', () => {
    const title = "L'atelier <Ville> & \"Territoires\"";
    const mail = templates.render('submission-received', 'fr', { ...SAMPLE, submissionTitle: title });
    expect(mail.subject).toBe(`Proposition reçue : « ${title} »`);
    expect(mail.text).toContain(`« ${title} »`);
    expect(templates.render('submission-received', 'fr', { ...SAMPLE, submissionTitle: 'Deux\nlignes\r\n' }).subject).toBe('Proposition reçue : « Deux lignes »');
    const long = templates.render('submission-received', 'fr', { ...SAMPLE, submissionTitle: 'é'.repeat(2000) }).subject;
    expect(long).toHaveLength(500);
    expect(long.endsWith('…')).toBe(true);
  });

  it('throws on an unknown template or locale, and on values that are not text', () => {
    expect(() => templates.render('submission-lost' as MailTemplate, 'fr', SAMPLE)).toThrow('Unknown mail template "submission-lost"');
    expect(() => templates.render('submission-received', 'de' as 'fr', SAMPLE)).toThrow('Unknown mail locale "de"');
    expect(() => templates.render('submission-received', 'fr', { ...SAMPLE, firstName: { first: 'Hélène' } })).toThrow('"firstName" must be a string or a number');
    // a key inherited from Object.prototype is not data
    expect(() => templates.render('submission-received', 'fr', Object.create({ firstName: 'x' }) as Record<string, unknown>)).toThrow('needs');
  });
});

describe('Loading the templates at start-up', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'mail-templates-'));
    cpSync(mailTemplatesDir(), dir, { recursive: true });
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('loads a complete copy', () => {
    expect(() => MailTemplates.load(dir)).not.toThrow();
  });

  it('refuses to start when a template is missing, naming the file', () => {
    unlinkSync(join(dir, 'en', 'co-speaker-accepted.txt'));
    expect(() => MailTemplates.load(dir)).toThrow(ConfigError);
    expect(() => MailTemplates.load(dir)).toThrow(/en\/co-speaker-accepted\.txt is missing/);
  });

  it('refuses a file without its Subject line and blank line, or with broken mustache', () => {
    const file = join(dir, 'fr', 'submission-rejected.txt');
    writeFileSync(file, 'Bonjour {{firstName}},\n\nRien.\n');
    expect(() => MailTemplates.load(dir)).toThrow(/fr\/submission-rejected\.txt: the first line must be "Subject: …"/);
    writeFileSync(file, 'Subject: Décision\nBonjour {{firstName}},\n');
    expect(() => MailTemplates.load(dir)).toThrow(/followed by a blank line/);
    writeFileSync(file, 'Subject: Décision\n\n{{#note}}Bonjour {{firstName}},\n');
    expect(() => MailTemplates.load(dir)).toThrow(/fr\/submission-rejected\.txt: Unclosed section "note"/);
    writeFileSync(file, 'Subject: Décision\n\n{{> footer}}\n');
    expect(() => MailTemplates.load(dir)).toThrow(/partials/);
  });

  it('refuses French and English versions that do not take the same data', () => {
    writeFileSync(join(dir, 'en', 'submission-received.txt'), 'Subject: Received “{{submissionTitle}}”\n\nDear {{lastName}},\n{{link}} {{eventName}}\n');
    expect(() => MailTemplates.load(dir)).toThrow(/"submission-received": fr and en take different data/);
  });

  it('reads CRLF files and a byte-order mark', () => {
    const parsed = parseMailTemplate('\uFEFFSubject: Reçu « {{submissionTitle}} »\r\n\r\nBonjour {{firstName}},\r\n', 'x');
    expect(parsed).toEqual({ subject: 'Reçu « {{submissionTitle}} »', body: 'Bonjour {{firstName}},\n', required: ['firstName', 'submissionTitle'], optional: [] });
  });
});
