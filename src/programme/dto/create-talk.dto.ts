import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';

/** An accepted or confirmed proposal placed in a session. */
export class CreateTalkDto {
  @ApiProperty({ format: 'uuid', description: 'An accepted or confirmed proposal of the session’s event, not placed yet' })
  @IsUUID()
  submissionId!: string;

  @ApiPropertyOptional({ example: 20, minimum: 1, maximum: 1440, description: 'Default: the proposal’s own length, else its type’s default' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(1440)
  durationMinutes?: number;

  @ApiPropertyOptional({ example: 0, minimum: 0, description: '0-based place among the session’s talks; default: last' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100000)
  position?: number;
}
