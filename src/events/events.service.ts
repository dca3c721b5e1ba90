import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { notFound } from '../common/errors/domain-error.js';
import { Event } from './event.entity.js';

@Injectable()
export class EventsService {
  constructor(@InjectRepository(Event) private readonly events: Repository<Event>) {}

  /** Throws 404 NOT_FOUND when there is no such event. */
  async assertExists(id: string): Promise<void> {
    if (!(await this.events.existsBy({ id }))) throw notFound('Event');
  }
}
