import { PartialType } from '@nestjs/swagger';
import { CreateRoomDto } from './create-room.dto.js';

/** Any fields of a room. Null clears floor, equipment or notes, and is refused for name and capacity. */
export class UpdateRoomDto extends PartialType(CreateRoomDto, { skipNullProperties: false }) {}
