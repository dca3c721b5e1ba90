import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsNotEmpty, IsOptional, IsString, IsUUID, Max, MaxLength, Min, ValidateIf, ValidateNested } from 'class-validator';
import { OptionalText } from '../../common/validation/text.js';
import { MAX_CHAIRS } from '../session-rules.js';
import { SESSION_KINDS, type SessionKind } from '../session-kind.js';
import { SessionChairDto } from './session-chair.dto.js';

/** Optional, but null is refused (the field always has a value). */
const isGiven = (_: object, value: unknown) => value !== undefined;

/**
 * A session: a block of time in one room of a venue of the event (or of a linked event). Times are
 * wall-clock in the event's time zone (2012-02-06T18:00) or carry an offset. At least one title.
 */
export class CreateSessionDto {
  @ApiProperty({ format: 'uuid', description: 'A room of a venue of the event or of a linked event' })
  @IsUUID()
  roomId!: string;

  @ApiProperty({ enum: SESSION_KINDS, example: 'plenary' })
  @IsIn(SESSION_KINDS)
  kind!: SessionKind;

  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String, description: 'A track of the event' })
  @IsOptional()
  @IsUUID()
  trackId?: string | null;

  @ApiPropertyOptional({ example: 'Séance plénière d’ouverture', maxLength: 300, nullable: true, type: String })
  @OptionalText(300)
  titleFr?: string | null;

  @ApiPropertyOptional({ example: 'Opening plenary', maxLength: 300, nullable: true, type: String })
  @OptionalText(300)
  titleEn?: string | null;

  @ApiPropertyOptional({ maxLength: 5000, nullable: true, type: String })
  @OptionalText(5000)
  descriptionFr?: string | null;

  @ApiPropertyOptional({ maxLength: 5000, nullable: true, type: String })
  @OptionalText(5000)
  descriptionEn?: string | null;

  @ApiProperty({ example: '2012-02-06T09:30', description: 'In the event’s time zone (2012-02-06T09:30) or with an offset; within the event' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(40)
  startsAt!: string;

  @ApiProperty({ example: '2012-02-06T11:00', description: 'After startsAt; within the event; long enough for the talks' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(40)
  endsAt!: string;

  @ApiPropertyOptional({ example: 120, minimum: 0, maximum: 1000000, nullable: true, type: Number })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  expectedAttendance?: number | null;

  @ApiPropertyOptional({ type: [SessionChairDto], maxItems: MAX_CHAIRS, description: 'In order; on update, replaces the chairs' })
  @ValidateIf(isGiven)
  @IsArray()
  @ArrayMaxSize(MAX_CHAIRS)
  @ValidateNested({ each: true })
  @Type(() => SessionChairDto)
  chairs?: SessionChairDto[];
}
