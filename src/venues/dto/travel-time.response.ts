import { ApiProperty } from '@nestjs/swagger';
import type { TravelTime } from '../travel-time.entity.js';
import type { Venue } from '../venue.entity.js';
import { VenueRefResponse } from './venue-ref.response.js';

/** The minutes between two venues, the same both ways (venueA has the smaller id). */
export class TravelTimeResponse {
  @ApiProperty({ type: VenueRefResponse })
  venueA!: VenueRefResponse;

  @ApiProperty({ type: VenueRefResponse })
  venueB!: VenueRefResponse;

  @ApiProperty({ nullable: true, type: Number, example: 25, description: 'Unknown when null' })
  walkingMinutes!: number | null;

  @ApiProperty({ nullable: true, type: Number, example: 15, description: 'Unknown when null' })
  transitMinutes!: number | null;

  @ApiProperty({ format: 'date-time' })
  updatedAt!: string;

  /** `travel` with both venues loaded. */
  static from(travel: TravelTime & { venueA: Venue; venueB: Venue }): TravelTimeResponse {
    return {
      venueA: { id: travel.venueA.id, name: travel.venueA.name },
      venueB: { id: travel.venueB.id, name: travel.venueB.name },
      walkingMinutes: travel.walkingMinutes,
      transitMinutes: travel.transitMinutes,
      updatedAt: travel.updatedAt.toISOString(),
    };
  }
}
