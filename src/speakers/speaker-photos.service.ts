import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { IsNull, Not, Repository } from 'typeorm';
import { DomainError, notFound } from '../common/errors/domain-error.js';
import { SpeakerPhotoResponse } from './dto/speaker-photo.response.js';
import { preparePhoto } from './photo-image.js';
import { SpeakerProfile } from './speaker-profile.entity.js';

/** The bytes of a stored photo and what an HTTP answer says about them. */
export interface PhotoFile {
  content: Buffer;
  mediaType: string;
  sha256: string;
  updatedAt: Date;
}

@Injectable()
export class SpeakerPhotosService {
  constructor(@InjectRepository(SpeakerProfile) private readonly profiles: Repository<SpeakerProfile>) {}

  /** Replaces a speaker's photo once the upload proved to be a sound JPEG or PNG; a refused one changes nothing. */
  async replace(userId: string, upload: Buffer | undefined): Promise<SpeakerPhotoResponse> {
    await this.assertSpeaker(userId);
    if (!upload) throw new DomainError(400, 'BAD_REQUEST', 'Send the photo as the multipart/form-data file field "file"');
    const photo = await preparePhoto(upload);
    await this.profiles.update({ userId }, { photo: photo.content, photoMediaType: photo.mediaType, photoSha256: photo.sha256 });
    return SpeakerPhotoResponse.from(photo);
  }

  /** The stored photo, or 404 (no such speaker, or no photo). */
  async file(userId: string): Promise<PhotoFile> {
    const profile = await this.profiles
      .createQueryBuilder('p')
      .select(['p.userId', 'p.photoMediaType', 'p.photoSha256', 'p.updatedAt'])
      .addSelect('p.photo')
      .where('p.user_id = :userId', { userId })
      .getOne();
    if (!profile) throw notFound('Speaker');
    if (!profile.photo || !profile.photoMediaType || !profile.photoSha256) throw notFound('Photo', { reason: 'This speaker has no photo' });
    return { content: profile.photo, mediaType: profile.photoMediaType, sha256: profile.photoSha256, updatedAt: profile.updatedAt };
  }

  async remove(userId: string): Promise<void> {
    const { affected } = await this.profiles.update(
      { userId, photoMediaType: Not(IsNull()) },
      { photo: null, photoMediaType: null, photoSha256: null },
    );
    if (affected) return;
    await this.assertSpeaker(userId);
    throw notFound('Photo', { reason: 'This speaker has no photo' });
  }

  private async assertSpeaker(userId: string): Promise<void> {
    if (!(await this.profiles.existsBy({ userId }))) throw notFound('Speaker');
  }
}
