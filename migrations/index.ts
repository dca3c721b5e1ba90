import { PasswordReset1796820000000 } from './1796820000000-PasswordReset.js';
import { ChangeNotifications1796900000000 } from './1796900000000-ChangeNotifications.js';
import { PrintJobs1796500000000 } from './1796500000000-PrintJobs.js';
import { ProgrammeAdmissions1796600000000 } from './1796600000000-ProgrammeAdmissions.js';
import { LoginThrottle1796400000000 } from './1796400000000-LoginThrottle.js';
import { WalkIns1795703000000 } from './1795703000000-WalkIns.js';
import { ParticipantLabelForm1796700000000 } from './1796700000000-ParticipantLabelForm.js';
import { Labels1795701261880 } from './1795701261880-Labels.js';
import { BadgesAndCheckIns1795701144248 } from './1795701144248-BadgesAndCheckIns.js';
import { ProgrammeGuests1795696289978 } from './1795696289978-ProgrammeGuests.js';
import { Participants1795692831873 } from './1795692831873-Participants.js';
import { Programme1795691147209 } from './1795691147209-Programme.js';
import { SpeakersAndSubmissions1795684887195 } from './1795684887195-SpeakersAndSubmissions.js';
import { SessionAndTalkVersions1796920000000 } from './1796920000000-SessionAndTalkVersions.js';
import { TentativeTalks1796940000000 } from './1796940000000-TentativeTalks.js';
import { DraftProgrammeNotifications1796960000000 } from './1796960000000-DraftProgrammeNotifications.js';
import { InitialSchema1795682343394 } from './1795682343394-InitialSchema.js';
/**
 * Every migration, in order. `npm run migration:generate -- Name` writes a new file here;
 * add its class to this list (explicit imports work the same under Node and Jest).
 */
export const MIGRATIONS: Function[] = [
  InitialSchema1795682343394,
  SpeakersAndSubmissions1795684887195,
  Programme1795691147209,
  Participants1795692831873,
  ProgrammeGuests1795696289978,
  BadgesAndCheckIns1795701144248,
  Labels1795701261880,
  WalkIns1795703000000,
  LoginThrottle1796400000000,
  PrintJobs1796500000000,
  ProgrammeAdmissions1796600000000,
  ParticipantLabelForm1796700000000,
  PasswordReset1796820000000,
  ChangeNotifications1796900000000,
  SessionAndTalkVersions1796920000000,
  TentativeTalks1796940000000,
  DraftProgrammeNotifications1796960000000,
];
