import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { CALL_LANGUAGES, type CallLanguage } from '../call-language.js';

export const DEFAULT_MAX_ABSTRACT_LENGTH = 3000;

/** The whole call for papers of an event, as an organiser sets it (PUT replaces it). */
export class PutCallForPapersDto {
  @ApiProperty({ example: '2011-12-01T00:00', description: 'Opening, wall-clock in the event’s time zone or with an offset' })
  @IsString()
  @MaxLength(40)
  opensAt!: string;

  @ApiProperty({ example: '2012-01-15T23:59', description: 'Closing (after the opening), wall-clock in the event’s time zone or with an offset' })
  @IsString()
  @MaxLength(40)
  closesAt!: string;

  @ApiProperty({ enum: CALL_LANGUAGES, isArray: true, example: ['fr', 'en'], description: 'Languages a proposal may be written in' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(CALL_LANGUAGES.length)
  @ArrayUnique()
  @IsIn(CALL_LANGUAGES, { each: true })
  languages!: CallLanguage[];

  @ApiPropertyOptional({ minimum: 100, maximum: 20000, description: `Characters. Default: ${DEFAULT_MAX_ABSTRACT_LENGTH}` })
  @IsOptional()
  @IsInt()
  @Min(100)
  @Max(20000)
  maxAbstractLength?: number;
}
