import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { IsBoolean, IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';

export const FIRST_LABEL_YEAR = 1990;
export const LAST_LABEL_YEAR = 2100;

/** A year of the label, its ceremony, and whether the figures are public before the reveal. */
export class CreateLabelYearDto {
  @ApiProperty({ example: 2012, minimum: FIRST_LABEL_YEAR, maximum: LAST_LABEL_YEAR })
  @IsInt()
  @Min(FIRST_LABEL_YEAR)
  @Max(LAST_LABEL_YEAR)
  year!: number;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true, description: 'The ceremony event; default: the event whose slug is label<year>, if any' })
  @IsOptional()
  @IsUUID()
  eventId?: string | null;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true, description: 'The ceremony session (of the ceremony event or its linked event) whose start ends the embargo' })
  @IsOptional()
  @IsUUID()
  ceremonySessionId?: string | null;

  @ApiPropertyOptional({ description: 'The aggregate figures are public before the reveal (as the press release was)' })
  @IsOptional()
  @IsBoolean()
  statsPublished?: boolean;
}

export class UpdateLabelYearDto extends PartialType(OmitType(CreateLabelYearDto, ['year'] as const)) {}
