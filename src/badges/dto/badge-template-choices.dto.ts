import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsString, Matches, ValidateNested } from 'class-validator';
import { PARTICIPANT_CATEGORIES } from '../../participants/participant-category.js';
import { TEMPLATE_NAME } from './print-badges.dto.js';

export class BadgeTemplateChoiceDto {
  @ApiProperty({ enum: PARTICIPANT_CATEGORIES })
  @IsIn(PARTICIPANT_CATEGORIES)
  category!: string;

  @ApiProperty({ example: 'ceremony' })
  @IsString()
  @Matches(TEMPLATE_NAME, { message: '$property must be a template name (lower-case letters, digits, hyphens)' })
  template!: string;
}

/** PUT /api/events/:eventId/badges/templates: replaces the choices (a category left out uses the event's default). */
export class BadgeTemplateChoicesDto {
  @ApiProperty({ type: [BadgeTemplateChoiceDto], maxItems: PARTICIPANT_CATEGORIES.length })
  @IsArray()
  @ArrayMaxSize(PARTICIPANT_CATEGORIES.length)
  @ValidateNested({ each: true })
  @Type(() => BadgeTemplateChoiceDto)
  choices!: BadgeTemplateChoiceDto[];
}
