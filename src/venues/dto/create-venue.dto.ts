import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsISO31661Alpha2, IsNumber, IsOptional, Max, Min, ValidateIf, ValidateNested } from 'class-validator';
import { MAX_OPENING_DAYS } from '../opening-hours.js';
import { IsTimeZone } from '../../common/validation/is-time-zone.js';
import { OpeningDayDto } from './opening-day.dto.js';
import { OptionalText, RequiredText } from '../../common/validation/text.js';

const FINITE = { allowNaN: false, allowInfinity: false };
/** Optional, but null is refused: these fields have a value (or a default) on every venue. */
const isGiven = (_: object, value: unknown) => value !== undefined;

/** A new venue. Latitude and longitude come together or not at all. */
export class CreateVenueDto {
  @ApiProperty({ example: 'Espace Cardin', maxLength: 200 })
  @RequiredText(200)
  name!: string;

  @ApiProperty({ example: '1 avenue Gabriel', maxLength: 300 })
  @RequiredText(300)
  streetAddress!: string;

  @ApiProperty({ example: '75008', maxLength: 20 })
  @RequiredText(20)
  postcode!: string;

  @ApiProperty({ example: 'Paris', maxLength: 120 })
  @RequiredText(120)
  city!: string;

  @ApiPropertyOptional({ example: 'FR', description: 'ISO 3166-1 alpha-2. Default: FR' })
  @ValidateIf(isGiven)
  @IsISO31661Alpha2()
  countryCode?: string;

  @ApiPropertyOptional({ example: 48.8676, minimum: -90, maximum: 90, nullable: true, type: Number })
  @IsOptional()
  @IsNumber(FINITE)
  @Min(-90)
  @Max(90)
  latitude?: number | null;

  @ApiPropertyOptional({ example: 2.3158, minimum: -180, maximum: 180, nullable: true, type: Number })
  @IsOptional()
  @IsNumber(FINITE)
  @Min(-180)
  @Max(180)
  longitude?: number | null;

  @ApiPropertyOptional({ example: 'Europe/Paris', description: 'IANA time zone of the opening hours. Default: Europe/Paris' })
  @ValidateIf(isGiven)
  @IsTimeZone()
  timeZone?: string;

  @ApiPropertyOptional({ maxLength: 5000, nullable: true, type: String })
  @OptionalText(5000)
  accessibilityNotes?: string | null;

  @ApiPropertyOptional({
    type: [OpeningDayDto],
    maxItems: MAX_OPENING_DAYS,
    description: 'Opening hours per date, in the venue’s time zone; one entry per date. On update, replaces them all.',
  })
  @ValidateIf(isGiven)
  @IsArray()
  @ArrayMaxSize(MAX_OPENING_DAYS)
  @ValidateNested({ each: true })
  @Type(() => OpeningDayDto)
  openingHours?: OpeningDayDto[];
}
