/**
 * The figures of a press release from counts, as a pure function: labels per level, towns at 4 or
 * 5 @, growth against the year before, regions represented and the smallest set of regions holding
 * half of the towns, first participations, labels since the first year.
 */

export interface YearCounts {
  /** Labels per level 1..5 this year. */
  perLevel: Record<1 | 2 | 3 | 4 | 5, number>;
  firstParticipations: number;
  /** Towns per region this year. */
  regions: Array<{ region: string; towns: number }>;
  /** The latest earlier year with labels, its total and towns at 4–5 @. */
  previous: { year: number; labels: number; topLevels: number } | null;
  /** Every year with labels up to this one. */
  history: { firstYear: number | null; years: number; labels: number };
}

export interface LabelStats {
  year: number;
  labels: number;
  perLevel: Record<string, number>;
  topLevels: number;
  previousYear: number | null;
  previousLabels: number | null;
  previousTopLevels: number | null;
  growthPercent: number | null;
  growthPercentRounded: number | null;
  regionsRepresented: number;
  perRegion: Array<{ region: string; towns: number }>;
  regionsHoldingHalf: Array<{ region: string; towns: number }>;
  firstParticipations: number;
  firstParticipationPercent: number;
  firstParticipationPercentRounded: number;
  firstYear: number | null;
  yearsSinceFirst: number;
  labelsSinceFirst: number;
}

/** x % with one decimal, half up (19.865… → 19.9). */
export function percentOneDecimal(part: number, whole: number): number {
  return whole === 0 ? 0 : Math.round((part * 1000) / whole) / 10;
}

/** x % to the whole percent, half up (39.89 → 40). */
export function percentRounded(part: number, whole: number): number {
  return whole === 0 ? 0 : Math.round((part * 100) / whole);
}

/**
 * The fewest regions that together hold at least half of the towns: the largest first (taking
 * the largest is optimal for the fewest), ties by name so the answer is stable.
 */
/** Every region with at least one town, the largest first, ties by name. */
export function townsPerRegion(regions: ReadonlyArray<{ region: string; towns: number }>): Array<{ region: string; towns: number }> {
  return regions
    .filter((r) => r.towns > 0)
    .map((r) => ({ region: r.region, towns: r.towns }))
    .sort((a, b) => b.towns - a.towns || a.region.localeCompare(b.region, 'fr'));
}

export function regionsHoldingHalf(regions: ReadonlyArray<{ region: string; towns: number }>): Array<{ region: string; towns: number }> {
  const total = regions.reduce((sum, r) => sum + r.towns, 0);
  const sorted = townsPerRegion(regions);
  const chosen: Array<{ region: string; towns: number }> = [];
  let held = 0;
  for (const r of sorted) {
    if (total > 0 && held * 2 >= total) break;
    chosen.push({ region: r.region, towns: r.towns });
    held += r.towns;
  }
  return chosen;
}

export function labelStats(year: number, counts: YearCounts): LabelStats {
  const perLevel = counts.perLevel;
  const labels = perLevel[1] + perLevel[2] + perLevel[3] + perLevel[4] + perLevel[5];
  const previous = counts.previous;
  const growth = previous && previous.labels > 0 ? labels - previous.labels : null;
  return {
    year,
    labels,
    perLevel: { '1': perLevel[1], '2': perLevel[2], '3': perLevel[3], '4': perLevel[4], '5': perLevel[5] },
    topLevels: perLevel[4] + perLevel[5],
    previousYear: previous?.year ?? null,
    previousLabels: previous?.labels ?? null,
    previousTopLevels: previous?.topLevels ?? null,
    growthPercent: growth === null ? null : percentOneDecimal(growth, previous!.labels),
    growthPercentRounded: growth === null ? null : percentRounded(growth, previous!.labels),
    regionsRepresented: counts.regions.filter((r) => r.towns > 0).length,
    perRegion: townsPerRegion(counts.regions),
    regionsHoldingHalf: regionsHoldingHalf(counts.regions),
    firstParticipations: counts.firstParticipations,
    firstParticipationPercent: percentOneDecimal(counts.firstParticipations, labels),
    firstParticipationPercentRounded: percentRounded(counts.firstParticipations, labels),
    firstYear: counts.history.firstYear,
    yearsSinceFirst: counts.history.years,
    labelsSinceFirst: counts.history.labels,
  };
}
