import { ApiProperty } from '@nestjs/swagger';
import { toOpeningDay } from '../opening-hours.js';
import type { Room } from '../room.entity.js';
import type { VenueOpening } from '../venue-opening.entity.js';
import type { Venue } from '../venue.entity.js';
import { OpeningDayResponse } from './opening-day.response.js';
import { RoomResponse } from './room.response.js';
import { VenueResponse } from './venue.response.js';

/** One venue with its rooms (by name) and its opening hours (by date, in the venue's time zone). */
export class VenueDetailResponse extends VenueResponse {
  @ApiProperty({ type: [RoomResponse] })
  rooms!: RoomResponse[];

  @ApiProperty({ type: [OpeningDayResponse] })
  openingHours!: OpeningDayResponse[];

  static fromParts(venue: Venue, rooms: Room[], openings: VenueOpening[]): VenueDetailResponse {
    return {
      ...VenueResponse.from(venue),
      rooms: rooms.map(RoomResponse.from),
      openingHours: openings.map((opening) => toOpeningDay(opening, venue.timeZone)),
    };
  }
}
