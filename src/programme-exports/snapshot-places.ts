import { DateTime } from 'luxon';
import type { ProgrammeSnapshot, SnapshotPerson, SnapshotRoom, SnapshotSession, SnapshotVenue } from '../programme/programme-snapshot.js';
import type { ExportLanguage } from './export-language.js';

/** Where a session happens: its room and venue, looked up once per snapshot. */
export interface SessionPlace {
  room: SnapshotRoom | null;
  venue: SnapshotVenue | null;
}

/** Lookups over a snapshot that every renderer needs. */
export class SnapshotIndex {
  private readonly rooms: Map<string, SnapshotRoom>;
  private readonly venues: Map<string, SnapshotVenue>;

  constructor(readonly snapshot: ProgrammeSnapshot) {
    this.rooms = new Map(snapshot.rooms.map((r) => [r.id, r]));
    this.venues = new Map(snapshot.venues.map((v) => [v.id, v]));
  }

  place(session: SnapshotSession): SessionPlace {
    const room = this.rooms.get(session.roomId) ?? null;
    return { room, venue: this.venues.get(session.venueId) ?? (room ? (this.venues.get(room.venueId) ?? null) : null) };
  }

  room(id: string): SnapshotRoom | null {
    return this.rooms.get(id) ?? null;
  }

  venue(id: string): SnapshotVenue | null {
    return this.venues.get(id) ?? null;
  }
}

/** « 3 rue Michel-Ange, 75016 Paris, France » (the country named in `lang`). */
export function postalAddress(venue: SnapshotVenue, lang: ExportLanguage): string {
  const cityLine = [venue.postalCode, venue.city].filter((part) => part && part.trim()).join(' ');
  return [venue.streetAddress, cityLine, countryName(venue.countryCode, lang)].filter((part) => part && part.trim()).join(', ');
}

function countryName(code: string, lang: ExportLanguage): string {
  if (!/^[A-Z]{2}$/.test(code ?? '')) return code ?? '';
  try {
    return new Intl.DisplayNames([lang], { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** « Amphithéâtre, CNRS, 3 rue Michel-Ange, 75016 Paris, France »: room, venue and address. */
export function placeText(place: SessionPlace, lang: ExportLanguage): string {
  return [place.room?.name, place.venue?.name, place.venue ? postalAddress(place.venue, lang) : null]
    .filter((part): part is string => !!part && part.trim() !== '')
    .join(', ');
}

/** « Hélène Dupré (Université Toulouse Le Mirail) ». */
export function personWithAffiliation(person: SnapshotPerson): string {
  return person.affiliation && person.affiliation.trim() ? `${person.name} (${person.affiliation.trim()})` : person.name;
}

/**
 * The wall-clock time (HH:mm) of a snapshot's local ISO string (2012-02-06T18:00:00+01:00 → 18:00):
 * the snapshot writes local times as ISO 8601 with offset, so the clock is characters 11–16.
 */
export function localClock(localIso: string): string {
  const clock = /^\d{4}-\d{2}-\d{2}T(\d{2}:\d{2})/.exec(localIso);
  return clock ? clock[1] : DateTime.fromISO(localIso, { setZone: true }).toFormat('HH:mm');
}

/** The instant of a snapshot's UTC string, as a luxon DateTime in `zone`. */
export function inZone(utcIso: string, zone: string): DateTime {
  return DateTime.fromISO(utcIso, { zone: 'UTC' }).setZone(zone);
}

/** The id inside `guest:<uuid>` person ids (guest chairs), or the id itself. */
export function personUuid(person: SnapshotPerson): string {
  return person.id.startsWith('guest:') ? person.id.slice('guest:'.length) : person.id;
}
