import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

const CHANGE_KINDS = ['added', 'removed', 'moved', 'retitled', 'speakers-changed', 'chairs-changed'];

export class ChangedPersonResponse {
  @ApiProperty({ description: 'A user id, or guest:<chair id> for a chair without an account' }) id!: string;
  @ApiProperty({ example: 'Hélène Dupré' }) name!: string;
}

/** One change between two versions. `before`/`after` depend on `change` (see the description). */
export class ChangelogEntryResponse {
  @ApiProperty({ enum: ['session', 'talk'] }) item!: 'session' | 'talk';
  @ApiProperty({ enum: CHANGE_KINDS }) change!: string;
  @ApiProperty({ description: 'The session’s or talk’s id, stable across versions' }) id!: string;
  @ApiPropertyOptional({ description: 'For a talk: its session (before the change for a removed talk)' }) sessionId?: string;
  @ApiPropertyOptional({ description: 'For a talk: its proposal' }) submissionId?: string;
  @ApiProperty({ nullable: true, type: String }) titleFr!: string | null;
  @ApiProperty({ nullable: true, type: String }) titleEn!: string | null;
  @ApiPropertyOptional({ type: [ChangedPersonResponse], description: 'For a talk: its speakers' }) speakers?: ChangedPersonResponse[];
  @ApiProperty({
    nullable: true,
    type: 'object',
    additionalProperties: true,
    description:
      'added: null; removed and moved: the place {startsAt, endsAt, localStart, localEnd, roomId, roomName, venueId, venueName, sessionId?}; ' +
      'retitled: {titleFr, titleEn}; speakers-changed and chairs-changed: {people: [{id, name}]}',
  })
  before!: object | null;
  @ApiProperty({ nullable: true, type: 'object', additionalProperties: true, description: 'As `before`, after the change (null for removed)' })
  after!: object | null;
}

/** What changed from one version to the next (empty for version 1). */
export class ChangelogResponse {
  @ApiProperty({ nullable: true, type: Number, description: 'The version compared against; null for the first' }) fromVersion!: number | null;
  @ApiProperty() toVersion!: number;
  @ApiProperty({ type: [ChangelogEntryResponse] }) entries!: ChangelogEntryResponse[];
}
