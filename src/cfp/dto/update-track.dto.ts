import { PartialType } from '@nestjs/swagger';
import { CreateTrackDto } from './create-track.dto.js';

/** Any fields of a track; null clears nameEn and is refused for the others. */
export class UpdateTrackDto extends PartialType(CreateTrackDto, { skipNullProperties: false }) {}
