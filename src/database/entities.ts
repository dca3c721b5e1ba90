import { BadgePrintJobItem } from '../badges/badge-print-job-item.entity.js';
import { BadgePrintJob } from '../badges/badge-print-job.entity.js';
import { BadgePrint } from '../badges/badge-print.entity.js';
import { BadgeTemplateChoice } from '../badges/badge-template-choice.entity.js';
import { CheckIn } from '../check-ins/check-in.entity.js';
import { LabelAward } from '../labels/label-award.entity.js';
import { LabelYear } from '../labels/label-year.entity.js';
import { CallForPapers } from '../cfp/call-for-papers.entity.js';
import { SubmissionType } from '../cfp/submission-type.entity.js';
import { Track } from '../cfp/track.entity.js';
import { OutboxMessage } from '../mail/outbox-message.entity.js';
import { Review } from '../submissions/review.entity.js';
import { SpeakerProfile } from '../speakers/speaker-profile.entity.js';
import { Unavailability } from '../speakers/unavailability.entity.js';
import { SubmissionRevision } from '../submissions/submission-revision.entity.js';
import { SubmissionSpeaker } from '../submissions/submission-speaker.entity.js';
import { SubmissionTransition } from '../submissions/submission-transition.entity.js';
import { Submission } from '../submissions/submission.entity.js';
import { AuthToken } from '../auth/auth-token.entity.js';
import { LoginFailure } from '../auth/login-failure.entity.js';
import { PasswordResetRequest } from '../auth/password-reset/password-reset-request.entity.js';
import { PasswordResetToken } from '../auth/password-reset/password-reset-token.entity.js';
import { EventVenue } from '../events/event-venue.entity.js';
import { Event } from '../events/event.entity.js';
import { EventOrganisation } from '../organisations/event-organisation.entity.js';
import { OrganisationLogo } from '../organisations/organisation-logo.entity.js';
import { Organisation } from '../organisations/organisation.entity.js';
import { ConflictAcknowledgement } from '../programme/conflict-acknowledgement.entity.js';
import { ConflictSetting } from '../programme/conflict-setting.entity.js';
import { ProgrammeRelease } from '../programme/programme-release.entity.js';
import { SessionChair } from '../programme/session-chair.entity.js';
import { Session } from '../programme/session.entity.js';
import { Talk } from '../programme/talk.entity.js';
import { EventPart } from '../participants/event-part.entity.js';
import { IdempotencyKey } from '../participants/idempotency-key.entity.js';
import { PartAdmission } from '../participants/part-admission.entity.js';
import { ParticipantSettings } from '../participants/participant-settings.entity.js';
import { Participant } from '../participants/participant.entity.js';
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
  PasswordResetToken,
  PasswordResetRequest,
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
  OutboxMessage,
  SpeakerProfile,
  Unavailability,
  CallForPapers,
  SubmissionType,
  Track,
  Submission,
  SubmissionSpeaker,
  SubmissionTransition,
  SubmissionRevision,
  Review,
  Session,
  SessionChair,
  Talk,
  ProgrammeRelease,
  ConflictSetting,
  ConflictAcknowledgement,
  Participant,
  EventPart,
  PartAdmission,
  IdempotencyKey,
  ParticipantSettings,
  BadgePrint,
  BadgePrintJob,
  BadgePrintJobItem,
  BadgeTemplateChoice,
  CheckIn,
  LabelYear,
  LabelAward,
];
