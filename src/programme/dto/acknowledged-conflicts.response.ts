import { ApiProperty } from '@nestjs/swagger';
import { ConflictResponse } from './conflict.response.js';

/** The conflicts just acknowledged, as they stand now. */
export class AcknowledgedConflictsResponse {
  @ApiProperty({ type: [ConflictResponse] }) items!: ConflictResponse[];
}
