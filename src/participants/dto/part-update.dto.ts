import { PartialType } from '@nestjs/swagger';
import { PartCreateDto } from './part-create.dto.js';

/** Any fields of a part; null clears nameEn, day, sessionId, capacity (no limit) and badgeRibbon, and is refused for the others. */
export class PartUpdateDto extends PartialType(PartCreateDto, { skipNullProperties: false }) {}
