import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { EventsModule } from '../events/events.module.js';
import { OrganisationsModule } from '../organisations/organisations.module.js';
import { UsersModule } from '../users/users.module.js';
import { VenuesModule } from '../venues/venues.module.js';
import { AppliedSeed } from './applied-seed.entity.js';
import { DemoDataSeeder } from './demo-data.seeder.js';
import { ReferenceDataSeeder } from './reference-data.seeder.js';
import { SeedLedger } from './seed-ledger.js';

@Module({
  imports: [TypeOrmModule.forFeature([AppliedSeed]), UsersModule, VenuesModule, EventsModule, OrganisationsModule],
  providers: [SeedLedger, ReferenceDataSeeder, DemoDataSeeder],
  exports: [ReferenceDataSeeder, DemoDataSeeder],
})
export class SeedModule {}
