import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsISO8601, IsOptional, IsUUID, Matches, Max, Min, ValidateIf } from 'class-validator';
import { OptionalText, RequiredText, SingleLine } from '../../common/validation/text.js';

export const PART_KINDS = ['day', 'workshop', 'ceremony', 'reception', 'dinner', 'other'] as const;
export const PART_ADMISSIONS = ['open', 'sign-up', 'invitation', 'on-request'] as const;

/** A part of the event that needs a seat: a colloquium day, a workshop, the ceremony, the dinner. */
export class PartCreateDto {
  @ApiProperty({ example: 'ceremonie', pattern: '^[a-z0-9-]{1,40}$', description: 'Unique within the event; people name the part by it when they register' })
  @Matches(/^[a-z0-9-]{1,40}$/, { message: 'code must be 1 to 40 lower-case letters, digits or hyphens' })
  code!: string;

  @ApiProperty({ example: 'Cérémonie du Label Ville Internet', maxLength: 200 })
  @RequiredText(200)
  nameFr!: string;

  @ApiPropertyOptional({ example: 'Ville Internet Label ceremony', maxLength: 200, nullable: true, type: String })
  @OptionalText(200)
  @SingleLine()
  nameEn?: string | null;

  @ApiProperty({ enum: PART_KINDS })
  @IsIn(PART_KINDS)
  kind!: (typeof PART_KINDS)[number];

  @ApiProperty({
    enum: PART_ADMISSIONS,
    description: 'open / sign-up: admitted while seats remain, else waiting list; invitation: only organisers admit; on-request: people ask, organisers admit',
  })
  @IsIn(PART_ADMISSIONS)
  admission!: (typeof PART_ADMISSIONS)[number];

  @ApiPropertyOptional({ example: '2012-02-06', nullable: true, type: String, description: 'A colloquium day: its local date' })
  @IsOptional()
  @IsISO8601({ strict: true })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'day must be a date YYYY-MM-DD' })
  day?: string | null;

  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String, description: 'The programme session it admits to' })
  @IsOptional()
  @IsUUID()
  sessionId?: string | null;

  @ApiPropertyOptional({ example: 300, minimum: 1, maximum: 100000, nullable: true, type: Number, description: 'Seats; null: no limit' })
  @ValidateIf((_o, v) => v !== null)
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100000)
  capacity?: number | null;

  @ApiPropertyOptional({ example: 'Cérémonie', maxLength: 40, nullable: true, type: String })
  @OptionalText(40)
  @SingleLine()
  badgeRibbon?: string | null;

  @ApiPropertyOptional({ example: 1, minimum: 0, maximum: 10000, description: 'Default: 0' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(10000)
  displayOrder?: number;
}
