import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { notFound, validationFailed } from '../common/errors/domain-error.js';
import { pageOffset, toPage, type Page } from '../common/pagination/page-query.dto.js';
import type { ListTravelTimesQuery } from './dto/list-travel-times.query.js';
import type { PutTravelTimeDto } from './dto/put-travel-time.dto.js';
import { TravelTimeResponse } from './dto/travel-time.response.js';
import type { VenuePairQuery } from './dto/venue-pair.query.js';
import { TravelTime } from './travel-time.entity.js';
import { orderVenuePair, travelMinutesProblems, type VenuePair } from './travel-pair.js';
import type { Venue } from './venue.entity.js';
import { VenuesService } from './venues.service.js';

/** Walking and transit minutes between venues, one record per unordered pair. */
@Injectable()
export class TravelTimesService {
  constructor(
    @InjectRepository(TravelTime) private readonly travelTimes: Repository<TravelTime>,
    private readonly venues: VenuesService,
  ) {}

  /** A page of the recorded pairs with both venues' names (optionally those of one venue), in one query and a count. */
  async list(query: ListTravelTimesQuery): Promise<Page<TravelTimeResponse>> {
    const qb = this.withVenues();
    if (query.venueId) qb.where('(t.venue_a_id = :venue OR t.venue_b_id = :venue)', { venue: query.venueId });
    const direction = query.order === 'desc' ? 'DESC' : 'ASC';
    const [rows, total] = await qb
      .orderBy('a.name', direction)
      .addOrderBy('b.name', direction)
      .addOrderBy('t.venue_a_id', 'ASC')
      .addOrderBy('t.venue_b_id', 'ASC')
      .skip(pageOffset(query))
      .take(query.pageSize)
      .getManyAndCount();
    return toPage(rows.map((row) => TravelTimeResponse.from(row as LoadedTravelTime)), total, query);
  }

  /** Records the minutes between two venues (either order), replacing what was there. */
  async put(dto: PutTravelTimeDto): Promise<TravelTimeResponse> {
    const pair = requirePair(dto.fromVenueId, dto.toVenueId);
    const problems = travelMinutesProblems(dto);
    if (problems.length) throw validationFailed('Give walkingMinutes, transitMinutes or both', { errors: problems });
    await this.venues.assertAllExist([pair.venueAId, pair.venueBId]);
    await this.travelTimes.upsert(
      { ...pair, walkingMinutes: dto.walkingMinutes ?? null, transitMinutes: dto.transitMinutes ?? null, updatedAt: new Date() },
      { conflictPaths: ['venueAId', 'venueBId'] },
    );
    return TravelTimeResponse.from((await this.withVenues(pair).getOneOrFail()) as LoadedTravelTime);
  }

  /** Forgets the travel time between two venues (either order). */
  async remove(query: VenuePairQuery): Promise<void> {
    const pair = requirePair(query.fromVenueId, query.toVenueId);
    const result = await this.travelTimes.delete(pair);
    if (!result.affected) throw notFound('Travel time');
  }

  private withVenues(pair?: VenuePair) {
    const qb = this.travelTimes.createQueryBuilder('t').innerJoinAndSelect('t.venueA', 'a').innerJoinAndSelect('t.venueB', 'b');
    if (pair) qb.where('t.venue_a_id = :a AND t.venue_b_id = :b', { a: pair.venueAId, b: pair.venueBId });
    return qb;
  }
}

type LoadedTravelTime = TravelTime & { venueA: Venue; venueB: Venue };

function requirePair(fromVenueId: string, toVenueId: string): VenuePair {
  const pair = orderVenuePair(fromVenueId, toVenueId);
  if (!pair) {
    throw validationFailed('A travel time joins two different venues', { errors: [{ field: 'toVenueId', errors: ['toVenueId must differ from fromVenueId'] }] });
  }
  return pair;
}
