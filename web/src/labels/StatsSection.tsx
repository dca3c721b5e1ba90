import { useEffect, useState, type ReactNode } from 'react';
import { api, errorBody, type Schemas } from '../api/client';
import { BarChart } from '../charts/BarChart';
import { useT } from '../i18n/i18n';
import { ErrorAlert, Notice } from '../ui/ui';
import { labelMessages } from './messages';

type Stats = Schemas['LabelStatsResponse'];
const LEVELS = ['1', '2', '3', '4', '5'] as const;

/**
 * The figures of GET /api/labels/:year/stats as charts, the picture the press release tells in
 * words: labels per level this year and the year before (that year's own figures), towns per region
 * with the regions holding half of them highlighted, first participations. Each chart carries the
 * table of its numbers (BarChart).
 */
export function StatsSection({ year, version }: { year: number; version: number }) {
  const t = useT(labelMessages);
  const [stats, setStats] = useState<Stats | null>(null);
  const [previous, setPrevious] = useState<Stats | null>(null);
  const [failed, setFailed] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    (async () => {
      const { data, error, response } = await api.GET('/api/labels/{year}/stats', { params: { path: { year } } });
      if (!live) return;
      if (!data) return setFailed(errorBody(error, response).message);
      setFailed(null);
      setStats(data);
      if (data.previousYear !== null) {
        const before = await api.GET('/api/labels/{year}/stats', { params: { path: { year: data.previousYear } } });
        if (live) setPrevious(before.data ?? null);
      } else setPrevious(null);
    })().catch(() => live && setFailed('network error'));
    return () => {
      live = false;
    };
  }, [year, version]);

  if (failed) return <Wrapper title={t('statsTitle')}><ErrorAlert error={t('loadFailed', { message: failed })} /></Wrapper>;
  if (!stats) return <Wrapper title={t('statsTitle')}><Notice>{t('loading')}</Notice></Wrapper>;
  if (stats.labels === 0) return <Wrapper title={t('statsTitle')}><p>{t('statsNone')}</p></Wrapper>;

  const growth = stats.growthPercent === null ? '' : `${stats.growthPercent > 0 ? '+' : ''}${stats.growthPercentRounded} %`;
  const levelSeries = [{ name: String(year), values: LEVELS.map((l) => stats.perLevel[l] ?? 0) }];
  if (previous && stats.previousYear !== null) levelSeries.push({ name: String(stats.previousYear), values: LEVELS.map((l) => previous.perLevel[l] ?? 0) });
  const half = new Set(stats.regionsHoldingHalf.map((r) => r.region));

  return (
    <Wrapper title={t('statsTitle')}>
      <BarChart
        name="levels"
        title={t('perLevelTitle')}
        summary={t('perLevelSummary', {
          labels: stats.labels,
          year,
          top: stats.topLevels,
          previous: stats.previousYear !== null ? t('perLevelPrevious', { labels: stats.previousLabels ?? 0, year: stats.previousYear, growth }) : '',
        })}
        categoryHeader={t('level')}
        categories={LEVELS.map((l) => t('levelLabel', { n: l }))}
        series={levelSeries}
      />
      <BarChart
        name="regions"
        layout="rows"
        title={t('regionsTitle')}
        summary={t('regionsSummary', { count: stats.regionsRepresented, half: stats.regionsHoldingHalf.length })}
        categoryHeader={t('region')}
        categories={stats.perRegion.map((r) => r.region)}
        series={[{ name: t('towns'), values: stats.perRegion.map((r) => r.towns) }]}
        highlighted={stats.perRegion.map((r) => half.has(r.region))}
        highlightLegend={t('regionsHalf')}
      />
      <BarChart
        name="first"
        layout="rows"
        title={t('firstTitle')}
        summary={t('firstSummary', { first: stats.firstParticipations, labels: stats.labels, percent: stats.firstParticipationPercentRounded })}
        categoryHeader={t('participation')}
        categories={[t('firstYes'), t('firstNo')]}
        series={[{ name: t('towns'), values: [stats.firstParticipations, stats.labels - stats.firstParticipations] }]}
      />
    </Wrapper>
  );
}

function Wrapper({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section id="stats" aria-labelledby="stats-title">
      <h2 id="stats-title">{title}</h2>
      {children}
    </section>
  );
}
