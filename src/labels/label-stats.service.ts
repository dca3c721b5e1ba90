import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { RequestUser } from '../common/auth/access.js';
import { DomainError } from '../common/errors/domain-error.js';
import { canSeeStats } from './label-embargo.js';
import { LabelEmbargoService } from './label-embargo.service.js';
import { labelStats, type LabelStats, type YearCounts } from './label-stats.js';

/**
 * The figures of a year (GET /api/labels/:year/stats): three aggregate queries, whatever the
 * number of labels, then the pure labelStats. Before the reveal, only organisers see them unless
 * they are published; the refusal is the same whatever the data.
 */
@Injectable()
export class LabelStatsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly embargo: LabelEmbargoService,
  ) {}

  async stats(year: number, caller: RequestUser | undefined): Promise<{ stats: LabelStats; view: 'organiser' | 'public' }> {
    const state = await this.embargo.get(year);
    if (!canSeeStats(caller?.roles, state.revealed, state.statsPublished)) {
      throw new DomainError(403, 'STATS_NOT_PUBLISHED', `The figures of ${year} are not published yet`, { year });
    }
    const [levels, regions, years] = await Promise.all([
      this.dataSource.query<Array<{ level: number; towns: number; first: number }>>(
        `SELECT level, count(*)::int AS towns, count(*) FILTER (WHERE first_participation)::int AS first FROM label_awards WHERE year = $1 GROUP BY level`,
        [year],
      ),
      this.dataSource.query<Array<{ region: string; towns: number }>>(`SELECT region, count(*)::int AS towns FROM label_awards WHERE year = $1 GROUP BY region`, [year]),
      this.dataSource.query<Array<{ year: number; labels: number; top: number }>>(
        `SELECT year, count(*)::int AS labels, count(*) FILTER (WHERE level >= 4)::int AS top FROM label_awards WHERE year <= $1 GROUP BY year ORDER BY year`,
        [year],
      ),
    ]);
    const perLevel = { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 } as YearCounts['perLevel'];
    for (const l of levels) perLevel[Number(l.level) as 1 | 2 | 3 | 4 | 5] = l.towns;
    const earlier = years.filter((y) => y.year < year);
    const previous = earlier.at(-1);
    const counts: YearCounts = {
      perLevel,
      firstParticipations: levels.reduce((sum, l) => sum + l.first, 0),
      regions,
      previous: previous ? { year: previous.year, labels: previous.labels, topLevels: previous.top } : null,
      history: { firstYear: years[0]?.year ?? null, years: years.length, labels: years.reduce((sum, y) => sum + y.labels, 0) },
    };
    const stats = labelStats(year, counts);
    return { stats, view: canSeeStats(undefined, state.revealed, state.statsPublished) ? 'public' : 'organiser' };
  }
}
