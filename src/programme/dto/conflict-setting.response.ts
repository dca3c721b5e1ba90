import { ApiProperty } from '@nestjs/swagger';
import type { ConflictCode, ConflictSeverity } from '../conflict-types.js';
import { CONFLICT_CODES, CONFLICT_SEVERITIES } from './conflict.response.js';

export class ConflictSettingResponse {
  @ApiProperty({ enum: CONFLICT_CODES }) code!: ConflictCode;
  @ApiProperty({ enum: CONFLICT_SEVERITIES, description: 'In force for the event' }) severity!: ConflictSeverity;
  @ApiProperty({ enum: CONFLICT_SEVERITIES, description: 'The default, when no organiser set one' }) defaultSeverity!: ConflictSeverity;
  @ApiProperty({ description: 'An organiser set it' }) custom!: boolean;
}

/** Every conflict code organisers may set (all but TALK_TENTATIVE, always an error) with its severity for the event, in a fixed order. */
export class ConflictSettingsResponse {
  @ApiProperty({ type: [ConflictSettingResponse] }) items!: ConflictSettingResponse[];
}
