import { Module } from '@nestjs/common';
import { LabelEmbargoService } from './label-embargo.service.js';

/**
 * The Label Ville Internet: label years (ceremony, embargo, published figures), the towns' labels,
 * the CSV import of a palmarès, the figures. Exports LabelEmbargoService (who may see levels, now)
 * for the ceremony (src/labels/ceremony).
 */
@Module({
  providers: [LabelEmbargoService],
  exports: [LabelEmbargoService],
})
export class LabelsModule {}
