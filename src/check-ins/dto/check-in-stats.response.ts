import { ApiProperty } from '@nestjs/swagger';

export class CheckInDayCountResponse {
  @ApiProperty({ example: '2012-02-06' }) day!: string;
  @ApiProperty({ example: 57 }) checkedIn!: number;
}

export class CheckInPartStatsResponse {
  @ApiProperty({ format: 'uuid' }) partId!: string;
  @ApiProperty({ example: 'jour-1' }) code!: string;
  @ApiProperty({ example: 'Lundi 6 février' }) nameFr!: string;
  @ApiProperty({ example: 'day' }) kind!: string;
  @ApiProperty({ nullable: true, type: String, example: '2012-02-06' }) day!: string | null;
  @ApiProperty({ nullable: true, type: Number }) capacity!: number | null;
  @ApiProperty({ example: 120, description: 'People holding an admitted place now' }) admitted!: number;
  @ApiProperty({ example: 57, description: 'Check-ins over all days' }) checkedIn!: number;
  @ApiProperty({ example: 57, description: 'Check-ins on the event’s local date today' }) checkedInToday!: number;
  @ApiProperty({ type: [CheckInDayCountResponse], description: 'Check-ins per local date, in date order' }) days!: CheckInDayCountResponse[];
}

export class CheckInQuarterHourResponse {
  @ApiProperty({ example: '2012-02-06T09:15:00+01:00', description: 'Start of the quarter hour, in the event’s zone' }) start!: string;
  @ApiProperty({ example: '2012-02-06T08:15:00.000Z' }) startUtc!: string;
  @ApiProperty({ example: 12, description: 'Check-ins (all parts) in this quarter hour' }) checkedIn!: number;
}

/** Live counts per part and day: admitted against checked in. */
export class CheckInStatsResponse {
  @ApiProperty({ format: 'uuid' }) eventId!: string;
  @ApiProperty({ example: 'Europe/Paris' }) timeZone!: string;
  @ApiProperty({ example: '2012-02-06', description: 'The event’s local date now' }) today!: string;
  @ApiProperty({ example: '2012-02-06T09:30:00+01:00' }) generatedAt!: string;
  @ApiProperty({ type: [CheckInPartStatsResponse], description: 'Every part of the event, in display order' }) parts!: CheckInPartStatsResponse[];
  @ApiProperty({
    type: [CheckInQuarterHourResponse],
    description: 'Today’s arrivals (all parts) per quarter hour of the event’s zone, from the first quarter with a check-in to the current one, empty quarters counted as 0; empty before the first check-in of the day',
  })
  arrivalsToday!: CheckInQuarterHourResponse[];
}
