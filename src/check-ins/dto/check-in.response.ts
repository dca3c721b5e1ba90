import { ApiProperty } from '@nestjs/swagger';

export class CheckInParticipantResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'Hélène' }) firstName!: string;
  @ApiProperty({ example: 'Dupré' }) lastName!: string;
  @ApiProperty({ nullable: true, type: String }) affiliation!: string | null;
  @ApiProperty({ nullable: true, type: String, example: 'researcher', description: 'The badge’s category' }) primaryCategory!: string | null;
  @ApiProperty({ nullable: true, type: String, example: 'Chercheur' }) categoryLabelFr!: string | null;
}

export class CheckInPartResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'jour-1' }) code!: string;
  @ApiProperty({ example: 'Lundi 6 février' }) nameFr!: string;
  @ApiProperty({ example: 'day' }) kind!: string;
  @ApiProperty({ nullable: true, type: String, example: '2012-02-06' }) day!: string | null;
}

export class CheckInStaffResponse {
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) id!: string | null;
  @ApiProperty({ example: 'Jeanne Martin', description: 'Display name, else email' }) name!: string;
}

/** The answer to a scan: 201 when it checked the holder in, 200 when they already were. */
export class CheckInResponse {
  @ApiProperty({ enum: ['checked-in', 'already-checked-in'] }) status!: 'checked-in' | 'already-checked-in';
  @ApiProperty({ description: 'True when this request (or the first request with its nonce) wrote the check-in' }) created!: boolean;
  @ApiProperty({ example: 'already checked in at 09:12 by Jeanne Martin' }) message!: string;
  @ApiProperty({ example: 'déjà enregistré(e) à 09:12 par Jeanne Martin' }) messageFr!: string;
  @ApiProperty({ format: 'uuid' }) checkInId!: string;
  @ApiProperty({ type: CheckInParticipantResponse }) participant!: CheckInParticipantResponse;
  @ApiProperty({ type: CheckInPartResponse }) part!: CheckInPartResponse;
  @ApiProperty({ example: '2012-02-06', description: 'The event’s local date the check-in counts for' }) day!: string;
  @ApiProperty({ example: '2012-02-06T09:12:00+01:00', description: 'In the event’s zone' }) checkedInAt!: string;
  @ApiProperty({ example: '2012-02-06T08:12:00.000Z' }) checkedInAtUtc!: string;
  @ApiProperty({ type: CheckInStaffResponse, nullable: true }) checkedInBy!: CheckInStaffResponse | null;
}
