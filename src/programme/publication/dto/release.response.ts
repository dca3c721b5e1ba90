import { ApiProperty } from '@nestjs/swagger';
import type { PublishedVersion } from '../programme-publishing.service.js';
import { ChangelogResponse } from './changelog.response.js';

/** A version just published. */
export class ReleaseResponse {
  @ApiProperty({ example: 2 }) version!: number;
  @ApiProperty({ format: 'date-time' }) publishedAt!: string;
  @ApiProperty({ nullable: true, type: String }) note!: string | null;
  @ApiProperty({ description: 'The ETag the public programme is now served with' }) etag!: string;
  @ApiProperty({ type: ChangelogResponse }) changelog!: ChangelogResponse;
  @ApiProperty({ description: 'Speakers mailed about changes to their talks (moved, removed, retitled)' }) speakersNotified!: number;

  static from(p: PublishedVersion): ReleaseResponse {
    return {
      version: p.version,
      publishedAt: p.publishedAt.toISOString(),
      note: p.note,
      etag: p.etag,
      changelog: p.changelog as ChangelogResponse,
      speakersNotified: p.speakersNotified,
    };
  }
}
