import type { ProgrammeSnapshot } from '../programme/programme-snapshot.js';
import { buildSchedule, type ScheduleEvent, type ScheduleOptions } from './frab-schedule.js';

/** The JSON schema the document declares (c3voc's, which frab and pretalx follow). */
export const SCHEDULE_JSON_SCHEMA = 'https://c3voc.de/schedule/schema.json';

function eventJson(event: ScheduleEvent) {
  return {
    guid: event.guid,
    id: event.id,
    date: event.date,
    start: event.start,
    end: event.end,
    duration: event.duration,
    room: event.room,
    slug: event.slug,
    url: event.url,
    title: event.title,
    subtitle: event.subtitle,
    track: event.track,
    type: event.type,
    language: event.language,
    abstract: event.abstract,
    description: event.description,
    // pretalx-style persons (name and guid): the schema's FrabPerson would need public_name too
    persons: event.persons.map((p) => ({ guid: p.guid, id: p.id, name: p.name })),
    links: [],
  };
}

/**
 * The schedule JSON of a published version (valid against the c3voc schema.json in
 * test/fixtures/frab-schedule, the shape pretalx publishes): the same content as the XML.
 */
export function renderScheduleJson(snapshot: ProgrammeSnapshot, options: ScheduleOptions): string {
  const schedule = buildSchedule(snapshot, options);
  const c = schedule.conference;
  const document = {
    $schema: SCHEDULE_JSON_SCHEMA,
    generator: { name: schedule.generator.name, version: schedule.generator.version },
    schedule: {
      url: schedule.url.replace(/\.xml$/, '.json'),
      version: schedule.version,
      base_url: `${options.publicUrl}/`,
      conference: {
        acronym: c.acronym,
        title: c.title,
        ...(c.description ? { description: c.description } : {}),
        start: c.start,
        end: c.end,
        daysCount: c.daysCount,
        timeslot_duration: c.timeslotDuration,
        time_zone_name: c.timeZoneName,
        url: c.url,
        tracks: c.tracks.map((name) => ({ name })),
        rooms: c.rooms.map((room) => ({ name: room.name, guid: room.guid, capacity: room.capacity })),
        // the schema has no venue or city of its own; `meta` is its open slot for such facts
        ...(c.venue || c.city ? { meta: { venue: c.venue, city: c.city } } : {}),
        days: schedule.days.map((day) => ({
          index: day.index,
          date: day.date,
          day_start: day.dayStart,
          day_end: day.dayEnd,
          rooms: Object.fromEntries(day.rooms.map((room) => [room.name, room.events.map(eventJson)])),
        })),
      },
    },
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}
