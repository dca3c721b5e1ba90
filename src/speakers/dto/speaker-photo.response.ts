import { ApiProperty } from '@nestjs/swagger';
import type { SpeakerPhoto } from '../photo-image.js';

/** What was stored for a photo upload. */
export class SpeakerPhotoResponse {
  @ApiProperty({ enum: ['image/png', 'image/jpeg'], description: 'As read from the content' })
  mediaType!: string;

  @ApiProperty({ example: 400 })
  width!: number;

  @ApiProperty({ example: 500 })
  height!: number;

  @ApiProperty({ example: 48211 })
  byteSize!: number;

  @ApiProperty({ description: 'SHA-256 of the stored bytes, hex; also the ETag' })
  sha256!: string;

  static from(photo: SpeakerPhoto): SpeakerPhotoResponse {
    return { mediaType: photo.mediaType, width: photo.width, height: photo.height, byteSize: photo.byteSize, sha256: photo.sha256 };
  }
}
