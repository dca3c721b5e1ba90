import { Module } from '@nestjs/common';
import { EventsModule } from '../events/events.module.js';
import { OrganisationsModule } from '../organisations/organisations.module.js';
import { ProgrammePublicationModule } from '../programme/publication/programme-publication.module.js';
import { HomePageController } from './home-page.controller.js';
import { ProgrammePagesController } from './programme-pages.controller.js';
import { ProgrammePagesService } from './programme-pages.service.js';

/**
 * The public pages: the published programme (latest or numbered release, talks, speakers) and the
 * home page, rendered on the server with the templates of templates/programme-pages/. Reads
 * releases through ProgrammeReleasesService, logos through EventOrganisationsService and events
 * through EventsService; owns no table.
 */
@Module({
  imports: [ProgrammePublicationModule, OrganisationsModule, EventsModule],
  controllers: [ProgrammePagesController, HomePageController],
  providers: [ProgrammePagesService],
})
export class ProgrammePagesModule {}
