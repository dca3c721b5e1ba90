import { PartialType } from '@nestjs/swagger';
import { SpeakerProfileFieldsDto } from './speaker-profile-fields.dto.js';

/**
 * Any field of one's profile. null clears orcid, bioFr or bioEn; the names, affiliation and
 * country cannot be null (skipNullProperties: false keeps their validators on for null: 400).
 */
export class UpdateSpeakerProfileDto extends PartialType(SpeakerProfileFieldsDto, { skipNullProperties: false }) {}
