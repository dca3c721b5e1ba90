import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PARTICIPANT_CATEGORIES } from '../../participants/participant-category.js';

export class BadgeTemplateResponse {
  @ApiProperty({ example: 'colloquium' })
  name!: string;

  @ApiProperty()
  title!: string;

  @ApiProperty({ example: 'A6', description: 'A6, A7, card (85 × 54 mm) or custom' })
  badgeSize!: string;

  @ApiProperty({ example: 105 })
  widthMm!: number;

  @ApiProperty({ example: 148 })
  heightMm!: number;

  @ApiProperty({ example: 'A4', description: 'A4, A3, Letter or one-per-page' })
  sheet!: string;

  @ApiProperty({ example: 4 })
  perSheet!: number;

  @ApiProperty({ example: 'crop-marks' })
  cutGuides!: string;

  @ApiProperty()
  duplex!: boolean;
}

export class BadgeCategoryTemplateResponse {
  @ApiProperty({ enum: PARTICIPANT_CATEGORIES })
  category!: string;

  @ApiProperty({ example: 'Intervenant' })
  label!: string;

  @ApiProperty({ example: 'colloquium' })
  template!: string;

  @ApiProperty({ description: 'Chosen by an organiser (false: the event’s default)' })
  chosen!: boolean;

  @ApiPropertyOptional({ description: 'Set when the chosen template no longer exists (the default is used)' })
  missingTemplate?: string;
}

/** GET/PUT /api/events/:eventId/badges/templates */
export class BadgeTemplatesResponse {
  @ApiProperty({ format: 'uuid' })
  eventId!: string;

  @ApiProperty({ example: 'colloquium', description: 'The event’s default: the ceremony badge for a ceremony, else the colloquium badge' })
  defaultTemplate!: string;

  @ApiProperty({ type: [BadgeTemplateResponse] })
  templates!: BadgeTemplateResponse[];

  @ApiProperty({ type: [BadgeCategoryTemplateResponse] })
  categories!: BadgeCategoryTemplateResponse[];
}
