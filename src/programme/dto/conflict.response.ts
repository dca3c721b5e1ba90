import { ApiProperty } from '@nestjs/swagger';
import { formatInZone } from '../../common/time/zoned-time.js';
import { isBlocking, type ConflictView } from '../conflict-views.js';
import { DEFAULT_SEVERITIES, FIXED_SEVERITY_CODES, type ConflictCode, type ConflictSeverity } from '../conflict-types.js';

/** Every conflict code, in the order of conflict-types.ts. */
export const CONFLICT_CODES = Object.keys(DEFAULT_SEVERITIES) as ConflictCode[];
/** The codes whose severity organisers set (conflict-settings): all but TALK_TENTATIVE, which always blocks. */
export const ADJUSTABLE_CONFLICT_CODES = CONFLICT_CODES.filter((c): c is Exclude<ConflictCode, 'TALK_TENTATIVE'> => !FIXED_SEVERITY_CODES.includes(c));
export const CONFLICT_SEVERITIES: readonly ConflictSeverity[] = ['error', 'warning', 'ignore'];

export class BilingualMessageResponse {
  @ApiProperty({ example: 'Hélène Dupré parle dans deux exposés qui se chevauchent : …' }) fr!: string;
  @ApiProperty({ example: 'Hélène Dupré speaks in two overlapping talks: …' }) en!: string;
}

export class ConflictPersonResponse {
  @ApiProperty({ description: 'A user id, or guest:<chair id> for a chair without an account' }) id!: string;
  @ApiProperty({ example: 'Hélène Dupré' }) name!: string;
}

/** One conflict of the draft programme. */
export class ConflictResponse {
  @ApiProperty({ description: 'Stable across runs (code and the ids concerned): what acknowledgements name' }) key!: string;
  @ApiProperty({ enum: CONFLICT_CODES }) code!: ConflictCode;
  @ApiProperty({ enum: CONFLICT_SEVERITIES, description: 'The organisers’ setting for the code, or its default' }) severity!: ConflictSeverity;
  @ApiProperty({ description: 'An organiser acknowledged it (matters for warnings)' }) acknowledged!: boolean;
  @ApiProperty({ description: 'Blocks publication: an error, or a warning not acknowledged' }) blocking!: boolean;
  @ApiProperty({ type: [String] }) sessionIds!: string[];
  @ApiProperty({ type: [String] }) talkIds!: string[];
  @ApiProperty({ type: [String], description: 'User ids, or guest:<chair id>' }) personIds!: string[];
  @ApiProperty({ type: [ConflictPersonResponse] }) people!: ConflictPersonResponse[];
  @ApiProperty({ type: [String] }) proposalIds!: string[];
  @ApiProperty({ nullable: true, type: String, example: '2012-02-06T17:00:00+01:00', description: 'First time concerned, in the event’s zone' })
  startsAt!: string | null;
  @ApiProperty({ nullable: true, type: String, example: '2012-02-06T16:00:00.000Z' }) startsAtUtc!: string | null;
  @ApiProperty({ type: BilingualMessageResponse }) message!: BilingualMessageResponse;

  static from(c: ConflictView, zone: string, names: ReadonlyMap<string, string>): ConflictResponse {
    return {
      key: c.key,
      code: c.code,
      severity: c.severity,
      acknowledged: c.acknowledged,
      blocking: isBlocking(c),
      sessionIds: c.sessionIds,
      talkIds: c.talkIds,
      personIds: c.personIds,
      people: c.personIds.map((id) => ({ id, name: names.get(id) ?? id })),
      proposalIds: c.proposalIds,
      startsAt: c.startsAt ? formatInZone(c.startsAt, zone) : null,
      startsAtUtc: c.startsAt ? c.startsAt.toISOString() : null,
      message: { fr: c.message.fr, en: c.message.en },
    };
  }
}

export class SeverityCountsResponse {
  @ApiProperty() error!: number;
  @ApiProperty() warning!: number;
  @ApiProperty() ignore!: number;
}

/** Every conflict of an event's draft programme (filtered), with counts over all of them. */
export class ConflictReportResponse {
  @ApiProperty({ type: SeverityCountsResponse, description: 'Over every conflict, before the filters' }) counts!: SeverityCountsResponse;
  @ApiProperty({ description: 'How many block publication (before the filters)' }) blocking!: number;
  @ApiProperty({ description: 'Items after the filters' }) total!: number;
  @ApiProperty({ type: [ConflictResponse] }) items!: ConflictResponse[];
}

/** What a change of the programme introduced: conflicts present after it and not before. */
export class ChangeWarningsResponse {
  @ApiProperty({ type: [ConflictResponse], description: 'Conflicts this change introduced (severity ignore left out)' })
  warnings!: ConflictResponse[];
}
