import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsEmail,
  IsIn,
  IsOptional,
  IsString,
  IsUrl,
  IsUUID,
  Matches,
  MaxLength,
} from 'class-validator';
import { IsTimeZone } from '../../common/validation/is-time-zone.js';
import { OptionalText, RequiredText, SingleLine } from '../../common/validation/text.js';
import { EVENT_KINDS, type EventKind } from '../event-kind.js';

/**
 * An event as an organiser types it. Times are wall-clock in `timeZone` (or carry an offset):
 * give startsAt/endsAt for a timed event, or startDate/endDate (inclusive) for whole days.
 */
export class CreateEventDto {
  @ApiProperty({ example: 'vtn2012', description: 'Lower-case acronym without hyphens (used in exports)', pattern: '^[a-z0-9]{2,40}$' })
  @IsString()
  @Matches(/^[a-z0-9]{2,40}$/, { message: 'slug must be 2 to 40 lower-case letters or digits' })
  slug!: string;

  @ApiPropertyOptional({ enum: EVENT_KINDS, description: 'Default: colloquium' })
  @IsOptional()
  @IsIn(EVENT_KINDS)
  kind?: EventKind;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true, description: 'The event this one belongs to (the ceremony of a colloquium); null unlinks it' })
  @IsOptional()
  @IsUUID()
  parentEventId?: string | null;

  @ApiProperty({ example: 'Colloque international « Villes et territoires numériques »', maxLength: 300 })
  @RequiredText(300)
  nameFr!: string;

  @ApiPropertyOptional({ type: String, maxLength: 300, nullable: true })
  @OptionalText(300)
  @SingleLine()
  nameEn?: string | null;

  @ApiPropertyOptional({ type: String, maxLength: 2000, nullable: true })
  @OptionalText(2000)
  themeFr?: string | null;

  @ApiPropertyOptional({ type: String, maxLength: 2000, nullable: true })
  @OptionalText(2000)
  themeEn?: string | null;

  @ApiPropertyOptional({ example: 'Europe/Paris', description: 'IANA time zone. Default: Europe/Paris' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  @IsTimeZone()
  timeZone?: string;

  @ApiPropertyOptional({ example: '2012-02-06T18:00', description: 'Start, wall-clock in timeZone or with an offset' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  startsAt?: string;

  @ApiPropertyOptional({ example: '2012-02-06T21:00' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  endsAt?: string;

  @ApiPropertyOptional({ example: '2012-02-06', description: 'First day of an all-day event' })
  @IsOptional()
  @IsString()
  @MaxLength(10)
  startDate?: string;

  @ApiPropertyOptional({ example: '2012-02-07', description: 'Last day (inclusive) of an all-day event' })
  @IsOptional()
  @IsString()
  @MaxLength(10)
  endDate?: string;

  @ApiPropertyOptional({ type: [String], format: 'uuid', description: 'Venues used by the event' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  venueIds?: string[];

  @ApiPropertyOptional({ type: String, example: 'http://www.vtn2012.fr', maxLength: 500, nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true })
  website?: string | null;

  @ApiPropertyOptional({ type: String, format: 'email', example: 'label@villes-internet.net', maxLength: 254, nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(254)
  @IsEmail()
  contactEmail?: string | null;

  @ApiPropertyOptional({ type: String, example: '01 47 68 53 76', maxLength: 40, nullable: true })
  @IsOptional()
  @IsString()
  @Matches(/^\+?[0-9 ().-]{4,40}$/, { message: 'contactPhone must be a phone number (digits, spaces, + . - ( ))' })
  contactPhone?: string | null;
}
