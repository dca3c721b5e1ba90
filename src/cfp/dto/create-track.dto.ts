import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { OptionalText, RequiredText, SingleLine } from '../../common/validation/text.js';

/** A theme of the colloquium; names are unique within the event. */
export class CreateTrackDto {
  @ApiProperty({ example: 'Gouvernance des territoires numériques', maxLength: 200 })
  @RequiredText(200)
  nameFr!: string;

  @ApiPropertyOptional({ example: 'Governance of digital territories', maxLength: 200, nullable: true, type: String })
  @OptionalText(200)
  @SingleLine()
  nameEn?: string | null;

  @ApiPropertyOptional({ example: 1, minimum: 0, maximum: 10000, description: 'Tracks are listed by this, then by name. Default: 0' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(10000)
  displayOrder?: number;
}
