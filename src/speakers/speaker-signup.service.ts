import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuthService } from '../auth/auth.service.js';
import type { LoginResponse } from '../auth/dto/login.response.js';
import { UsersService } from '../users/users.service.js';
import type { SpeakerSignupDto } from './dto/speaker-signup.dto.js';
import { displayNameOf } from './person-name.js';
import { preparePhoto } from './photo-image.js';
import { SpeakerProfile } from './speaker-profile.entity.js';

@Injectable()
export class SpeakerSignupService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly users: UsersService,
    private readonly auth: AuthService,
  ) {}

  /**
   * Creates a speaker account and its profile in one transaction (both or neither), then signs
   * the new speaker in. An email already in use answers 409 EMAIL_TAKEN, the same whatever the
   * other account is (UsersService.createAccount words it).
   */
  async signup(dto: SpeakerSignupDto, photoUpload?: Buffer): Promise<LoginResponse> {
    // the photo is checked before anything is written: a bad one (415) creates no account
    const photo = photoUpload ? await preparePhoto(photoUpload) : null;
    const user = await this.dataSource.transaction(async (manager) => {
      const account = await this.users.createAccount(
        { email: dto.email, password: dto.password, displayName: displayNameOf(dto.firstName, dto.lastName), roles: ['speaker'] },
        manager,
      );
      await manager.insert(SpeakerProfile, {
        userId: account.id,
        firstName: dto.firstName,
        lastName: dto.lastName,
        affiliation: dto.affiliation,
        countryCode: dto.countryCode,
        orcid: dto.orcid ?? null,
        bioFr: dto.bioFr ?? null,
        bioEn: dto.bioEn ?? null,
        photo: photo?.content ?? null,
        photoMediaType: photo?.mediaType ?? null,
        photoSha256: photo?.sha256 ?? null,
      });
      return account;
    });
    return this.auth.issueToken(user.id, user.email, user.roles);
  }
}
