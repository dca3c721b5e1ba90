import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsString, Matches, Max, Min } from 'class-validator';
import { OptionalText, RequiredText, SingleLine } from '../../common/validation/text.js';

/** A kind of proposal an event accepts and its default length. */
export class CreateSubmissionTypeDto {
  @ApiProperty({ example: 'communication', pattern: '^[a-z0-9-]{1,40}$', description: 'Unique within the event' })
  @IsString()
  @Matches(/^[a-z0-9-]{1,40}$/, { message: 'code must be 1 to 40 lower-case letters, digits or hyphens' })
  code!: string;

  @ApiProperty({ example: 'Communication', maxLength: 200 })
  @RequiredText(200)
  nameFr!: string;

  @ApiPropertyOptional({ example: 'Paper', maxLength: 200, nullable: true, type: String })
  @OptionalText(200)
  @SingleLine()
  nameEn?: string | null;

  @ApiProperty({ example: 20, minimum: 1, maximum: 600, description: 'Default length in minutes' })
  @IsInt()
  @Min(1)
  @Max(600)
  defaultMinutes!: number;
}
