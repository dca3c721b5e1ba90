import { PartialType } from '@nestjs/swagger';
import { CreateOrganisationDto } from './create-organisation.dto.js';

/**
 * Any field of an organisation. null clears acronym, website or description; name and kind
 * cannot be null (skipNullProperties: false keeps their validators on for null).
 */
export class UpdateOrganisationDto extends PartialType(CreateOrganisationDto, { skipNullProperties: false }) {}
