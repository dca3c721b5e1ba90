import { Module } from '@nestjs/common';
import { EventsModule } from '../events/events.module.js';
import { RegistrationsModule } from '../participants/registrations.module.js';
import { DeskPageController } from './desk-page.controller.js';
import { DeskController } from './desk.controller.js';
import { DeskService } from './desk.service.js';

/**
 * The reception desk: the page at /desk (templates/desk/, plain HTML, CSS and JavaScript, no build
 * step) and the API it calls besides login, check-in (CheckInsModule) and the badge PDF (badges):
 * search by name or token, today's context, walk-ins (seated through AdmissionsService).
 */
@Module({
  imports: [EventsModule, RegistrationsModule],
  controllers: [DeskPageController, DeskController],
  providers: [DeskService],
})
export class DeskModule {}
