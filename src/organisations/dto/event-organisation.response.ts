import { ApiProperty, PickType } from '@nestjs/swagger';
import { EVENT_ROLES, type EventRole, type OrganisationKind } from '../organisation-kind.js';
import { logoUrlFor, OrganisationResponse } from './organisation.response.js';

/** The organisation holding a role, in short: the organisation's response without its description. */
export class OrganisationSummaryResponse extends PickType(OrganisationResponse, ['id', 'name', 'acronym', 'kind', 'website', 'logoUrl'] as const) {}

/** One row of the role query: the role joined with its organisation and the logo's hash. */
export interface EventOrganisationRow {
  id: string;
  eventId: string;
  role: EventRole;
  sponsorTier: string | null;
  displayOrder: number;
  note: string | null;
  organisationId: string;
  organisationName: string;
  organisationAcronym: string | null;
  organisationKind: OrganisationKind;
  organisationWebsite: string | null;
  logoSha256: string | null;
}

/** The role of an organisation on an event. */
export class EventOrganisationResponse {
  @ApiProperty({ format: 'uuid', description: 'Id of the role (not of the organisation)' })
  id!: string;

  @ApiProperty({ format: 'uuid' })
  eventId!: string;

  @ApiProperty({ enum: EVENT_ROLES })
  role!: EventRole;

  @ApiProperty({ nullable: true, type: String, example: 'gold' })
  sponsorTier!: string | null;

  @ApiProperty({ example: 0 })
  displayOrder!: number;

  @ApiProperty({ nullable: true, type: String })
  note!: string | null;

  @ApiProperty({ type: OrganisationSummaryResponse })
  organisation!: OrganisationSummaryResponse;

  static from(row: EventOrganisationRow): EventOrganisationResponse {
    return {
      id: row.id,
      eventId: row.eventId,
      role: row.role,
      sponsorTier: row.sponsorTier,
      displayOrder: row.displayOrder,
      note: row.note,
      organisation: {
        id: row.organisationId,
        name: row.organisationName,
        acronym: row.organisationAcronym,
        kind: row.organisationKind,
        website: row.organisationWebsite,
        logoUrl: logoUrlFor(row.organisationId, row.logoSha256),
      },
    };
  }
}
