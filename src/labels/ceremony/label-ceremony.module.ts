import { Module } from '@nestjs/common';
import { MailModule } from '../../mail/mail.module.js';
import { RegistrationsModule } from '../../participants/registrations.module.js';
import { LabelsModule } from '../labels.module.js';
import { CeremonyDelegatesService } from './ceremony-delegates.service.js';
import { CeremonyDocumentsController } from './ceremony-documents.controller.js';
import { CeremonyDocumentsService } from './ceremony-documents.service.js';
import { CeremonyYearReader } from './ceremony-year.reader.js';
import { TownContactController } from './town-contact.controller.js';
import { TownContactsService } from './town-contacts.service.js';
import { TownDelegatesController } from './town-delegates.controller.js';

/**
 * The Label Ville Internet ceremony: delegates of labelled towns seated at the ceremony (by
 * organisers, or by the town's contact through a personal link), the running order for the master
 * of ceremonies and the certificates, behind the palmarès embargo. Seats go through
 * RegistrationsModule's AdmissionsService; the embargo is LabelsModule's LabelEmbargoService; mails
 * through the outbox.
 */
@Module({
  imports: [MailModule, RegistrationsModule, LabelsModule],
  controllers: [TownDelegatesController, TownContactController, CeremonyDocumentsController],
  providers: [CeremonyYearReader, CeremonyDelegatesService, TownContactsService, CeremonyDocumentsService],
})
export class LabelCeremonyModule {}
