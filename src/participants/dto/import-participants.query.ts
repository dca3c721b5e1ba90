import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';

export const IMPORT_MODES = ['all-or-nothing', 'valid-rows'] as const;
export type ImportMode = (typeof IMPORT_MODES)[number];

/** How an import treats bad rows. */
export class ImportParticipantsQuery {
  @ApiPropertyOptional({
    enum: IMPORT_MODES,
    default: 'all-or-nothing',
    description: 'all-or-nothing: any bad row refuses the whole file (422, nothing written); valid-rows: the good rows are imported, the bad ones reported',
  })
  @IsOptional()
  @IsIn(IMPORT_MODES)
  mode?: ImportMode;
}
