import { PartialType } from '@nestjs/swagger';
import { CreateSessionDto } from './create-session.dto.js';

/**
 * Any fields of a session: move it in time, change its room, resize, retitle, replace its chairs,
 * change the expected attendance. Null clears an optional field; the rules are checked again on the
 * result (within the event, room free, talks fitting).
 */
export class UpdateSessionDto extends PartialType(CreateSessionDto, { skipNullProperties: false }) {}
