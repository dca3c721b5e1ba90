import { AccountEmail, AccountPassword } from '../../users/dto/account-fields.js';
import { SpeakerProfileFieldsDto } from './speaker-profile-fields.dto.js';

/** A researcher registers: an account (email, password) and a speaker profile. */
export class SpeakerSignupDto extends SpeakerProfileFieldsDto {
  @AccountEmail('helene.dupre@example.org')
  email!: string;

  @AccountPassword()
  password!: string;
}
