import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';

/** An accepted or confirmed proposal placed in a session, or a proposal under review placed tentatively. */
export class CreateTalkDto {
  @ApiProperty({ format: 'uuid', description: 'A proposal of the session’s event, not placed yet: accepted or confirmed, or under review with tentative: true' })
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

  @ApiPropertyOptional({
    description:
      'Default false. Place tentatively (« provisoire »): required for a proposal under review (submitted), refused for an accepted or confirmed one. ' +
      'A tentative talk blocks publication (conflict TALK_TENTATIVE) until its proposal is accepted (the flag then clears) or it is removed.',
  })
  @IsOptional()
  @IsBoolean()
  tentative?: boolean;
}
