import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { renderScheduleJson } from '../../src/programme-exports/frab-schedule-json.js';
import { renderScheduleXml } from '../../src/programme-exports/frab-schedule-xml.js';
import { scheduleAcronym, type ScheduleOptions } from '../../src/programme-exports/frab-schedule.js';
import { IDS, LONG_TITLE_FR, movedFixture, NAMES, programmeFixture } from './exports-fixture.js';

const FIXTURES = join(process.cwd(), 'test/fixtures/frab-schedule');
const XSD = join(FIXTURES, 'schedule.xml.xsd');
const OPTIONS: ScheduleOptions = { lang: 'fr', publicUrl: 'http://localhost:3000', generator: { name: 'colloquium-back-office', version: '0.1.0' } };

// ajv-formats is CommonJS: its default export arrives as the module object under ESM
const addFormats = ((addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ?? addFormatsModule) as unknown as (
  ajv: Ajv,
) => Ajv;

const dir = mkdtempSync(join(tmpdir(), 'schedule-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** xmllint's verdict on a document against the frab XSD. */
function xmllint(xml: string, name = 'schedule.xml'): { status: number | null; output: string } {
  const file = join(dir, name);
  writeFileSync(file, xml);
  const run = spawnSync('xmllint', ['--noout', '--schema', XSD, file], { encoding: 'utf8' });
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

function validator() {
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  // the schema uses a "color" format that ajv-formats lacks: a hex colour, as the XSD says
  ajv.addFormat('color', /^#[0-9a-fA-F]{6}$/);
  // the schema declares draft-06, whose meta-schema ajv ships but does not load by default
  ajv.addMetaSchema(JSON.parse(readFileSync(join(process.cwd(), 'node_modules/ajv/dist/refs/json-schema-draft-06.json'), 'utf8')));
  return ajv.compile(JSON.parse(readFileSync(join(FIXTURES, 'schedule.schema.json'), 'utf8')));
}

/** Every event of a schedule JSON document, keyed by GUID. */
function jsonEvents(json: string): Map<string, Record<string, unknown>> {
  const doc = JSON.parse(json) as { schedule: { conference: { days: { rooms: Record<string, Record<string, unknown>[]> }[] } } };
  return new Map(doc.schedule.conference.days.flatMap((d) => Object.values(d.rooms).flat()).map((e) => [e.guid as string, e]));
}

/** guid → [id, start, room] of every event of a schedule.xml, read with a plain pattern. */
function xmlEvents(xml: string): Map<string, string> {
  return new Map([...xml.matchAll(/<event guid="([^"]+)" id="(\d+)">\s*<date>([^<]+)<\/date>/g)].map((m) => [m[1], `${m[2]} ${m[3]}`]));
}

describe('frab schedule XML (programme.xml)', () => {
  const v1 = programmeFixture();
  const xml = renderScheduleXml(v1, OPTIONS);

  it('the validator itself refuses a broken document (so a pass means something)', () => {
    const broken = xml.replace(/<event guid="[^"]+"/, '<event guid="not-a-uuid"');
    const result = xmllint(broken, 'broken.xml');
    expect(result.status).not.toBe(0);
    expect(result.output).toMatch(/guid/);
  });

  it('validates against the frab XSD with xmllint, in French and in English, and for version 2', () => {
    for (const [name, doc] of [
      ['fr.xml', xml],
      ['en.xml', renderScheduleXml(v1, { ...OPTIONS, lang: 'en' })],
      ['v2.xml', renderScheduleXml(movedFixture(), OPTIONS)],
    ] as const) {
      const result = xmllint(doc, name);
      expect(result.output).toContain('validates');
      expect(result.status).toBe(0);
    }
  });

  it('names the conference by its slug, version and days, with rooms of both venues', () => {
    expect(xml).toContain('<acronym>vtn2012</acronym>');
    expect(xml).toContain('<version>1</version>');
    expect(xml).toContain('<time_zone_name>Europe/Paris</time_zone_name>');
    expect(xml).toMatch(/<day index="1" date="2012-02-06" start="2012-02-06T00:00:00\+01:00" end="2012-02-07T00:00:00\+01:00">/);
    expect(xml).toContain(`<room name="Grand Salon (Espace Cardin)" guid="${IDS.salon}">`);
    expect(xml).toContain(`<room name="Amphithéâtre Marie Curie (CNRS)" guid="${IDS.amphi}">`);
  });

  it('gives the ceremony at 18:00 Paris time for three hours, and each talk with its speakers', () => {
    const ceremony = xml.slice(xml.indexOf(`<event guid="${IDS.ceremony}"`));
    expect(ceremony).toMatch(/^<event guid="[^"]+" id="\d+">\s*<date>2012-02-06T18:00:00\+01:00<\/date>\s*<start>18:00<\/start>\s*<duration>03:00<\/duration>/);
    const talk = xml.slice(xml.indexOf(`<event guid="${IDS.talkAristotelis}"`), xml.indexOf('</event>', xml.indexOf(`<event guid="${IDS.talkAristotelis}"`)));
    expect(talk).toContain(`<title>${LONG_TITLE_FR}</title>`);
    expect(talk).toContain(`guid="${IDS.aristotelis}">${NAMES.aristotelis}</person>`);
    expect(talk).toContain(`>${NAMES.zoe}</person>`);
    expect(talk).toContain('<language>fr</language>');
    expect(talk).toContain('<track>Société de la connaissance</track>');
    // the guest chair keeps the id of their chair row as GUID
    expect(xml).toContain(`guid="${IDS.guestChair}">${NAMES.guestChair}</person>`);
  });

  it('keeps GUIDs and integer ids between versions; only the moved item changes time', () => {
    const before = xmlEvents(xml);
    const after = xmlEvents(renderScheduleXml(movedFixture(), OPTIONS));
    expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
    const changed = [...after.entries()].filter(([guid, v]) => before.get(guid) !== v).map(([guid]) => guid);
    expect(changed).toEqual([IDS.coffee2]);
  });
});

describe('schedule JSON (programme.json)', () => {
  const v1 = programmeFixture();
  const json = renderScheduleJson(v1, OPTIONS);
  const validate = validator();

  it('the validator itself refuses a broken document (so a pass means something)', () => {
    const doc = JSON.parse(json);
    doc.schedule.conference.acronym = 'vtn-2012';
    delete doc.schedule.conference.days[0].rooms[Object.keys(doc.schedule.conference.days[0].rooms)[0]][0].url;
    expect(validate(doc)).toBe(false);
  });

  it('the validator accepts the real pretalx export shipped with the schema', () => {
    expect(validate(JSON.parse(readFileSync(join(FIXTURES, 'example-pretalx-democon.json'), 'utf8')))).toBe(true);
  });

  it('validates against schedule.schema.json with ajv (strict: false, ajv-formats), in both languages and for version 2', () => {
    for (const doc of [json, renderScheduleJson(v1, { ...OPTIONS, lang: 'en' }), renderScheduleJson(movedFixture(), OPTIONS)]) {
      const ok = validate(JSON.parse(doc));
      expect(validate.errors ?? []).toEqual([]);
      expect(ok).toBe(true);
    }
  });

  it('carries the same programme as the XML: slug acronym, version, the ceremony, names intact', () => {
    const doc = JSON.parse(json);
    expect(doc.schedule.version).toBe('1');
    expect(doc.schedule.conference).toMatchObject({ acronym: 'vtn2012', start: '2012-02-06', end: '2012-02-07', daysCount: 2, time_zone_name: 'Europe/Paris' });
    const events = jsonEvents(json);
    expect(events.get(IDS.ceremony)).toMatchObject({
      date: '2012-02-06T18:00:00+01:00',
      start: '18:00',
      end: '2012-02-06T21:00:00+01:00',
      duration: '03:00',
      room: 'Grand Salon (Espace Cardin)',
      title: 'Remise du Label Ville Internet 2012',
      subtitle: 'Ville Internet Label 2012 award ceremony',
      type: 'ceremony',
      language: 'fr',
    });
    expect(events.get(IDS.talkIvanov)).toMatchObject({ title: 'Digital public services in Russian municipalities: from e-government portals to citizen participation', language: 'en' });
    expect((events.get(IDS.talkObrien)!.persons as { name: string }[]).map((p) => p.name)).toEqual([NAMES.zoe, NAMES.lukasz]);
    const en = jsonEvents(renderScheduleJson(v1, { ...OPTIONS, lang: 'en' }));
    expect(en.get(IDS.ceremony)!.title).toBe('Ville Internet Label 2012 award ceremony');
    // each event's url opens a page a person reads: the talk's page, the session's place on the programme page (in the export's language)
    expect(events.get(IDS.talkIvanov)!.url).toBe(`http://localhost:3000/programme/vtn2012/talks/${IDS.talkIvanov}`);
    expect(events.get(IDS.ceremony)!.url).toBe(`http://localhost:3000/programme/vtn2012#session-${IDS.ceremony}`);
    expect(en.get(IDS.talkIvanov)!.url).toBe(`http://localhost:3000/programme/vtn2012/talks/${IDS.talkIvanov}?lang=en`);
    // every talk and every session without talks is there exactly once
    const expected = v1.sessions.flatMap((s) => (s.talks.length ? s.talks.map((t) => t.id) : [s.id]));
    expect([...events.keys()].sort()).toEqual(expected.sort());
  });

  it('keeps GUIDs, ids and slugs between versions; the same snapshot gives the same bytes', () => {
    const before = jsonEvents(json);
    const after = jsonEvents(renderScheduleJson(movedFixture(), OPTIONS));
    expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
    for (const [guid, event] of after) {
      expect([event.id, event.slug]).toEqual([before.get(guid)!.id, before.get(guid)!.slug]);
      if (guid !== IDS.coffee2) expect(event).toEqual(before.get(guid));
    }
    expect(after.get(IDS.coffee2)!.date).toBe('2012-02-07T10:45:00+01:00');
    expect(renderScheduleJson(programmeFixture(), OPTIONS)).toBe(json);
  });
});

/** xmllint's XPath answer on a document (as a schedule app reads the elements). */
function xpath(xml: string, expression: string): string {
  const file = join(dir, 'xpath.xml');
  writeFileSync(file, xml);
  const run = spawnSync('xmllint', ['--xpath', expression, file], { encoding: 'utf8' });
  return run.stdout.trim();
}

describe('what schedule apps show (ConfClerk, Giggity, EventFahrplan): track, session, room, venue and city', () => {
  const v1 = programmeFixture();
  const xml = renderScheduleXml(v1, OPTIONS);
  const event = (guid: string, child: string) => xpath(xml, `string(//day/room/event[@guid="${guid}"]/${child})`);

  it('gives every event a track, a room and a type (no « No track », no empty « Where »)', () => {
    const total = Number(xpath(xml, 'count(//day/room/event)'));
    expect(total).toBe(v1.sessions.reduce((n, s) => n + Math.max(1, s.talks.length), 0));
    for (const child of ['track', 'room', 'type', 'title']) expect(xpath(xml, `count(//day/room/event[normalize-space(${child})=""])`)).toBe('0');
    // each event's room is the room it is listed under, with its venue
    expect(xpath(xml, 'count(//day/room/event[room != ../@name])')).toBe('0');
    expect(event(IDS.ceremony, 'room')).toBe('Grand Salon (Espace Cardin)');
  });

  it('a talk keeps its track; a talk without one is filed under its session; a session without talks under its kind', () => {
    expect(event(IDS.talkWrobel, 'track')).toBe('Société de la connaissance');
    expect(event(IDS.talkIvanov, 'track')).toBe('Gouvernance locale et e-démocratie');
    // the keynote's session has no track: its title stands for it
    expect(event(IDS.talkKeynote, 'track')).toBe('Conférence invitée : géographie de la société de l’information');
    expect(event(IDS.coffee1, 'track')).toBe('Pause');
    expect(event(IDS.ceremony, 'track')).toBe('Cérémonie');
    expect(event(IDS.roundTable, 'track')).toBe('Table ronde');
    const en = renderScheduleXml(v1, { ...OPTIONS, lang: 'en' });
    expect(xpath(en, `string(//event[@guid="${IDS.talkKeynote}"]/track)`)).toBe('Keynote: geography of the information society');
    expect(xpath(en, `string(//event[@guid="${IDS.coffee1}"]/track)`)).toBe('Break');
  });

  it('shows each talk’s session as its subtitle; the conference lists every track its events use', () => {
    expect(event(IDS.talkObrien, 'subtitle')).toBe(
      'Séance\u00a0: Atelier 1 — Démocratie électronique, participation citoyenne et services publics numériques dans les communes et les intercommunalités d’Europe',
    );
    expect(xpath(renderScheduleXml(v1, { ...OPTIONS, lang: 'en' }), `string(//event[@guid="${IDS.talkIvanov}"]/subtitle)`)).toBe(
      'Session: Workshop 1 — E-democracy, citizen participation and digital public services in European towns',
    );
    // a session without talks keeps its title in the other language
    expect(event(IDS.ceremony, 'subtitle')).toBe('Ville Internet Label 2012 award ceremony');
    const listed = xpath(xml, '//conference/track/@name').split('\n').map((a) => a.replace(/^\s*name="(.*)"$/, '$1'));
    const used = [...new Set(xpath(xml, '//day/room/event/track').split('\n').map((t) => t.replace(/^<track>(.*)<\/track>$/, '$1')))];
    expect([...listed].sort()).toEqual([...used].sort());
    expect(listed).toEqual(expect.arrayContaining(['Société de la connaissance', 'Pause', 'Cérémonie']));
  });

  it('the pentabarf dialect gives the conference its venue and city (ConfClerk’s « Where »); the default stays valid against the XSD', () => {
    const pentabarf = renderScheduleXml(v1, OPTIONS, 'pentabarf');
    expect(xpath(pentabarf, 'string(/schedule/conference/venue)')).toBe('CNRS / Espace Cardin');
    expect(xpath(pentabarf, 'string(/schedule/conference/city)')).toBe('Paris');
    // everything else is the same document
    expect(pentabarf.replace(/\s*<venue>[^<]*<\/venue>\s*<city>[^<]*<\/city>/, '')).toBe(xml);
    expect(xpath(xml, 'count(/schedule/conference/venue | /schedule/conference/city)')).toBe('0');
    expect(xmllint(xml, 'c3voc.xml').status).toBe(0);
  });

  it('the JSON carries the same tracks and sessions, and the venues and city in the conference’s meta', () => {
    const json = JSON.parse(renderScheduleJson(v1, OPTIONS));
    const events = jsonEvents(renderScheduleJson(v1, OPTIONS));
    expect(json.schedule.conference.meta).toEqual({ venue: 'CNRS / Espace Cardin', city: 'Paris' });
    expect(events.get(IDS.talkKeynote)).toMatchObject({ track: 'Conférence invitée : géographie de la société de l’information', room: 'Amphithéâtre Marie Curie (CNRS)' });
    expect(events.get(IDS.coffee1)!.track).toBe('Pause');
    expect(events.get(IDS.talkWrobel)!.subtitle).toBe('Séance\u00a0: Ouverture : le rôle des collectivités locales dans la société de la connaissance');
    expect([...events.values()].filter((e) => !e.track)).toEqual([]);
    expect((json.schedule.conference.tracks as { name: string }[]).map((t) => t.name)).toEqual(expect.arrayContaining([...new Set([...events.values()].map((e) => e.track))]));
  });
});

describe('edge cases of both schedule formats', () => {
  it('derives an acronym both schemas accept from any slug', () => {
    expect(scheduleAcronym('vtn2012')).toBe('vtn2012');
    expect(scheduleAcronym('label-2012')).toBe('label2012');
    expect(scheduleAcronym('VTN.2012')).toBe('vtn2012');
    expect(scheduleAcronym('ab')).toBe('ab__');
  });

  it('an empty published programme, and one whose slug has hyphens, still validate', () => {
    const empty = programmeFixture();
    empty.sessions = [];
    empty.event.slug = 'vtn-2012';
    const lint = xmllint(renderScheduleXml(empty, OPTIONS), 'empty.xml');
    expect(lint.output).toContain('validates');
    const validate = validator();
    expect(validate(JSON.parse(renderScheduleJson(empty, OPTIONS)))).toBe(true);
  });
});
