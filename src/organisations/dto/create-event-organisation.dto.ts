import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min, ValidateIf } from 'class-validator';
import { EVENT_ROLES, type EventRole } from '../organisation-kind.js';
import { PlainText, SingleLine, TrimToNull } from '../../common/validation/text.js';

export const MAX_DISPLAY_ORDER = 1_000_000;

/** An organisation takes a role on an event; sponsorTier only for a sponsor. */
export class CreateEventOrganisationDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  organisationId!: string;

  @ApiProperty({ enum: EVENT_ROLES, example: 'supporter' })
  @IsIn(EVENT_ROLES)
  role!: EventRole;

  @ApiPropertyOptional({ example: 'gold', maxLength: 40, nullable: true, type: String, description: 'Only for the role sponsor' })
  @TrimToNull()
  @IsOptional()
  @IsString()
  @MaxLength(40)
  @SingleLine()
  sponsorTier?: string | null;

  @ApiPropertyOptional({ minimum: 0, maximum: MAX_DISPLAY_ORDER, description: 'Lower comes first within a role. Default: 0' })
  @ValidateIf((_dto, value) => value !== undefined)
  @IsInt()
  @Min(0)
  @Max(MAX_DISPLAY_ORDER)
  displayOrder?: number;

  @ApiPropertyOptional({
    example: 'sous le parrainage de Maurice Leroy, Ministre de la Ville',
    maxLength: 500,
    nullable: true,
    type: String,
    description: 'How the role is worded for the public',
  })
  @TrimToNull()
  @IsOptional()
  @IsString()
  @MaxLength(500)
  @PlainText()
  note?: string | null;
}
