import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';

/** When the levels become public: now (no `at`), or at a given time, earlier or later than the ceremony. */
export class RevealLabelYearDto {
  @ApiPropertyOptional({
    example: '2012-02-06T18:30',
    description: 'Wall-clock time in the ceremony event’s zone (Europe/Paris) or with an offset; absent: now',
  })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  at?: string;
}
