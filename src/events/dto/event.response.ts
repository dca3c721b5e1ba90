import { ApiProperty } from '@nestjs/swagger';
import { formatInZone } from '../../common/time/zoned-time.js';
import { EVENT_KINDS, type EventKind } from '../event-kind.js';
import { periodDates } from '../event-period.js';
import type { Event } from '../event.entity.js';

export class EventVenueResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() streetAddress!: string;
  @ApiProperty() postcode!: string;
  @ApiProperty() city!: string;
}

/** A linked event, briefly (the ceremony of the colloquium). */
export class LinkedEventResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() slug!: string;
  @ApiProperty({ enum: EVENT_KINDS }) kind!: EventKind;
  @ApiProperty() nameFr!: string;
  @ApiProperty({ example: '2012-02-06T18:00:00+01:00' }) startsAt!: string;
  @ApiProperty({ example: '2012-02-06T21:00:00+01:00' }) endsAt!: string;
}

export class EventResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'vtn2012' }) slug!: string;
  @ApiProperty({ enum: EVENT_KINDS }) kind!: EventKind;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) parentEventId!: string | null;
  @ApiProperty() nameFr!: string;
  @ApiProperty({ nullable: true, type: String }) nameEn!: string | null;
  @ApiProperty({ nullable: true, type: String }) themeFr!: string | null;
  @ApiProperty({ nullable: true, type: String }) themeEn!: string | null;
  @ApiProperty({ example: 'Europe/Paris' }) timeZone!: string;
  @ApiProperty({ description: 'Whole days: startDate to endDate inclusive' }) allDay!: boolean;
  @ApiProperty({ example: '2012-02-06T18:00:00+01:00', description: 'In the event’s time zone, with its offset' }) startsAt!: string;
  @ApiProperty({ example: '2012-02-06T21:00:00+01:00' }) endsAt!: string;
  @ApiProperty({ example: '2012-02-06T17:00:00.000Z', description: 'The same instant in UTC' }) startsAtUtc!: string;
  @ApiProperty({ example: '2012-02-06T20:00:00.000Z' }) endsAtUtc!: string;
  @ApiProperty({ example: '2012-02-06', description: 'First local day' }) startDate!: string;
  @ApiProperty({ example: '2012-02-07', description: 'Last local day (inclusive)' }) endDate!: string;
  @ApiProperty({ nullable: true, type: String }) website!: string | null;
  @ApiProperty({ nullable: true, type: String }) contactEmail!: string | null;
  @ApiProperty({ nullable: true, type: String }) contactPhone!: string | null;
  @ApiProperty({ type: [EventVenueResponse] }) venues!: EventVenueResponse[];
  @ApiProperty({ type: [LinkedEventResponse], description: 'Events linked to this one (its ceremony)' }) linkedEvents!: LinkedEventResponse[];
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;

  static from(event: Event, venues: EventVenueResponse[], linked: Event[]): EventResponse {
    const zone = event.timeZone;
    const { startDate, endDate } = periodDates(event);
    return {
      id: event.id,
      slug: event.slug,
      kind: event.kind,
      parentEventId: event.parentEventId,
      nameFr: event.nameFr,
      nameEn: event.nameEn,
      themeFr: event.themeFr,
      themeEn: event.themeEn,
      timeZone: zone,
      allDay: event.allDay,
      startsAt: formatInZone(event.startsAt, zone),
      endsAt: formatInZone(event.endsAt, zone),
      startsAtUtc: event.startsAt.toISOString(),
      endsAtUtc: event.endsAt.toISOString(),
      startDate,
      endDate,
      website: event.website,
      contactEmail: event.contactEmail,
      contactPhone: event.contactPhone,
      venues,
      linkedEvents: linked.map((l) => ({
        id: l.id,
        slug: l.slug,
        kind: l.kind,
        nameFr: l.nameFr,
        startsAt: formatInZone(l.startsAt, l.timeZone),
        endsAt: formatInZone(l.endsAt, l.timeZone),
      })),
      createdAt: event.createdAt.toISOString(),
      updatedAt: event.updatedAt.toISOString(),
    };
  }
}
