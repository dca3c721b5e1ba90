import { ApiProperty } from '@nestjs/swagger';
import type { Track } from '../track.entity.js';

/** A track as the API shows it. */
export class TrackResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) eventId!: string;
  @ApiProperty({ example: 'Gouvernance des territoires numériques' }) nameFr!: string;
  @ApiProperty({ nullable: true, type: String }) nameEn!: string | null;
  @ApiProperty({ example: 1 }) displayOrder!: number;

  static from(track: Track): TrackResponse {
    return { id: track.id, eventId: track.eventId, nameFr: track.nameFr, nameEn: track.nameEn, displayOrder: track.displayOrder };
  }
}
