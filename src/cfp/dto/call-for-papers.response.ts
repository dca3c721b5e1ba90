import { ApiProperty } from '@nestjs/swagger';
import { formatInZone } from '../../common/time/zoned-time.js';
import { CALL_LANGUAGES, type CallLanguage } from '../call-language.js';
import type { CallForPapers } from '../call-for-papers.entity.js';
import { CALL_STATUSES, callStatus, type CallStatus } from '../call-window.js';

/** The call for papers of an event, in the event's time zone and in UTC, with whether it is open now. */
export class CallForPapersResponse {
  @ApiProperty({ format: 'uuid' }) eventId!: string;
  @ApiProperty({ example: 'Europe/Paris' }) timeZone!: string;
  @ApiProperty({ example: '2011-12-01T00:00:00+01:00', description: 'In the event’s time zone, with its offset' }) opensAt!: string;
  @ApiProperty({ example: '2012-01-15T23:59:00+01:00' }) closesAt!: string;
  @ApiProperty({ example: '2011-11-30T23:00:00.000Z', description: 'The same instant in UTC' }) opensAtUtc!: string;
  @ApiProperty({ example: '2012-01-15T22:59:00.000Z' }) closesAtUtc!: string;
  @ApiProperty({ enum: CALL_LANGUAGES, isArray: true }) languages!: CallLanguage[];
  @ApiProperty({ example: 3000 }) maxAbstractLength!: number;
  @ApiProperty({ enum: CALL_STATUSES, description: 'Whether proposals can be made now' }) status!: CallStatus;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;

  static from(call: CallForPapers, zone: string, now: Date): CallForPapersResponse {
    return {
      eventId: call.eventId,
      timeZone: zone,
      opensAt: formatInZone(call.opensAt, zone),
      closesAt: formatInZone(call.closesAt, zone),
      opensAtUtc: call.opensAt.toISOString(),
      closesAtUtc: call.closesAt.toISOString(),
      languages: call.languages,
      maxAbstractLength: call.maxAbstractLength,
      status: callStatus(call, now),
      updatedAt: call.updatedAt.toISOString(),
    };
  }
}
