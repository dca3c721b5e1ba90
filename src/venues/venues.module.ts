import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Room } from './room.entity.js';
import { TravelTime } from './travel-time.entity.js';
import { VenueOpening } from './venue-opening.entity.js';
import { Venue } from './venue.entity.js';
import { VenuesService } from './venues.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([Venue, Room, VenueOpening, TravelTime])],
  controllers: [],
  providers: [VenuesService],
  exports: [VenuesService],
})
export class VenuesModule {}
