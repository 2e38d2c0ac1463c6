/**
 * Turns the pure mastery series (src/domain/game/mastery.ts) into Chart.js configurations. Colour is never
 * the only signal: every series also gets its own point style and dash pattern, and the page shows each
 * chart's numbers in a table.
 */
import type { ChartConfiguration } from 'chart.js';
import type { SeriesChart } from '../../domain/game/mastery';

/** Colour-blind-safe palette (Okabe-Ito), darkened where needed for 3:1 contrast on white. */
export const PALETTE = ['#0b5cad', '#b35900', '#117a5b', '#a2377a', '#5a5a5a', '#8a6d00', '#3c7fb0', '#b3402e'] as const;
const POINT_STYLES = ['circle', 'rect', 'triangle', 'rectRot', 'star', 'crossRot', 'rectRounded', 'cross'] as const;
const DASHES: number[][] = [[], [6, 4], [2, 3], [10, 3, 2, 3], [], [6, 4], [2, 3], [10, 3, 2, 3]];

export interface ChartOptionsIn {
  /** Y axis maximum (100 for percentages); omit to let Chart.js choose. */
  yMax?: number;
  yTitle: string;
  /** Animations off (reduced motion, tests). */
  animate?: boolean;
}

/** A line chart of series over time (accuracy per module, productivity, DRG accuracy). */
export function lineChartConfig(chart: SeriesChart, options: ChartOptionsIn): ChartConfiguration<'line', (number | null)[], string> {
  return {
    type: 'line',
    data: {
      labels: chart.labels,
      datasets: chart.series.map((s, i) => ({
        label: s.label,
        data: s.data,
        borderColor: PALETTE[i % PALETTE.length],
        backgroundColor: PALETTE[i % PALETTE.length],
        pointStyle: POINT_STYLES[i % POINT_STYLES.length],
        pointRadius: 4,
        borderDash: DASHES[i % DASHES.length],
        spanGaps: true,
        tension: 0,
      })),
    },
    options: baseOptions(options),
  };
}

/** A stacked bar chart of counts over time (error types). */
export function stackedBarConfig(chart: SeriesChart, options: ChartOptionsIn): ChartConfiguration<'bar', (number | null)[], string> {
  const base = baseOptions(options);
  return {
    type: 'bar',
    data: {
      labels: chart.labels,
      datasets: chart.series.map((s, i) => ({
        label: s.label,
        data: s.data,
        backgroundColor: PALETTE[i % PALETTE.length],
        borderColor: '#ffffff',
        borderWidth: 1,
      })),
    },
    options: { ...base, scales: { x: { stacked: true }, y: { ...base.scales?.y, stacked: true, ticks: { precision: 0 } } } },
  };
}

function baseOptions(options: ChartOptionsIn) {
  return {
    responsive: true,
    maintainAspectRatio: false,
    animation: options.animate === false ? (false as const) : undefined,
    plugins: { legend: { position: 'bottom' as const, labels: { usePointStyle: true } } },
    scales: {
      y: { beginAtZero: true, ...(options.yMax === undefined ? {} : { max: options.yMax }), title: { display: true, text: options.yTitle } },
    },
  };
}
