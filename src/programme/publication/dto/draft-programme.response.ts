import { ApiProperty } from '@nestjs/swagger';
import type { DraftPreview } from '../programme-publishing.service.js';
import { ConflictResponse } from '../../dto/conflict.response.js';
import { ChangelogResponse } from './changelog.response.js';

/** The draft as the next release would publish it (organisers only). */
export class DraftProgrammeResponse {
  @ApiProperty({ example: 3, description: 'The version publishing now would create' }) nextVersion!: number;
  @ApiProperty({ nullable: true, type: Number, description: 'The latest published version (what the changelog compares with)' }) basedOnVersion!: number | null;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'A ProgrammeSnapshot, as GET /api/events/{eventId}/programme will serve it once published' })
  snapshot!: Record<string, unknown>;
  @ApiProperty({ type: ChangelogResponse }) changelog!: ChangelogResponse;
  @ApiProperty({
    type: [ConflictResponse],
    description: 'Conflicts that would refuse the publication (errors, and warnings not acknowledged), as GET /api/events/{eventId}/programme/conflicts lists them',
  })
  blockingConflicts!: ConflictResponse[];
  @ApiProperty({
    example: 2,
    description: 'How many mails publishing now would send: one per speaker whose talks the release moves, removes or retitles (computed as publication does)',
  })
  mailsToSend!: number;

  static from(p: DraftPreview): DraftProgrammeResponse {
    return {
      nextVersion: p.nextVersion,
      basedOnVersion: p.basedOnVersion,
      snapshot: p.snapshot as unknown as Record<string, unknown>,
      changelog: p.changelog as ChangelogResponse,
      blockingConflicts: p.blockingConflicts,
      mailsToSend: p.mailsToSend,
    };
  }
}
