import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { EventsModule } from '../events/events.module.js';
import { EventOrganisation } from './event-organisation.entity.js';
import { EventOrganisationsController } from './event-organisations.controller.js';
import { EventOrganisationsService } from './event-organisations.service.js';
import { OrganisationLogo } from './organisation-logo.entity.js';
import { OrganisationLogosController } from './organisation-logos.controller.js';
import { OrganisationLogosService } from './organisation-logos.service.js';
import { Organisation } from './organisation.entity.js';
import { OrganisationsController } from './organisations.controller.js';
import { OrganisationsService } from './organisations.service.js';

/**
 * Organisations, their logos, and the roles they hold on events. Depends on events (to check
 * that an event exists); events never depend on organisations.
 */
@Module({
  imports: [TypeOrmModule.forFeature([Organisation, OrganisationLogo, EventOrganisation]), EventsModule],
  controllers: [OrganisationsController, OrganisationLogosController, EventOrganisationsController],
  providers: [OrganisationsService, OrganisationLogosService, EventOrganisationsService],
  exports: [OrganisationsService, EventOrganisationsService],
})
export class OrganisationsModule {}
