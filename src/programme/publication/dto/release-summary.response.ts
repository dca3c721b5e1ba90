import { ApiProperty } from '@nestjs/swagger';
import type { ReleaseSummary } from '../programme-releases.service.js';
import { ChangelogResponse } from './changelog.response.js';

export class ReleasePublisherResponse {
  @ApiProperty() id!: string;
  @ApiProperty({ nullable: true, type: String }) name!: string | null;
}

/** One published version in the organisers' list. */
export class ReleaseSummaryResponse {
  @ApiProperty({ example: 1 }) version!: number;
  @ApiProperty({ format: 'date-time' }) publishedAt!: string;
  @ApiProperty({ nullable: true, type: String }) note!: string | null;
  @ApiProperty({ nullable: true, type: ReleasePublisherResponse, description: 'Null when the account was deleted' }) publishedBy!: ReleasePublisherResponse | null;
  @ApiProperty() etag!: string;
  @ApiProperty({ type: ChangelogResponse }) changelog!: ChangelogResponse;

  static from(r: ReleaseSummary): ReleaseSummaryResponse {
    return {
      version: r.version,
      publishedAt: r.publishedAt.toISOString(),
      note: r.note,
      publishedBy: r.publishedBy,
      etag: r.etag,
      changelog: r.changelog as ChangelogResponse,
    };
  }
}
