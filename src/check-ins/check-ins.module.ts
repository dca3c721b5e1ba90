import { Module } from '@nestjs/common';
import { EventsModule } from '../events/events.module.js';
import { CheckInsController } from './check-ins.controller.js';
import { CheckInsService } from './check-ins.service.js';

/**
 * Check-in at the desk: POST /api/check-ins (a badge scan) and the live counts per part and day.
 * Owns the check_ins table; the rules are pure (check-in-rules.ts, check-in-stats.ts).
 */
@Module({
  imports: [EventsModule],
  controllers: [CheckInsController],
  providers: [CheckInsService],
  exports: [CheckInsService],
})
export class CheckInsModule {}
