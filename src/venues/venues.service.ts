import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import { DomainError } from '../common/errors/domain-error.js';
import type { VenueSummary } from './venue-summary.js';
import { Venue } from './venue.entity.js';

@Injectable()
export class VenuesService {
  constructor(@InjectRepository(Venue) private readonly venues: Repository<Venue>) {}

  /** Throws 422 VALIDATION_FAILED naming the ids that are not venues. */
  async assertAllExist(ids: string[]): Promise<void> {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return;
    const found = await this.venues.find({ select: { id: true }, where: { id: In(unique) } });
    const missing = unique.filter((id) => !found.some((v) => v.id === id));
    if (missing.length) {
      throw new DomainError(422, 'VALIDATION_FAILED', `Unknown venue(s): ${missing.join(', ')}`, { missingVenueIds: missing });
    }
  }

  /** Short forms of the given venues, in the order of `ids`, in one query. */
  async summaries(ids: string[]): Promise<VenueSummary[]> {
    if (ids.length === 0) return [];
    const rows = await this.venues.find({ where: { id: In([...new Set(ids)]) } });
    const byId = new Map(rows.map((v) => [v.id, v]));
    return ids.flatMap((id) => {
      const v = byId.get(id);
      return v ? [{ id: v.id, name: v.name, streetAddress: v.streetAddress, postcode: v.postcode, city: v.city }] : [];
    });
  }
}
