import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { MAX_TRAVEL_MINUTES } from '../travel-pair.js';

/**
 * The travel time between two venues, the same both ways. Replaces what was recorded for the
 * pair: a minutes field left out is recorded as unknown. At least one of the two is needed.
 */
export class PutTravelTimeDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  fromVenueId!: string;

  @ApiProperty({ format: 'uuid', description: 'Another venue than fromVenueId' })
  @IsUUID()
  toVenueId!: string;

  @ApiPropertyOptional({ example: 25, minimum: 0, maximum: MAX_TRAVEL_MINUTES, nullable: true, type: Number })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_TRAVEL_MINUTES)
  walkingMinutes?: number | null;

  @ApiPropertyOptional({ example: 15, minimum: 0, maximum: MAX_TRAVEL_MINUTES, nullable: true, type: Number })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_TRAVEL_MINUTES)
  transitMinutes?: number | null;
}
