import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { UsersModule } from '../users/users.module.js';
import { AppliedSeed } from './applied-seed.entity.js';
import { DemoDataSeeder } from './demo-data.seeder.js';
import { ReferenceDataSeeder } from './reference-data.seeder.js';

@Module({
  imports: [TypeOrmModule.forFeature([AppliedSeed]), UsersModule],
  providers: [ReferenceDataSeeder, DemoDataSeeder],
  exports: [ReferenceDataSeeder, DemoDataSeeder],
})
export class SeedModule {}
