/**
 * A bar chart drawn as SVG by the app (no chart library), with its text alternative: the table of
 * its numbers, always in the page for screen readers (the drawing itself is hidden from them), and
 * shown on demand to everyone by a switch. Bars are grouped when there are several series (this
 * year and the year before); categories can be highlighted (the regions holding half of the towns),
 * which the table says in words. Colours come from charts.css (the page's CSP allows no inline style).
 */
import { useId, useState } from 'react';
import { useT } from '../i18n/i18n';
import { chartMessages } from './messages';
import './charts.css';

export interface ChartSeries {
  name: string;
  values: number[];
}

export interface BarChartProps {
  title: string;
  /** A sentence under the title that says what the chart shows in words. */
  summary?: string;
  /** The table's first column header (« Niveau », « Région », « Quart d’heure »). */
  categoryHeader: string;
  categories: string[];
  series: ChartSeries[];
  /** Categories drawn in the highlight colour, marked in the table. */
  highlighted?: boolean[];
  highlightLegend?: string;
  /** columns: vertical bars, categories along the bottom; rows: horizontal bars, one line per category. */
  layout?: 'columns' | 'rows';
  /** Used for test ids and the table's id. */
  name: string;
}

/** A round step for the axis: 1, 2 or 5 × a power of ten, giving about four lines. */
export function niceStep(max: number): number {
  if (max <= 4) return 1;
  const raw = max / 4;
  const power = 10 ** Math.floor(Math.log10(raw));
  const unit = raw / power;
  return (unit <= 1 ? 1 : unit <= 2 ? 2 : unit <= 5 ? 5 : 10) * power;
}

