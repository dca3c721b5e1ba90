import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { conflict, notFound } from '../common/errors/domain-error.js';
import { isViolation, STILL_REFERENCED } from '../common/errors/postgres-error.js';
import { pageOffset, toPage, type Page } from '../common/pagination/page-query.dto.js';
import { EventsService } from '../events/events.service.js';
import type { CreateSubmissionTypeDto } from './dto/create-submission-type.dto.js';
import type { ListSubmissionTypesQuery } from './dto/list-submission-types.query.js';
import { SubmissionTypeResponse } from './dto/submission-type.response.js';
import type { UpdateSubmissionTypeDto } from './dto/update-submission-type.dto.js';
import { SubmissionType } from './submission-type.entity.js';

/** The kinds of proposal an event accepts. A type is reached only through its own event. */
@Injectable()
export class SubmissionTypesService {
  constructor(
    @InjectRepository(SubmissionType) private readonly types: Repository<SubmissionType>,
    private readonly events: EventsService,
  ) {}

  async list(eventId: string, query: ListSubmissionTypesQuery): Promise<Page<SubmissionTypeResponse>> {
    await this.events.assertExists(eventId);
    const direction: 'ASC' | 'DESC' = query.order === 'desc' ? 'DESC' : 'ASC';
    const order =
      query.sort === 'name'
        ? { nameFr: direction, id: 'ASC' as const }
        : query.sort === 'defaultMinutes'
          ? { defaultMinutes: direction, code: 'ASC' as const }
          : { code: direction };
    const [rows, total] = await this.types.findAndCount({ where: { eventId }, order, skip: pageOffset(query), take: query.pageSize });
    return toPage(rows.map((t) => SubmissionTypeResponse.from(t)), total, query);
  }

  async create(eventId: string, dto: CreateSubmissionTypeDto): Promise<SubmissionTypeResponse> {
    await this.events.assertExists(eventId);
    const type = this.types.create({ eventId, nameEn: null });
    applyChanges(type, dto);
    return SubmissionTypeResponse.from(await this.saveUniquelyCoded(type));
  }

  async update(eventId: string, typeId: string, dto: UpdateSubmissionTypeDto): Promise<SubmissionTypeResponse> {
    const type = await this.load(eventId, typeId);
    applyChanges(type, dto);
    return SubmissionTypeResponse.from(await this.saveUniquelyCoded(type));
  }

  /** Deletes a type; 409 TYPE_IN_USE while a proposal is of this type (the foreign key restricts it). */
  async remove(eventId: string, typeId: string): Promise<void> {
    await this.load(eventId, typeId);
    try {
      await this.types.delete({ id: typeId, eventId });
    } catch (error) {
      if (isViolation(error, STILL_REFERENCED)) {
        throw conflict('Proposals of this type exist: change their type before deleting it', { typeId }, 'TYPE_IN_USE');
      }
      throw error;
    }
  }

  private async saveUniquelyCoded(type: SubmissionType): Promise<SubmissionType> {
    try {
      return await this.types.save(type);
    } catch (error) {
      if (isViolation(error, '23505', 'UQ_submission_types_event_code')) {
        throw conflict(`This event already has a submission type with the code “${type.code}”`, { code: type.code }, 'TYPE_CODE_TAKEN');
      }
      throw error;
    }
  }

  private async load(eventId: string, typeId: string): Promise<SubmissionType> {
    const type = await this.types.findOneBy({ id: typeId, eventId });
    if (!type) throw notFound('Submission type');
    return type;
  }
}

function applyChanges(type: SubmissionType, dto: UpdateSubmissionTypeDto): void {
  if (dto.code !== undefined) type.code = dto.code;
  if (dto.nameFr !== undefined) type.nameFr = dto.nameFr;
  if (dto.nameEn !== undefined) type.nameEn = dto.nameEn || null;
  if (dto.defaultMinutes !== undefined) type.defaultMinutes = dto.defaultMinutes;
}
