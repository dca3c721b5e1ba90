import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ADMISSION_STATUSES } from './part-admissions.query.js';

/** One's place in a part. */
export class RegistrationAdmissionResponse {
  @ApiProperty({ format: 'uuid' }) partId!: string;
  @ApiProperty() code!: string;
  @ApiProperty() nameFr!: string;
  @ApiProperty({ nullable: true, type: String }) nameEn!: string | null;
  @ApiProperty({ enum: ADMISSION_STATUSES }) status!: (typeof ADMISSION_STATUSES)[number];
  @ApiProperty({ nullable: true, type: Number, description: 'Waiting only: 1 for the head of the queue' }) position!: number | null;
}

/** A registration as its holder sees it. */
export class RegistrationParticipantResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) eventId!: string;
  @ApiProperty() firstName!: string;
  @ApiProperty() lastName!: string;
  @ApiProperty() email!: string;
  @ApiProperty({ nullable: true, type: String }) affiliation!: string | null;
  @ApiProperty({ nullable: true, type: String }) town!: string | null;
  @ApiProperty({ type: [String] }) categories!: string[];
  @ApiProperty({ type: [String] }) days!: string[];
  @ApiProperty({ nullable: true, type: String }) dietaryNeeds!: string | null;
  @ApiProperty({ nullable: true, type: String }) accessibilityNeeds!: string | null;
  @ApiProperty() consentPublicList!: boolean;
  @ApiProperty() consentPhoto!: boolean;
  @ApiProperty({ enum: ['registered', 'cancelled'] }) status!: string;
}

export class RegistrationResponse {
  @ApiProperty({ type: RegistrationParticipantResponse }) participant!: RegistrationParticipantResponse;
  @ApiProperty({ type: [RegistrationAdmissionResponse] }) admissions!: RegistrationAdmissionResponse[];
  @ApiPropertyOptional({ description: 'The personal link’s token: given once, at registration (only its SHA-256 is kept)' }) token?: string;
  @ApiPropertyOptional({ description: 'The personal link: view, change or cancel the registration' }) link?: string;
}

export class RegistrationRevokedResponse {
  @ApiProperty({ description: 'A new personal link was mailed to the registration’s address; the old one no longer works' }) revoked!: boolean;
}
