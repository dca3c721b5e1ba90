import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayUnique, IsArray, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { OptionalText, RequiredText } from '../../common/validation/text.js';

export const MAX_ROOM_CAPACITY = 100_000;

/** A new room of a venue; its name is unique within the venue. */
export class CreateRoomDto {
  @ApiProperty({ example: 'Amphithéâtre', maxLength: 200 })
  @RequiredText(200)
  name!: string;

  @ApiProperty({ example: 200, minimum: 1, maximum: MAX_ROOM_CAPACITY })
  @IsInt()
  @Min(1)
  @Max(MAX_ROOM_CAPACITY)
  capacity!: number;

  @ApiPropertyOptional({ example: 'RDC', maxLength: 50, nullable: true, type: String })
  @OptionalText(50)
  floor?: string | null;

  @ApiPropertyOptional({ example: ['vidéoprojecteur'], type: [String], maxItems: 50, nullable: true, description: 'Each at most 100 characters, no repeats; null empties the list' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ArrayUnique()
  @IsString({ each: true })
  @MaxLength(100, { each: true })
  equipment?: string[] | null;

  @ApiPropertyOptional({ maxLength: 5000, nullable: true, type: String })
  @OptionalText(5000)
  accessibilityNotes?: string | null;
}
