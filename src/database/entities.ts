import { AuthToken } from '../auth/auth-token.entity.js';
import { LoginFailure } from '../auth/login-failure.entity.js';
import { EventVenue } from '../events/event-venue.entity.js';
import { Event } from '../events/event.entity.js';
import { EventOrganisation } from '../organisations/event-organisation.entity.js';
import { OrganisationLogo } from '../organisations/organisation-logo.entity.js';
import { Organisation } from '../organisations/organisation.entity.js';
import { AppliedSeed } from '../seed/applied-seed.entity.js';
import { User } from '../users/user.entity.js';
import { Room } from '../venues/room.entity.js';
import { TravelTime } from '../venues/travel-time.entity.js';
import { VenueOpening } from '../venues/venue-opening.entity.js';
import { Venue } from '../venues/venue.entity.js';

/** Every entity of the application: the schema the migrations must produce. */
export const ENTITIES = [
  User,
  AuthToken,
  LoginFailure,
  Venue,
  Room,
  VenueOpening,
  TravelTime,
  Event,
  EventVenue,
  Organisation,
  OrganisationLogo,
  EventOrganisation,
  AppliedSeed,
];
