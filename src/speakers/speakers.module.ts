import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthModule } from '../auth/auth.module.js';
import { EventsModule } from '../events/events.module.js';
import { UsersModule } from '../users/users.module.js';
import { EventUnavailabilitiesController } from './event-unavailabilities.controller.js';
import { MySpeakerProfileController } from './my-speaker-profile.controller.js';
import { MyUnavailabilitiesController } from './my-unavailabilities.controller.js';
import { SpeakerPhotosService } from './speaker-photos.service.js';
import { SpeakerProfile } from './speaker-profile.entity.js';
import { SpeakerSignupService } from './speaker-signup.service.js';
import { SpeakersController } from './speakers.controller.js';
import { SpeakersService } from './speakers.service.js';
import { UnavailabilitiesService } from './unavailabilities.service.js';
import { Unavailability } from './unavailability.entity.js';

/**
 * Speakers: self sign-up, their profile and photo, when they cannot attend, and the organisers'
 * directory. Other modules (submissions, programme) ask SpeakersService. Depends on users and auth
 * (accounts, tokens) and events (periods, time zones); none of them depends on speakers.
 */
@Module({
  imports: [TypeOrmModule.forFeature([SpeakerProfile, Unavailability]), UsersModule, AuthModule, EventsModule],
  controllers: [SpeakersController, MySpeakerProfileController, MyUnavailabilitiesController, EventUnavailabilitiesController],
  providers: [SpeakersService, SpeakerSignupService, SpeakerPhotosService, UnavailabilitiesService],
  exports: [SpeakersService],
})
export class SpeakersModule {}
