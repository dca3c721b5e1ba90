import { ApiProperty } from '@nestjs/swagger';
import { SESSION_KINDS, type SessionKind } from '../session-kind.js';
import { ConflictResponse } from './conflict.response.js';

export class SessionRoomResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'Amphithéâtre' }) name!: string;
  @ApiProperty({ example: 300 }) capacity!: number;
}

export class SessionVenueResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'Espace Cardin' }) name!: string;
  @ApiProperty({ example: '1 avenue Gabriel' }) streetAddress!: string;
  @ApiProperty({ example: 'Paris' }) city!: string;
}

export class SessionTrackResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() nameFr!: string;
  @ApiProperty({ nullable: true, type: String }) nameEn!: string | null;
}

export class SessionChairResponse {
  @ApiProperty({ format: 'uuid', description: 'The chair entry' }) id!: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'The account; null for a guest' }) userId!: string | null;
  @ApiProperty({ description: 'The person id conflicts name: the user id, or guest:<id>' }) personId!: string;
  @ApiProperty({ example: 'Hélène Dupré' }) name!: string;
  @ApiProperty({ nullable: true, type: String }) affiliation!: string | null;
  @ApiProperty({ description: 'A named guest without an account' }) guest!: boolean;
}

export class TalkSpeakerResponse {
  @ApiProperty({ format: 'uuid' }) userId!: string;
  @ApiProperty({ example: 'Hélène Dupré' }) name!: string;
}

/** A talk with its computed times: the session's start plus the durations of the talks before it. */
export class TalkResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) sessionId!: string;
  @ApiProperty({ format: 'uuid' }) submissionId!: string;
  @ApiProperty({ description: '0-based order in the session' }) position!: number;
  @ApiProperty({ example: 20 }) durationMinutes!: number;
  @ApiProperty({ example: 1, description: 'Raised by every change of the talk; the ETag is this number in quotes (If-Match on PATCH /api/talks/:id)' }) version!: number;
  @ApiProperty({ example: '2012-02-06T09:30:00+01:00', description: 'Computed; in the event’s time zone' }) startsAt!: string;
  @ApiProperty({ example: '2012-02-06T09:50:00+01:00' }) endsAt!: string;
  @ApiProperty({ example: '2012-02-06T08:30:00.000Z' }) startsAtUtc!: string;
  @ApiProperty({ example: '2012-02-06T08:50:00.000Z' }) endsAtUtc!: string;
  @ApiProperty({ nullable: true, type: String }) titleFr!: string | null;
  @ApiProperty({ nullable: true, type: String }) titleEn!: string | null;
  @ApiProperty({ example: 'accepted', description: 'The proposal’s state (accepted or confirmed when placed for good; submitted when tentative)' }) proposalState!: string;
  @ApiProperty({
    example: false,
    description: 'Placed tentatively (« provisoire ») while the proposal is under review: a blocking conflict (TALK_TENTATIVE) until it is accepted or the talk removed',
  })
  tentative!: boolean;
  @ApiProperty({ type: [TalkSpeakerResponse], description: 'The proposal’s accepted signers, main speaker first' }) speakers!: TalkSpeakerResponse[];
}

/** A session of the draft programme, in the event's time zone and in UTC, with its room, venue, chairs and talks. */
export class SessionResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) eventId!: string;
  @ApiProperty({ enum: SESSION_KINDS }) kind!: SessionKind;
  @ApiProperty({ example: 'Séance plénière' }) kindLabelFr!: string;
  @ApiProperty({ example: 'Plenary session' }) kindLabelEn!: string;
  @ApiProperty({ nullable: true, type: String }) titleFr!: string | null;
  @ApiProperty({ nullable: true, type: String }) titleEn!: string | null;
  @ApiProperty({ nullable: true, type: String }) descriptionFr!: string | null;
  @ApiProperty({ nullable: true, type: String }) descriptionEn!: string | null;
  @ApiProperty({ type: SessionTrackResponse, nullable: true }) track!: SessionTrackResponse | null;
  @ApiProperty({ example: 'Europe/Paris', description: 'The event’s time zone' }) timeZone!: string;
  @ApiProperty({ example: '2012-02-06T18:00:00+01:00', description: 'In the event’s time zone, with its offset' }) startsAt!: string;
  @ApiProperty({ example: '2012-02-06T21:00:00+01:00' }) endsAt!: string;
  @ApiProperty({ example: '2012-02-06T17:00:00.000Z', description: 'The same instant in UTC' }) startsAtUtc!: string;
  @ApiProperty({ example: '2012-02-06T20:00:00.000Z' }) endsAtUtc!: string;
  @ApiProperty({ example: '2012-02-06', description: 'Local date the session starts on' }) day!: string;
  @ApiProperty({ example: 180 }) durationMinutes!: number;
  @ApiProperty({ example: 60, description: 'Total minutes of the talks' }) talksMinutes!: number;
  @ApiProperty({ nullable: true, type: Number }) expectedAttendance!: number | null;
  @ApiProperty({ example: 1, description: 'Raised by every change of the session, its chairs or its talks; the ETag is this number in quotes (If-Match on PATCH /api/sessions/:id)' }) version!: number;
  @ApiProperty({ type: SessionRoomResponse }) room!: SessionRoomResponse;
  @ApiProperty({ type: SessionVenueResponse }) venue!: SessionVenueResponse;
  @ApiProperty({ type: [SessionChairResponse] }) chairs!: SessionChairResponse[];
  @ApiProperty({ type: [TalkResponse], description: 'In order' }) talks!: TalkResponse[];
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

/** A session after a change, with the conflicts the change introduced. */
export class SessionChangeResponse extends SessionResponse {
  @ApiProperty({ type: [ConflictResponse], description: 'Conflicts this change introduced (severity ignore left out)' })
  warnings!: ConflictResponse[];
}

/** A talk after a change, with the conflicts the change introduced. */
export class TalkChangeResponse extends TalkResponse {
  @ApiProperty({ type: [ConflictResponse], description: 'Conflicts this change introduced (severity ignore left out)' })
  warnings!: ConflictResponse[];
}
