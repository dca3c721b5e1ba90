import { Module } from '@nestjs/common';
import { LabelAwardsController } from './label-awards.controller.js';
import { LabelAwardsService } from './label-awards.service.js';
import { LabelEmbargoService } from './label-embargo.service.js';
import { LabelImportService } from './label-import.service.js';
import { LabelStatsService } from './label-stats.service.js';
import { LabelYearsController } from './label-years.controller.js';
import { LabelYearsService } from './label-years.service.js';

/**
 * The Label Ville Internet: label years (ceremony, embargo, published figures), the towns' labels,
 * the CSV import of a palmarès, the figures. Exports LabelEmbargoService (who may see levels, now)
 * and LabelYearsService for the ceremony (src/labels/ceremony).
 */
@Module({
  controllers: [LabelYearsController, LabelAwardsController],
  providers: [LabelEmbargoService, LabelYearsService, LabelAwardsService, LabelImportService, LabelStatsService],
  exports: [LabelEmbargoService, LabelYearsService],
})
export class LabelsModule {}
