/**
 * The running order of the ceremony (pure): towns grouped by level, 1 @ first up to 5 @ (the
 * ceremony builds up), then by region and name within a level, compared as French readers expect
 * (accents and case ignored, « Île-de-France » among the I, numbers in numeric order); each town
 * with its delegates and whether they are present (checked in to the ceremony).
 */

export interface RunningOrderTown {
  insee: string;
  name: string;
  departement: string;
  region: string;
  level: number;
  firstParticipation: boolean;
}

export interface RunningOrderDelegate {
  participantId: string;
  insee: string;
  firstName: string;
  lastName: string;
  /** Their seat at the ceremony: admitted, or on the waiting list; null without one. */
  admission: 'admitted' | 'waiting' | 'requested' | null;
  present: boolean;
}

export interface RunningOrderEntry extends RunningOrderTown {
  /** 1-based position in the whole running order. */
  position: number;
  delegates: Omit<RunningOrderDelegate, 'insee'>[];
  delegatesPresent: number;
}

export interface RunningOrderLevel {
  level: number;
  /** « 1 @ », « 3 @ »… */
  label: string;
  towns: RunningOrderEntry[];
}

export interface RunningOrder {
  levels: RunningOrderLevel[];
  totals: { towns: number; delegates: number; present: number };
}

const collator = new Intl.Collator('fr', { sensitivity: 'base', numeric: true, ignorePunctuation: false });

/** French order of two strings, then code-point order so that the order is total and stable. */
export function compareFrench(a: string, b: string): number {
  return collator.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);
}

/** The order towns are called in (and certificates printed in): level up, region, name, INSEE code. */
export function compareTowns(a: RunningOrderTown, b: RunningOrderTown): number {
  return a.level - b.level || compareFrench(a.region, b.region) || compareFrench(a.name, b.name) || (a.insee < b.insee ? -1 : a.insee > b.insee ? 1 : 0);
}

export function levelLabel(level: number): string {
  return `${level} @`;
}

/** Builds the running order; delegates of towns not in the list are ignored, each town's sorted by last then first name. */
export function buildRunningOrder(towns: readonly RunningOrderTown[], delegates: readonly RunningOrderDelegate[]): RunningOrder {
  const byTown = new Map<string, RunningOrderDelegate[]>();
  for (const d of delegates) {
    const list = byTown.get(d.insee) ?? [];
    list.push(d);
    byTown.set(d.insee, list);
  }
  const sorted = [...towns].sort(compareTowns);
  const levels: RunningOrderLevel[] = [];
  let delegateCount = 0;
  let presentCount = 0;
  sorted.forEach((town, i) => {
    const own = (byTown.get(town.insee) ?? [])
      .slice()
      .sort((a, b) => compareFrench(a.lastName, b.lastName) || compareFrench(a.firstName, b.firstName) || (a.participantId < b.participantId ? -1 : 1))
      .map(({ insee: _insee, ...d }) => d);
    const present = own.filter((d) => d.present).length;
    delegateCount += own.length;
    presentCount += present;
    let group = levels[levels.length - 1];
    if (!group || group.level !== town.level) {
      group = { level: town.level, label: levelLabel(town.level), towns: [] };
      levels.push(group);
    }
    group.towns.push({ ...town, position: i + 1, delegates: own, delegatesPresent: present });
  });
  return { levels, totals: { towns: sorted.length, delegates: delegateCount, present: presentCount } };
}
