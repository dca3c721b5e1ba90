import { create } from 'xmlbuilder2';
import type { XMLBuilder } from 'xmlbuilder2/lib/interfaces.js';
import type { ProgrammeSnapshot } from '../programme/programme-snapshot.js';
import { buildSchedule, type ScheduleEvent, type ScheduleOptions } from './frab-schedule.js';
import type { XmlDialect } from './programme-export-format.js';

/** Characters XML 1.0 cannot carry (C0 controls other than tab and line breaks, U+FFFE/U+FFFF, lone surrogates). */
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

const text = (value: string | null | undefined): string => (value ?? '').replace(NOT_XML, '\ufffd');

function writeEvent(room: XMLBuilder, event: ScheduleEvent): void {
  const e = room.ele('event', { guid: event.guid, id: String(event.id) });
  e.ele('date').txt(event.date);
  e.ele('start').txt(event.start);
  e.ele('duration').txt(event.duration);
  e.ele('room').txt(text(event.room));
  e.ele('slug').txt(event.slug);
  e.ele('url').txt(event.url);
  e.ele('title').txt(text(event.title));
  e.ele('subtitle').txt(text(event.subtitle));
  e.ele('track').txt(text(event.track));
  e.ele('type').txt(text(event.type));
  e.ele('language').txt(event.language);
  e.ele('abstract').txt(text(event.abstract));
  e.ele('description').txt(text(event.description));
  const persons = e.ele('persons');
  for (const person of event.persons) persons.ele('person', { id: String(person.id), guid: person.guid }).txt(text(person.name));
  e.ele('links');
}

/**
 * The frab / pentabarf schedule.xml of a published version (valid against the c3voc XSD in
 * test/fixtures/frab-schedule): UTF-8, GUIDs = item ids, version = the release version.
 */
export function renderScheduleXml(snapshot: ProgrammeSnapshot, options: ScheduleOptions, dialect: XmlDialect = 'c3voc'): string {
  const schedule = buildSchedule(snapshot, options);
  const root = create({ version: '1.0', encoding: 'UTF-8' }).ele('schedule');
  root.ele('generator', { name: schedule.generator.name, version: schedule.generator.version });
  root.ele('url').txt(schedule.url);
  root.ele('version').txt(schedule.version);
  const c = schedule.conference;
  const conference = root.ele('conference');
  conference.ele('acronym').txt(c.acronym);
  conference.ele('title').txt(text(c.title));
  conference.ele('start').txt(c.start);
  conference.ele('end').txt(c.end);
  conference.ele('days').txt(String(c.daysCount));
  conference.ele('timeslot_duration').txt(c.timeslotDuration);
  conference.ele('time_zone_name').txt(c.timeZoneName);
  conference.ele('url').txt(c.url);
  if (dialect === 'pentabarf') {
    // pentabarf's conference place, which ConfClerk shows as « Where »; the c3voc XSD has no such elements
    if (c.venue) conference.ele('venue').txt(c.venue);
    if (c.city) conference.ele('city').txt(c.city);
  }
  for (const track of c.tracks) conference.ele('track', { name: text(track) }).txt(text(track));
  for (const day of schedule.days) {
    const d = root.ele('day', { index: String(day.index), date: day.date, start: day.dayStart, end: day.dayEnd });
    for (const room of day.rooms) {
      const r = d.ele('room', { name: text(room.name), guid: room.guid });
      for (const event of room.events) writeEvent(r, event);
    }
  }
  return root.end({ prettyPrint: true });
}
