import { Module } from '@nestjs/common';
import { EventsModule } from '../events/events.module.js';
import { MailModule } from '../mail/mail.module.js';
import { AdmissionMailer } from './admission-mailer.service.js';
import { AdmissionsService } from './admissions.service.js';
import { PartsController } from './parts.controller.js';
import { PartsService } from './parts.service.js';
import { RegistrationLinkService } from './registration-link.service.js';
import { RegistrationsController } from './registrations.controller.js';
import { RegistrationsService } from './registrations.service.js';

/**
 * Parts of an event with their seats, admissions and waiting lists, and the public
 * self-registration with its personal link. AdmissionsService is exported: it is the one way to
 * give or take a seat, inside the caller's transaction.
 */
@Module({
  imports: [MailModule, EventsModule],
  controllers: [PartsController, RegistrationsController],
  providers: [AdmissionsService, AdmissionMailer, PartsService, RegistrationsService, RegistrationLinkService],
  exports: [AdmissionsService],
})
export class RegistrationsModule {}
