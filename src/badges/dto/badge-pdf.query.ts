import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { SingleLine, Trim } from '../../common/validation/text.js';
import { TEMPLATE_NAME } from './print-badges.dto.js';
import { toBoolean } from '../../common/validation/boolean-query.js';

/** GET /api/participants/:id/badge.pdf */
export class BadgePdfQuery {
  @ApiPropertyOptional({ example: 'colloquium', description: 'A template of templates/badges/; absent: the one chosen for the badge’s category' })
  @IsOptional()
  @IsString()
  @Matches(TEMPLATE_NAME, { message: '$property must be a template name (lower-case letters, digits, hyphens)' })
  template?: string;

  @ApiPropertyOptional({ maxLength: 500, description: 'Why the badge is printed again (recorded when it is a reprint)' })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(500)
  @SingleLine()
  reason?: string;

  @ApiPropertyOptional({ enum: ['true', 'false'], description: 'true: a preview (the organisers’ badges page): the same PDF, not logged, so the badge still counts as not printed' })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  preview?: boolean;
}
