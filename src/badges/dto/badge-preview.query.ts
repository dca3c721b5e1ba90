import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsISO8601, IsOptional, IsString, IsUUID, Matches } from 'class-validator';
import { PARTICIPANT_CATEGORIES } from '../../participants/participant-category.js';
import { TEMPLATE_NAME } from './print-badges.dto.js';
import { toBoolean } from '../../common/validation/boolean-query.js';

/** GET /api/events/:eventId/badges/preview: the print job's filter as query parameters. */
export class BadgePreviewQuery {
  @ApiPropertyOptional({ example: 'colloquium', description: 'A template of templates/badges/; absent: each category’s chosen template' })
  @IsOptional()
  @IsString()
  @Matches(TEMPLATE_NAME, { message: '$property must be a template name (lower-case letters, digits, hyphens)' })
  template?: string;

  @ApiPropertyOptional({ enum: PARTICIPANT_CATEGORIES, description: 'A badge category' })
  @IsOptional()
  @IsIn(PARTICIPANT_CATEGORIES)
  category?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Admitted to this part' })
  @IsOptional()
  @IsUUID()
  partId?: string;

  @ApiPropertyOptional({ format: 'date', example: '2012-02-06' })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: '$property must be a date like 2012-02-06' })
  @IsISO8601({ strict: true }, { message: '$property must be a real calendar date' })
  day?: string;

  @ApiPropertyOptional({ enum: ['true', 'false'], description: 'Only participants without any printed badge' })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  notYetPrinted?: boolean;
}
