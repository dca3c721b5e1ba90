import { ApiProperty } from '@nestjs/swagger';
import type { SpeakerProfile } from '../speaker-profile.entity.js';

/** A speaker's profile as the API shows it: never the photo bytes nor anything of the account but its email. */
export class SpeakerProfileResponse {
  @ApiProperty({ format: 'uuid' })
  userId!: string;

  @ApiProperty({ example: 'helene.dupre@example.org' })
  email!: string;

  @ApiProperty({ example: 'Hélène' })
  firstName!: string;

  @ApiProperty({ example: 'Dupré' })
  lastName!: string;

  @ApiProperty({ example: 'CNRS' })
  affiliation!: string;

  @ApiProperty({ example: 'FR' })
  countryCode!: string;

  @ApiProperty({ example: '0000-0002-1825-0097', nullable: true, type: String })
  orcid!: string | null;

  @ApiProperty({ nullable: true, type: String })
  bioFr!: string | null;

  @ApiProperty({ nullable: true, type: String })
  bioEn!: string | null;

  @ApiProperty({ description: 'Whether a photo was uploaded (served by the photo routes only)' })
  hasPhoto!: boolean;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt!: string;

  static from(profile: SpeakerProfile, email: string): SpeakerProfileResponse {
    return {
      userId: profile.userId,
      email,
      firstName: profile.firstName,
      lastName: profile.lastName,
      affiliation: profile.affiliation,
      countryCode: profile.countryCode,
      orcid: profile.orcid,
      bioFr: profile.bioFr,
      bioEn: profile.bioEn,
      hasPhoto: profile.photoMediaType !== null,
      createdAt: profile.createdAt.toISOString(),
      updatedAt: profile.updatedAt.toISOString(),
    };
  }
}
