import { Injectable } from '@nestjs/common';
import type { RequestUser } from '../common/auth/access.js';
import { CfpService } from '../cfp/cfp.service.js';
import { SpeakersService } from '../speakers/speakers.service.js';
import type { SignerResponse } from './dto/signer.response.js';
import type { SubmissionResponse } from './dto/submission.response.js';
import { capacitiesOf, isMainSpeaker } from './submission-access.js';
import { SubmissionRecordsService } from './submission-records.service.js';
import type { SubmissionSpeaker } from './submission-speaker.entity.js';
import { allowedActions } from './submission-transitions.js';
import type { Submission } from './submission.entity.js';

/**
 * Builds the responses of proposals for one caller: names from the speakers' profiles, type and
 * track from the call for papers, what the caller may do next. A page of proposals takes the same
 * four queries whatever its size.
 */
@Injectable()
export class SubmissionViewsService {
  constructor(
    private readonly records: SubmissionRecordsService,
    private readonly speakers: SpeakersService,
    private readonly cfp: CfpService,
  ) {}

  /** The proposal as `caller` may see it (404 when they may not). */
  async one(id: string, caller: RequestUser): Promise<SubmissionResponse> {
    const { submission, signers } = await this.records.loadVisible(id, caller);
    const [response] = await this.many([submission], caller, new Map([[id, signers]]));
    return response;
  }

  /** Responses for proposals the caller may see, in the given order. */
  async many(submissions: Submission[], caller: RequestUser, knownSigners?: Map<string, SubmissionSpeaker[]>): Promise<SubmissionResponse[]> {
    if (submissions.length === 0) return [];
    const signersById = knownSigners ?? (await this.records.signersOfMany(submissions.map((s) => s.id)));
    const userIds = [...signersById.values()].flat().flatMap((s) => (s.userId ? [s.userId] : []));
    const [people, types, tracks] = await Promise.all([
      this.speakers.summaries(userIds),
      this.cfp.typeSummaries(submissions.map((s) => s.typeId)),
      this.cfp.trackSummaries(submissions.flatMap((s) => (s.trackId ? [s.trackId] : []))),
    ]);
    return submissions.map((s) => {
      const signers = signersById.get(s.id) ?? [];
      const capacities = capacitiesOf(caller, signers);
      const organiser = capacities.includes('organiser');
      const seesEmails = organiser || isMainSpeaker(caller, signers);
      const type = types.get(s.typeId);
      if (!type) throw new Error(`Submission ${s.id} has a type that does not exist`);
      const track = s.trackId ? (tracks.get(s.trackId) ?? null) : null;
      return {
        id: s.id,
        eventId: s.eventId,
        state: s.state,
        allowedActions: allowedActions(s.state, capacities),
        titleFr: s.titleFr,
        titleEn: s.titleEn,
        abstractFr: s.abstractFr,
        abstractEn: s.abstractEn,
        keywords: s.keywords,
        type: { id: type.id, code: type.code, nameFr: type.nameFr, nameEn: type.nameEn, defaultMinutes: type.defaultMinutes },
        track: track && { id: track.id, nameFr: track.nameFr, nameEn: track.nameEn },
        durationMinutes: s.durationMinutes ?? type.defaultMinutes,
        signers: signers.map((signer): SignerResponse => {
          const person = signer.userId ? people.get(signer.userId) : undefined;
          return {
            role: signer.role,
            status: signer.status,
            userId: organiser ? signer.userId : null,
            firstName: person?.firstName ?? null,
            lastName: person?.lastName ?? null,
            affiliation: person?.affiliation ?? null,
            email: seesEmails ? signer.email : null,
          };
        }),
        createdAt: s.createdAt.toISOString(),
        submittedAt: s.submittedAt?.toISOString() ?? null,
        updatedAt: s.updatedAt.toISOString(),
      };
    });
  }
}
