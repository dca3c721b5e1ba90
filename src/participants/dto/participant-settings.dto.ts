import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsISO8601, IsOptional, Matches, ValidateIf } from 'class-validator';

/** PUT /api/events/:eventId/participant-settings: fields not given keep their value (defaults on first write). */
export class ParticipantSettingsDto {
  @ApiPropertyOptional({ description: 'Whether public self-registration is open (true on first write when not given)' })
  @IsOptional()
  @IsBoolean()
  registrationOpen?: boolean;

  @ApiPropertyOptional({ format: 'date', nullable: true, type: String, example: '2013-02-07', description: 'After this local date organisers may anonymise the participants; null: no date' })
  @ValidateIf((_o, v) => v !== null)
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: '$property must be a date like 2013-02-07' })
  @IsISO8601({ strict: true }, { message: '$property must be a real calendar date' })
  retentionUntil?: string | null;

  @ApiPropertyOptional({ description: 'Whether the public list of participants (those who consented) is shown (false on first write when not given)' })
  @IsOptional()
  @IsBoolean()
  publicList?: boolean;
}
