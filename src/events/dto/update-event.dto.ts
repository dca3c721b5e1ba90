import { PartialType } from '@nestjs/swagger';
import { CreateEventDto } from './create-event.dto.js';

/** Any field of the event; a null clears an optional one. */
export class UpdateEventDto extends PartialType(CreateEventDto) {}
