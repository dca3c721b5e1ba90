import { ApiProperty } from '@nestjs/swagger';
import { PARTICIPANT_CATEGORIES } from '../participant-category.js';
import { PARTICIPANT_SOURCES } from '../participant-fields.js';
import { ParticipantAdmissionResponse } from './participant-admission.response.js';

/** A line of the participants' list (organisers and reception): no dietary or accessibility needs. */
export class ParticipantSummaryResponse {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 'Hélène' })
  firstName!: string;

  @ApiProperty({ example: 'Dupré' })
  lastName!: string;

  @ApiProperty({
    example: 'helene.dupre@example.org',
    nullable: true,
    type: String,
    description: 'NULL only for a guest chair of the published programme until an organiser adds one, or a walk-in registered at the desk without one',
  })
  email!: string | null;

  @ApiProperty({
    nullable: true,
    type: String,
    example: 'Marie-Claire de La Tour',
    description: 'A guest chair of the published programme: the name as typed there (first and last names are guessed from it)',
  })
  guestName!: string | null;

  @ApiProperty({ nullable: true, type: String })
  affiliation!: string | null;

  @ApiProperty({ nullable: true, type: String })
  town!: string | null;

  @ApiProperty({ nullable: true, type: String })
  townInsee!: string | null;

  @ApiProperty({ type: [String], description: 'Set by organisers, the registration or the import' })
  categories!: string[];

  @ApiProperty({ type: [String], description: 'speaker, chair: from the latest published programme only' })
  programmeRoles!: string[];

  @ApiProperty({ enum: PARTICIPANT_CATEGORIES, nullable: true, description: 'The badge’s category: the most significant held' })
  primaryCategory!: string | null;

  @ApiProperty({ type: [String], example: ['2012-02-06'] })
  days!: string[];

  @ApiProperty({ enum: ['registered', 'cancelled'] })
  status!: string;

  @ApiProperty({ enum: PARTICIPANT_SOURCES, description: 'desk: a walk-in registered at the reception desk (email optional)' })
  source!: string;

  @ApiProperty({ type: [ParticipantAdmissionResponse] })
  admissions!: ParticipantAdmissionResponse[];

  @ApiProperty()
  anonymised!: boolean;

  @ApiProperty({ description: 'A badge was delivered (prints reported as failed do not count)' })
  badgePrinted!: boolean;

  @ApiProperty({ description: 'Checked in at the desk at least once (any part, any day)' })
  checkedIn!: boolean;
}
