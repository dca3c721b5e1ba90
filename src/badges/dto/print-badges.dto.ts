import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsObject, IsOptional, IsString, Matches, MaxLength, ValidateNested } from 'class-validator';
import { SingleLine, Trim } from '../../common/validation/text.js';
import { BadgeFilterDto } from './badge-filter.dto.js';

export const TEMPLATE_NAME = /^[a-z0-9-]{1,60}$/;

/** POST /api/events/:eventId/badges/print-jobs and POST /api/events/:eventId/badges/print */
export class PrintBadgesDto {
  @ApiPropertyOptional({ type: BadgeFilterDto, description: 'Who gets a badge (all given criteria apply together); without one, `all: true` is required' })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => BadgeFilterDto)
  filter?: BadgeFilterDto;

  @ApiPropertyOptional({ description: 'Every registered participant of the event: required when no filter narrows the set, refused with one' })
  @IsOptional()
  @IsBoolean()
  all?: boolean;

  @ApiPropertyOptional({ example: 'colloquium', description: 'A template of templates/badges/; absent: each category’s chosen template' })
  @IsOptional()
  @IsString()
  @Matches(TEMPLATE_NAME, { message: '$property must be a template name (lower-case letters, digits, hyphens)' })
  template?: string;

  @ApiPropertyOptional({ maxLength: 500, description: 'Why badges already printed are printed again (recorded on each reprint)' })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(500)
  @SingleLine()
  reason?: string;
}
