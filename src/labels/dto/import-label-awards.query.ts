import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';

export const LABEL_IMPORT_MODES = ['all-or-nothing', 'valid-rows'] as const;

/** How an import treats bad rows. */
export class ImportLabelAwardsQuery {
  @ApiPropertyOptional({
    enum: LABEL_IMPORT_MODES,
    default: 'all-or-nothing',
    description: 'all-or-nothing: any bad row refuses the whole file (422, nothing written); valid-rows: the good rows are imported, the bad ones reported',
  })
  @IsOptional()
  @IsIn(LABEL_IMPORT_MODES)
  mode?: (typeof LABEL_IMPORT_MODES)[number];
}
