import { ApiProperty } from '@nestjs/swagger';

/** A venue's hours on one date, shown in the venue's time zone. */
export class OpeningDayResponse {
  @ApiProperty({ example: '2012-02-06', format: 'date' })
  date!: string;

  @ApiProperty({ example: '09:00' })
  opens!: string;

  @ApiProperty({ example: '19:00' })
  closes!: string;
}
