import { ApiProperty } from '@nestjs/swagger';
import { IsISO8601, IsString, Matches } from 'class-validator';

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

/** The hours of a venue on one date, in the venue's time zone. */
export class OpeningDayDto {
  @ApiProperty({ example: '2012-02-06', format: 'date', description: 'Local date in the venue’s time zone' })
  @IsString()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: '$property must be a date like 2012-02-06' })
  @IsISO8601({ strict: true }, { message: '$property must be a real calendar date' })
  date!: string;

  @ApiProperty({ example: '09:00', pattern: TIME.source, description: 'Opening time (HH:mm, local)' })
  @IsString()
  @Matches(TIME, { message: '$property must be a time like 09:00' })
  opens!: string;

  @ApiProperty({ example: '19:00', pattern: TIME.source, description: 'Closing time (HH:mm, local), after opens' })
  @IsString()
  @Matches(TIME, { message: '$property must be a time like 19:00' })
  closes!: string;
}
