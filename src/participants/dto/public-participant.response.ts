import { ApiProperty } from '@nestjs/swagger';
import { PARTICIPANT_CATEGORIES } from '../participant-category.js';

/** A line of the public list: only what a participant who consented agreed to show. */
export class PublicParticipantResponse {
  @ApiProperty({ example: 'Hélène' })
  firstName!: string;

  @ApiProperty({ example: 'Dupré' })
  lastName!: string;

  @ApiProperty({ nullable: true, type: String })
  affiliation!: string | null;

  @ApiProperty({ nullable: true, type: String })
  town!: string | null;

  @ApiProperty({ enum: PARTICIPANT_CATEGORIES, nullable: true })
  primaryCategory!: string | null;
}
