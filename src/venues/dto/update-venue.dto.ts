import { PartialType } from '@nestjs/swagger';
import { CreateVenueDto } from './create-venue.dto.js';

/**
 * Any fields of a venue. Null clears an optional field (coordinates, notes) but is refused for a
 * required one. `openingHours`, when given, replaces the whole set; a new `timeZone` without
 * `openingHours` keeps the wall-clock hours.
 */
export class UpdateVenueDto extends PartialType(CreateVenueDto, { skipNullProperties: false }) {}
