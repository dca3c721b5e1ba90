import { ApiProperty } from '@nestjs/swagger';
import { ORGANISATION_KINDS, type OrganisationKind } from '../organisation-kind.js';
import type { Organisation } from '../organisation.entity.js';

/**
 * Where an organisation's logo is served. The version (start of the logo's SHA-256) changes
 * with the picture, so the URL can be cached for good; null when there is no logo.
 */
export function logoUrlFor(organisationId: string, logoSha256: string | null): string | null {
  return logoSha256 ? `/api/organisations/${organisationId}/logo?v=${logoSha256.slice(0, 16)}` : null;
}

/** An organisation as the API shows it. */
export class OrganisationResponse {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 'Centre national de la recherche scientifique' })
  name!: string;

  @ApiProperty({ example: 'CNRS', nullable: true, type: String })
  acronym!: string | null;

  @ApiProperty({ enum: ORGANISATION_KINDS })
  kind!: OrganisationKind;

  @ApiProperty({ example: 'https://www.cnrs.fr', nullable: true, type: String })
  website!: string | null;

  @ApiProperty({ nullable: true, type: String })
  description!: string | null;

  @ApiProperty({
    example: '/api/organisations/8a6e0804-2bd0-4672-b79d-d97027f9071a/logo?v=3f2a9c0d1e4b5a6c',
    nullable: true,
    type: String,
    description: 'The logo (PNG or JPEG), or null when the organisation has none',
  })
  logoUrl!: string | null;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt!: string;

  static from(organisation: Organisation, logoSha256: string | null): OrganisationResponse {
    return {
      id: organisation.id,
      name: organisation.name,
      acronym: organisation.acronym,
      kind: organisation.kind,
      website: organisation.website,
      description: organisation.description,
      logoUrl: logoUrlFor(organisation.id, logoSha256),
      createdAt: organisation.createdAt.toISOString(),
      updatedAt: organisation.updatedAt.toISOString(),
    };
  }
}
