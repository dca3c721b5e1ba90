import { ApiProperty } from '@nestjs/swagger';
import type { Unavailability } from '../unavailability.entity.js';
import { UnavailabilityResponse } from './unavailability.response.js';

/** Who is unavailable, for the organisers' view. */
export class UnavailableSpeakerResponse {
  @ApiProperty({ format: 'uuid' })
  userId!: string;

  @ApiProperty({ example: 'Hélène' })
  firstName!: string;

  @ApiProperty({ example: 'Dupré' })
  lastName!: string;
}

/** An unavailability with the speaker's name (organisers). */
export class EventUnavailabilityResponse extends UnavailabilityResponse {
  @ApiProperty({ type: UnavailableSpeakerResponse })
  speaker!: UnavailableSpeakerResponse;

  static withSpeaker(row: Unavailability, timeZone: string, speaker: UnavailableSpeakerResponse): EventUnavailabilityResponse {
    return { ...UnavailabilityResponse.from(row, timeZone), speaker };
  }
}
