import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { LABEL_FORMS, type LabelForm } from '../participant-category.js';
import { ParticipantSummaryResponse } from './participant-summary.response.js';

/** One participant; the needs are given to organisers only (absent for reception). */
export class ParticipantResponse extends ParticipantSummaryResponse {
  @ApiProperty({ format: 'uuid' })
  eventId!: string;

  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'The account, for speakers, chairs and staff who have one' })
  userId!: string | null;

  @ApiPropertyOptional({ nullable: true, type: String, description: 'Organisers only' })
  dietaryNeeds?: string | null;

  @ApiPropertyOptional({ nullable: true, type: String, description: 'Organisers only' })
  accessibilityNeeds?: string | null;

  @ApiProperty({ enum: LABEL_FORMS, description: 'Form of the role word on the badge in French' })
  labelForm!: LabelForm;

  @ApiProperty()
  consentPublicList!: boolean;

  @ApiProperty()
  consentPhoto!: boolean;

  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  cancelledAt!: string | null;

  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  anonymisedAt!: string | null;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt!: string;
}
