import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';

/** Reorder (position), resize (durationMinutes) or move to another session of the event (sessionId), in one request. */
export class UpdateTalkDto {
  @ApiPropertyOptional({ example: 0, minimum: 0, description: '0-based place in its (new) session; the others follow in order' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100000)
  position?: number;

  @ApiPropertyOptional({ example: 30, minimum: 1, maximum: 1440 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(1440)
  durationMinutes?: number;

  @ApiPropertyOptional({ format: 'uuid', description: 'Another session of the same event (the talk goes last unless position is given)' })
  @IsOptional()
  @IsUUID()
  sessionId?: string;
}
