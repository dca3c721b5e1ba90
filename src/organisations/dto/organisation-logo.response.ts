import { ApiProperty } from '@nestjs/swagger';
import type { OrganisationLogo } from '../organisation-logo.entity.js';
import { logoUrlFor } from './organisation.response.js';

/** What was stored for a logo upload. */
export class OrganisationLogoResponse {
  @ApiProperty({ example: '/api/organisations/8a6e0804-2bd0-4672-b79d-d97027f9071a/logo?v=3f2a9c0d1e4b5a6c' })
  url!: string;

  @ApiProperty({ enum: ['image/png', 'image/jpeg'], description: 'How the logo is served' })
  mediaType!: string;

  @ApiProperty({ enum: ['image/png', 'image/jpeg', 'image/svg+xml'], description: 'What was uploaded, as read from its content (an SVG is served as PNG)' })
  uploadedMediaType!: string;

  @ApiProperty({ example: 512 })
  width!: number;

  @ApiProperty({ example: 256 })
  height!: number;

  @ApiProperty({ example: 18234 })
  byteSize!: number;

  @ApiProperty({ example: '3f2a9c0d1e4b5a6c…', description: 'SHA-256 of the stored bytes, hex; also the ETag' })
  sha256!: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt!: string;

  static from(logo: OrganisationLogo): OrganisationLogoResponse {
    return {
      url: logoUrlFor(logo.organisationId, logo.sha256) as string,
      mediaType: logo.mediaType,
      uploadedMediaType: logo.uploadedMediaType,
      width: logo.width,
      height: logo.height,
      byteSize: logo.byteSize,
      sha256: logo.sha256,
      updatedAt: logo.updatedAt.toISOString(),
    };
  }
}
