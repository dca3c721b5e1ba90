import { ApiProperty } from '@nestjs/swagger';
import { formatInZone } from '../../common/time/zoned-time.js';
import type { Unavailability } from '../unavailability.entity.js';

/** A speaker's unavailability, in the event's time zone and in UTC. */
export class UnavailabilityResponse {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'uuid' })
  eventId!: string;

  @ApiProperty({ example: 'Europe/Paris', description: 'The event’s time zone' })
  timeZone!: string;

  @ApiProperty({ example: '2012-02-06T14:00:00+01:00', description: 'In the event’s time zone, with its offset' })
  startsAt!: string;

  @ApiProperty({ example: '2012-02-06T16:30:00+01:00' })
  endsAt!: string;

  @ApiProperty({ example: '2012-02-06T13:00:00.000Z', description: 'The same instant in UTC' })
  startsAtUtc!: string;

  @ApiProperty({ example: '2012-02-06T15:30:00.000Z' })
  endsAtUtc!: string;

  @ApiProperty({ nullable: true, type: String })
  note!: string | null;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  static from(row: Unavailability, timeZone: string): UnavailabilityResponse {
    return {
      id: row.id,
      eventId: row.eventId,
      timeZone,
      startsAt: formatInZone(row.startsAt, timeZone),
      endsAt: formatInZone(row.endsAt, timeZone),
      startsAtUtc: row.startsAt.toISOString(),
      endsAtUtc: row.endsAt.toISOString(),
      note: row.note,
      createdAt: row.createdAt.toISOString(),
    };
  }
}
