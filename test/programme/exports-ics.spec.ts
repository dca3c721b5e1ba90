import ICAL from 'ical.js';
import { foldContentLine } from '../../src/programme-exports/ics-lines.js';
import { renderProgrammeIcs } from '../../src/programme-exports/programme-ics.js';
import { IDS, LONG_TITLE_FR, movedFixture, NAMES, programmeFixture } from './exports-fixture.js';

/** The programme's ICS read back by a third-party parser (ical.js), which knows no zone but UTC. */
function parse(ics: string) {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  const events = calendar.getAllSubcomponents('vevent').map((component) => new ICAL.Event(component));
  const byUid = new Map(events.map((event) => [event.uid, event]));
  return { calendar, events, byUid };
}

const utc = (time: ICAL.Time) => time.toJSDate().toISOString();

describe('programme.ics (iCalendar, RFC 5545)', () => {
  const v1 = programmeFixture();
  const ics = renderProgrammeIcs(v1, 'fr');

  it('has one VEVENT per session and per talk, with UIDs built from the item id and the event slug', () => {
    const { events, byUid } = parse(ics);
    const talks = v1.sessions.flatMap((s) => s.talks);
    expect(events).toHaveLength(v1.sessions.length + talks.length);
    expect(byUid.size).toBe(events.length);
    for (const session of v1.sessions) expect(byUid.has(`session-${session.id}@vtn2012`)).toBe(true);
    for (const talk of talks) expect(byUid.has(`talk-${talk.id}@vtn2012`)).toBe(true);
  });

  it('gives times with TZID=Europe/Paris and a VTIMEZONE that a parser without a zone database resolves: the ceremony starts at 2012-02-06T17:00:00Z', () => {
    expect(ICAL.TimezoneService.has('Europe/Paris')).toBe(false);
    expect(ics).toMatch(/^DTSTART;TZID=Europe\/Paris:20120206T180000\r$/m);
    const { calendar, byUid } = parse(ics);
    const zones = calendar.getAllSubcomponents('vtimezone');
    expect(zones.map((z) => z.getFirstPropertyValue('tzid'))).toEqual(['Europe/Paris']);
    const ceremony = byUid.get(`session-${IDS.ceremony}@vtn2012`)!;
    expect(ceremony.startDate.zone?.tzid).toBe('Europe/Paris');
    expect(utc(ceremony.startDate)).toBe('2012-02-06T17:00:00.000Z');
    expect(utc(ceremony.endDate)).toBe('2012-02-06T20:00:00.000Z');
    // every item's instants equal the snapshot's UTC instants
    for (const session of v1.sessions) {
      const event = byUid.get(`session-${session.id}@vtn2012`)!;
      expect([utc(event.startDate), utc(event.endDate)]).toEqual([session.startsAt, session.endsAt]);
      for (const talk of session.talks) {
        const t = byUid.get(`talk-${talk.id}@vtn2012`)!;
        expect([utc(t.startDate), utc(t.endDate)]).toEqual([talk.startsAt, talk.endsAt]);
      }
    }
  });

  it('covers summer time too: the VTIMEZONE carries the 2012 offset changes', () => {
    const summer = programmeFixture();
    const s = summer.sessions[0];
    Object.assign(s, { startsAt: '2012-06-21T07:00:00.000Z', endsAt: '2012-06-21T08:00:00.000Z', talks: [] });
    summer.event.endsAt = '2012-06-22T22:00:00.000Z';
    const text = renderProgrammeIcs(summer, 'fr');
    expect(text).toMatch(/DTSTART;TZID=Europe\/Paris:20120621T090000/);
    expect(utc(parse(text).byUid.get(`session-${s.id}@vtn2012`)!.startDate)).toBe('2012-06-21T07:00:00.000Z');
  });

  it('writes SUMMARY in French by default and in English with lang=en, falling back to the other language', () => {
    const fr = parse(ics).byUid;
    const en = parse(renderProgrammeIcs(v1, 'en')).byUid;
    expect(fr.get(`session-${IDS.ceremony}@vtn2012`)!.summary).toBe('Remise du Label Ville Internet 2012');
    expect(en.get(`session-${IDS.ceremony}@vtn2012`)!.summary).toBe('Ville Internet Label 2012 award ceremony');
    expect(fr.get(`talk-${IDS.talkIvanov}@vtn2012`)!.summary).toBe('Digital public services in Russian municipalities: from e-government portals to citizen participation');
    expect(en.get(`talk-${IDS.talkAristotelis}@vtn2012`)!.summary).toBe(LONG_TITLE_FR);
    expect(en.get(`session-${IDS.roundTable}@vtn2012`)!.summary).toBe('Table ronde : chercheurs et élus, quelles coopérations ?');
  });

  it('gives LOCATION with room, venue and address, DESCRIPTION with speakers and chairs, names intact', () => {
    const { byUid } = parse(ics);
    expect(byUid.get(`session-${IDS.ceremony}@vtn2012`)!.location).toBe('Grand Salon, Espace Cardin, 1 avenue Gabriel, 75008 Paris, France');
    expect(byUid.get(`talk-${IDS.talkWrobel}@vtn2012`)!.location).toBe('Amphithéâtre Marie Curie, CNRS, 3 rue Michel-Ange, 75016 Paris, France');
    const talk = byUid.get(`talk-${IDS.talkAristotelis}@vtn2012`)!;
    expect(talk.description).toContain(`Intervenant·es\u00a0: ${NAMES.aristotelis} (Εθνικό και Καποδιστριακό Πανεπιστήμιο Αθηνών), ${NAMES.zoe} (Trinity College Dublin)`);
    expect(talk.description).toContain(`Présidence de séance\u00a0: ${NAMES.helene}, ${NAMES.guestChair}`);
    // titles are quoted as typed (the no-break space goes only after the exports' own labels)
    expect(talk.description).toContain('Séance\u00a0: Ouverture : le rôle des collectivités locales dans la société de la connaissance (Séance plénière)');
    const session = byUid.get(`session-${IDS.workshop}@vtn2012`)!;
    expect(session.description).toContain(`Présidence de séance\u00a0: ${NAMES.zoe}`);
    expect(session.description).toContain(`11:00–11:30 ${'Digital public services in Russian municipalities: from e-government portals to citizen participation'} (${NAMES.dmitri})`);
    const en = parse(renderProgrammeIcs(v1, 'en')).byUid.get(`talk-${IDS.talkWrobel}@vtn2012`)!;
    expect(en.description).toContain(`Speaker: ${NAMES.lukasz} (Uniwersytet Wrocławski)`);
  });

  it('stamps every item with the publication instant, names the calendar, folds and escapes lines', () => {
    const { calendar, events } = parse(ics);
    for (const event of events) {
      expect(utc(event.component.getFirstPropertyValue('dtstamp') as ICAL.Time)).toBe('2012-02-01T09:00:00.000Z');
      expect(utc(event.component.getFirstPropertyValue('last-modified') as ICAL.Time)).toBe('2012-02-01T09:00:00.000Z');
    }
    expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe('Colloque international « Villes et territoires numériques »');
    for (const line of ics.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
    expect(ics.split('\r\n').some((line) => line.startsWith(' '))).toBe(true);
    expect(ics).not.toMatch(/[^\r]\n/);
  });

  it('folds lines at 75 octets without cutting a character, and unfolding gives the line back', () => {
    const line = `DESCRIPTION:${'Ἀριστοτέλης Παπαδόπουλος — Дмитрий Иванов — Zoë 😀 ü '.repeat(12)}`;
    const folded = foldContentLine(line);
    const parts = folded.split('\r\n');
    expect(parts.length).toBeGreaterThan(5);
    for (const [i, part] of parts.entries()) {
      expect(Buffer.byteLength(part)).toBeLessThanOrEqual(75);
      if (i > 0) expect(part.startsWith(' ')).toBe(true);
      // no lone surrogate at either end of a piece
      expect(part).not.toMatch(/^ ?[\udc00-\udfff]|[\ud800-\udbff]$/);
      expect(Buffer.from(part, 'utf8').toString('utf8')).toBe(part);
    }
    expect(folded.replace(/\r\n /g, '')).toBe(line);
    expect(foldContentLine('SUMMARY:court')).toBe('SUMMARY:court');
    expect(foldContentLine(`X:${'a'.repeat(73)}`)).toBe(`X:${'a'.repeat(73)}`);
    expect(foldContentLine(`X:${'a'.repeat(74)}`)).toBe(`X:${'a'.repeat(73)}\r\n a`);
  });

  it('writes calendar properties, then the VTIMEZONE, then the events', () => {
    const lines = ics.split('\r\n');
    const order = ['BEGIN:VCALENDAR', 'METHOD:PUBLISH', 'BEGIN:VTIMEZONE', 'END:VTIMEZONE', 'BEGIN:VEVENT'].map((l) => lines.indexOf(l));
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(order.every((i) => i >= 0)).toBe(true);
    expect(lines[lines.length - 1]).toBe('END:VCALENDAR');
    expect(lines.filter((l) => l === 'BEGIN:VTIMEZONE')).toHaveLength(1);
  });

  it('keeps UIDs between versions and raises SEQUENCE only for the item that moved', () => {
    const before = parse(ics).byUid;
    const after = parse(renderProgrammeIcs(movedFixture(), 'fr')).byUid;
    expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
    const raised = [...after.entries()].filter(([uid, event]) => event.sequence !== before.get(uid)!.sequence).map(([uid]) => uid);
    expect(raised).toEqual([`session-${IDS.coffee2}@vtn2012`]);
    expect(after.get(`session-${IDS.coffee2}@vtn2012`)!.sequence).toBe(1);
    expect(utc(after.get(`session-${IDS.coffee2}@vtn2012`)!.startDate)).toBe('2012-02-07T09:45:00.000Z');
  });

  it('gives each item, with the public address, a URL a person can read: the talk’s page, the session’s place on the programme page', () => {
    expect(ics).not.toContain('\r\nURL');
    const fr = parse(renderProgrammeIcs(v1, 'fr', 'https://colloque.example.org')).byUid;
    const url = (uid: string, map = fr) => String(map.get(uid)!.component.getFirstPropertyValue('url'));
    expect(url(`talk-${IDS.talkWrobel}@vtn2012`)).toBe(`https://colloque.example.org/programme/vtn2012/talks/${IDS.talkWrobel}`);
    expect(url(`session-${IDS.ceremony}@vtn2012`)).toBe(`https://colloque.example.org/programme/vtn2012#session-${IDS.ceremony}`);
    const en = parse(renderProgrammeIcs(v1, 'en', 'https://colloque.example.org')).byUid;
    expect(url(`session-${IDS.ceremony}@vtn2012`, en)).toBe(`https://colloque.example.org/programme/vtn2012?lang=en#session-${IDS.ceremony}`);
    for (const event of fr.values()) expect(String(event.component.getFirstPropertyValue('url'))).toMatch(/^https:\/\/colloque\.example\.org\/programme\/vtn2012(\/talks\/[0-9a-f-]{36}|#session-[0-9a-f-]{36})$/);
  });

  it('is a pure function of the snapshot: the same version renders to the same bytes', () => {
    expect(renderProgrammeIcs(programmeFixture(), 'fr')).toBe(ics);
  });
});
