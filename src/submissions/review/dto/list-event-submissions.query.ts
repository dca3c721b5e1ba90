import { ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { PageQueryDto } from '../../../common/pagination/page-query.dto.js';
import { SingleLine, Trim } from '../../../common/validation/text.js';
import { SUBMISSION_STATES, type SubmissionState } from '../../submission-state.js';
import { PROPOSAL_LANGUAGES, SUBMISSION_SORTS, type ProposalLanguage, type SubmissionSort } from '../submission-filter.js';
import { toBoolean } from '../../../common/validation/boolean-query.js';

/** Longest text accepted by the `speaker` and `q` searches. */
export const MAX_SEARCH_LENGTH = 200;

/**
 * `state` may be repeated (state=submitted&state=accepted), comma-separated
 * (state=submitted,accepted), or both.
 */
const toStateList = () =>
  Transform(({ value }: { value: unknown }) => {
    if (value === undefined) return undefined;
    const parts = (Array.isArray(value) ? value : [value]).flatMap((v: unknown) => (typeof v === 'string' ? v.split(',') : [v]));
    return parts.map((v) => (typeof v === 'string' ? v.trim() : v));
  });

/** The organisers' list of an event's proposals: filters, sort, page. */
export class ListEventSubmissionsQuery extends PageQueryDto {
  @ApiPropertyOptional({
    description: 'One or several states: repeat the parameter (state=submitted&state=accepted) or separate them with commas (state=submitted,accepted)',
    type: [String],
    enum: SUBMISSION_STATES,
    example: ['submitted'],
  })
  @IsOptional()
  @toStateList()
  @IsArray()
  @ArrayMaxSize(SUBMISSION_STATES.length * 2)
  @IsIn(SUBMISSION_STATES, { each: true })
  state?: SubmissionState[];

  @ApiPropertyOptional({ format: 'uuid', description: 'Submission type' })
  @IsOptional()
  @IsUUID()
  typeId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Track (theme)' })
  @IsOptional()
  @IsUUID()
  trackId?: string;

  @ApiPropertyOptional({ enum: PROPOSAL_LANGUAGES, description: 'Proposals whose title and abstract are both given in this language' })
  @IsOptional()
  @IsIn(PROPOSAL_LANGUAGES)
  language?: ProposalLanguage;

  @ApiPropertyOptional({
    maxLength: MAX_SEARCH_LENGTH,
    description:
      'A signer (main speaker or co-speaker): every word must appear in the first name, last name or email of one signer, ' +
      'whatever the accents and case ("helene dupre" finds "Hélène Dupré")',
  })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(MAX_SEARCH_LENGTH)
  @SingleLine()
  speaker?: string;

  @ApiPropertyOptional({
    maxLength: MAX_SEARCH_LENGTH,
    description: 'Text search: every word must appear in a title or abstract (French or English), whatever the accents and case',
  })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(MAX_SEARCH_LENGTH)
  @SingleLine()
  q?: string;

  @ApiPropertyOptional({
    enum: ['true', 'false'],
    description: 'true: proposals a talk of the draft programme places (tentatively or not); false: those no talk places yet (the grid’s « to place » list)',
  })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  placed?: boolean;

  @ApiPropertyOptional({
    enum: SUBMISSION_SORTS,
    default: 'date',
    description:
      'score: mean review score (proposals without reviews last, whatever the order); date: submission time, then creation time; ' +
      'title: French title (else English), ignoring accents and case',
  })
  @IsOptional()
  @IsIn(SUBMISSION_SORTS)
  sort: SubmissionSort = 'date';
}

/** The CSV export takes the same filters and sort as the list, without pages. */
export class ExportEventSubmissionsQuery extends OmitType(ListEventSubmissionsQuery, ['page', 'pageSize'] as const) {}
