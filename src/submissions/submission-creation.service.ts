import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { RequestUser } from '../common/auth/access.js';
import { DomainError, validationFailed } from '../common/errors/domain-error.js';
import { CfpService } from '../cfp/cfp.service.js';
import { SpeakersService } from '../speakers/speakers.service.js';
import { normaliseEmail } from '../users/users.service.js';
import type { CreateSubmissionDto } from './dto/create-submission.dto.js';
import type { SubmissionResponse } from './dto/submission.response.js';
import { InvitationsService } from './invitations.service.js';
import { assertContent, normaliseEmails, textOrNull, type SubmissionContent } from './submission-content.js';
import { fullName } from './submission-mail.js';
import { SubmissionSpeaker } from './submission-speaker.entity.js';
import { SubmissionViewsService } from './submission-views.service.js';
import { Submission } from './submission.entity.js';

/** The main speaker of a new proposal. */
interface MainSpeaker {
  userId: string;
  email: string;
  name: string;
}

/**
 * Files a new proposal as a draft. A speaker files it as its main speaker while the call is open;
 * an organiser may file one at any time on behalf of an existing speaker (speakerEmail).
 * The proposal, its signers and the invitations' mails are written in one transaction.
 */
@Injectable()
export class SubmissionCreationService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly cfp: CfpService,
    private readonly speakers: SpeakersService,
    private readonly invitations: InvitationsService,
    private readonly views: SubmissionViewsService,
  ) {}

  async create(eventId: string, dto: CreateSubmissionDto, caller: RequestUser): Promise<SubmissionResponse> {
    const organiser = caller.roles.includes('organiser');
    const settings = await this.cfp.settings(eventId);
    if (!organiser) await this.cfp.assertOpen(eventId);
    const main = await this.mainSpeaker(dto, caller, organiser);
    const content: SubmissionContent = {
      titleFr: textOrNull(dto.titleFr),
      titleEn: textOrNull(dto.titleEn),
      abstractFr: textOrNull(dto.abstractFr),
      abstractEn: textOrNull(dto.abstractEn),
    };
    assertContent(content, settings);
    await this.cfp.assertTypeAndTrack(eventId, dto.typeId, dto.trackId ?? null);
    const coEmails = normaliseEmails(dto.coSpeakers);
    if (coEmails.includes(main.email)) throw validationFailed('The main speaker cannot also be a co-speaker', { field: 'coSpeakers' });
    const invitees = await this.invitations.resolve(coEmails);

    const id = await this.dataSource.transaction(async (manager) => {
      const submission = await manager.save(
        manager.create(Submission, {
          eventId,
          state: 'draft',
          typeId: dto.typeId,
          trackId: dto.trackId ?? null,
          ...content,
          keywords: dto.keywords ?? [],
          durationMinutes: null,
          createdBy: caller.id,
          submittedAt: null,
        }),
      );
      await manager.insert(SubmissionSpeaker, { submissionId: submission.id, userId: main.userId, email: main.email, role: 'main', status: 'accepted', position: 0 });
      await this.invitations.invite(manager, submission, invitees, 1, main.name, settings);
      return submission.id;
    });
    return this.views.one(id, caller);
  }

  /** The caller, or for an organiser the existing speaker named by speakerEmail. */
  private async mainSpeaker(dto: CreateSubmissionDto, caller: RequestUser, organiser: boolean): Promise<MainSpeaker> {
    const callerEmail = normaliseEmail(caller.email);
    if (dto.speakerEmail !== undefined && normaliseEmail(dto.speakerEmail) !== callerEmail) {
      if (!organiser) throw new DomainError(403, 'FORBIDDEN', 'Only organisers file proposals on behalf of another speaker');
      const speaker = await this.speakers.findSpeakerByEmail(dto.speakerEmail);
      if (!speaker) throw validationFailed('speakerEmail does not name a speaker: they must sign up first', { field: 'speakerEmail' });
      return { userId: speaker.userId, email: normaliseEmail(speaker.email), name: fullName(speaker) };
    }
    if (!caller.roles.includes('speaker')) {
      throw validationFailed('Give speakerEmail: the speaker on whose behalf the proposal is filed', { field: 'speakerEmail' });
    }
    const me = (await this.speakers.summaries([caller.id])).get(caller.id);
    return { userId: caller.id, email: callerEmail, name: me ? fullName(me) : callerEmail };
  }
}