export function BarChart({ title, summary, categoryHeader, categories, series, highlighted, highlightLegend, layout = 'columns', name }: BarChartProps) {
  const t = useT(chartMessages);
  const [showTable, setShowTable] = useState(false);
  const captionId = useId();
  const tableId = `chart-${name}-table`;
  const max = Math.max(1, ...series.flatMap((s) => s.values));
  const step = niceStep(max);
  const top = Math.ceil(max / step) * step;
  const ticks = Array.from({ length: Math.round(top / step) + 1 }, (_, i) => i * step);

  return (
    <figure className="chart" data-chart={name} aria-labelledby={captionId}>
      <figcaption id={captionId}>
        <strong>{title}</strong>
        {summary ? <span className="chart-summary"> {summary}</span> : null}
      </figcaption>
      {series.length > 1 || highlightLegend ? (
        <ul className="chart-legend" aria-hidden="true">
          {series.length > 1 ? series.map((s, i) => (
            <li key={s.name}>
              <svg width="14" height="14" focusable="false"><rect width="14" height="14" className={`chart-fill-${i}`} /></svg> {s.name}
            </li>
          )) : null}
          {highlightLegend ? (
            <li>
              <svg width="14" height="14" focusable="false"><rect width="14" height="14" className="chart-fill-highlight" /></svg> {highlightLegend}
            </li>
          ) : null}
        </ul>
      ) : null}
      {layout === 'columns' ? (
        <Columns categories={categories} series={series} highlighted={highlighted} ticks={ticks} top={top} />
      ) : (
        <Rows categories={categories} series={series} highlighted={highlighted} ticks={ticks} top={top} />
      )}
      <button type="button" className="chart-table-switch" aria-expanded={showTable} aria-controls={tableId} onClick={() => setShowTable(!showTable)}>
        {showTable ? t('hideTable') : t('showTable')}
      </button>
      <div id={tableId} className={showTable ? 'chart-table' : 'chart-table visually-hidden'}>
        <table>
          <caption>{title}</caption>
          <thead>
            <tr>
              <th scope="col">{categoryHeader}</th>
              {series.map((s) => (
                <th scope="col" key={s.name}>
                  {s.name}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {categories.map((c, i) => (
              <tr key={c} className={highlighted?.[i] ? 'highlighted' : undefined}>
                <th scope="row">
                  {c}
                  {highlighted?.[i] ? ` (${highlightLegend ?? t('highlighted')})` : ''}
                </th>
                {series.map((s) => (
                  <td key={s.name}>{s.values[i]}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}

interface DrawProps {
  categories: string[];
  series: ChartSeries[];
  highlighted?: boolean[];
  ticks: number[];
  top: number;
}

function fillOf(seriesIndex: number, highlighted: boolean | undefined): string {
  return highlighted ? 'chart-fill-highlight' : `chart-fill-${seriesIndex}`;
}

function Columns({ categories, series, highlighted, ticks, top }: DrawProps) {
  const width = 640;
  const height = 260;
  const left = 44;
  const bottom = 40;
  const plotH = height - bottom - 12;
  const plotW = width - left - 8;
  const slot = plotW / Math.max(1, categories.length);
  const barW = Math.max(2, (slot * 0.8) / series.length);
  const labelEvery = Math.max(1, Math.ceil(categories.length / 12));
  const showValues = categories.length * series.length <= 24;
  const y = (v: number) => 12 + plotH - (v / top) * plotH;
  return (
    <svg className="chart-svg" viewBox={`0 0 ${width} ${height}`} aria-hidden="true" focusable="false">
      {ticks.map((tick) => (
        <g key={tick}>
          <line className="chart-grid" x1={left} x2={width - 8} y1={y(tick)} y2={y(tick)} />
          <text className="chart-axis" x={left - 6} y={y(tick) + 4} textAnchor="end">
            {tick}
          </text>
        </g>
      ))}
      {categories.map((c, i) => (
        <g key={c}>
          {series.map((s, j) => {
            const x = left + i * slot + slot * 0.1 + j * barW;
            const v = s.values[i] ?? 0;
            return (
              <g key={s.name}>
                <rect className={`chart-bar ${fillOf(j, highlighted?.[i])}`} x={x} y={y(v)} width={barW - 1} height={Math.max(0, y(0) - y(v))} />
                {showValues ? (
                  <text className="chart-value" x={x + (barW - 1) / 2} y={y(v) - 3} textAnchor="middle">
                    {v}
                  </text>
                ) : null}
              </g>
            );
          })}
          {i % labelEvery === 0 ? (
            <text className="chart-axis" x={left + i * slot + slot / 2} y={height - bottom + 16} textAnchor="middle">
              {c}
            </text>
          ) : null}
        </g>
      ))}
      <line className="chart-baseline" x1={left} x2={width - 8} y1={y(0)} y2={y(0)} />
    </svg>
  );
}

function Rows({ categories, series, highlighted, ticks, top }: DrawProps) {
  const width = 640;
  const left = 190;
  const right = 40;
  const rowH = 10 + 12 * series.length;
  const height = 28 + rowH * categories.length;
  const plotW = width - left - right;
  const x = (v: number) => left + (v / top) * plotW;
  return (
    <svg className="chart-svg" viewBox={`0 0 ${width} ${height}`} aria-hidden="true" focusable="false">
      {ticks.map((tick) => (
        <g key={tick}>
          <line className="chart-grid" x1={x(tick)} x2={x(tick)} y1={4} y2={height - 20} />
          <text className="chart-axis" x={x(tick)} y={height - 6} textAnchor="middle">
            {tick}
          </text>
        </g>
      ))}
      {categories.map((c, i) => (
        <g key={c}>
          <text className={highlighted?.[i] ? 'chart-axis chart-strong' : 'chart-axis'} x={left - 6} y={4 + i * rowH + rowH / 2 + 4} textAnchor="end">
            {c}
          </text>
          {series.map((s, j) => {
            const v = s.values[i] ?? 0;
            const yy = 4 + i * rowH + 5 + j * 12;
            return (
              <g key={s.name}>
                <rect className={`chart-bar ${fillOf(j, highlighted?.[i])}`} x={left} y={yy} width={Math.max(0, x(v) - left)} height={10} />
                <text className="chart-value" x={x(v) + 4} y={yy + 9}>
                  {v}
                </text>
              </g>
            );
          })}
        </g>
      ))}
      <line className="chart-baseline" x1={left} x2={left} y1={4} y2={height - 20} />
    </svg>
  );
}
