import { OmitType, PartialType } from '@nestjs/swagger';
import { CreateEventOrganisationDto } from './create-event-organisation.dto.js';

/**
 * The role, tier, order or note of an organisation on an event (to move the role to another
 * organisation, delete it and add a new one). null clears sponsorTier or note.
 */
export class UpdateEventOrganisationDto extends PartialType(OmitType(CreateEventOrganisationDto, ['organisationId'] as const), {
  skipNullProperties: false,
}) {}
