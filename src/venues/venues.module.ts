import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { RoomsController } from './rooms.controller.js';
import { Room } from './room.entity.js';
import { RoomsService } from './rooms.service.js';
import { TravelTime } from './travel-time.entity.js';
import { TravelTimesController } from './travel-times.controller.js';
import { TravelTimesService } from './travel-times.service.js';
import { VenueOpening } from './venue-opening.entity.js';
import { Venue } from './venue.entity.js';
import { VenuesController } from './venues.controller.js';
import { VenuesService } from './venues.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([Venue, Room, VenueOpening, TravelTime])],
  // TravelTimesController first: Express matches routes in registration order, and
  // /venues/travel-times must not be read as /venues/:id.
  controllers: [TravelTimesController, VenuesController, RoomsController],
  providers: [VenuesService, RoomsService, TravelTimesService],
  exports: [VenuesService, RoomsService, TravelTimesService],
})
export class VenuesModule {}
