import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppliedSeed } from './applied-seed.entity.js';
import { ReferenceDataSeeder } from './reference-data.seeder.js';

@Module({
  imports: [TypeOrmModule.forFeature([AppliedSeed])],
  providers: [ReferenceDataSeeder],
  exports: [ReferenceDataSeeder],
})
export class SeedModule {}
