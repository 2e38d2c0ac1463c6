import { describe, expect, it } from 'vitest';
import { lineChartConfig, PALETTE, stackedBarConfig } from './chartConfig';

const chart = {
  labels: ['2026-03-02', '2026-03-03'],
  series: [
    { id: 'coding', label: 'Coding', data: [70, null] },
    { id: 'roi', label: 'ROI', data: [null, 100] },
  ],
};

describe('chart configurations', () => {
  it('gives each line its own colour, point style and dash, and bridges gaps', () => {
    const config = lineChartConfig(chart, { yMax: 100, yTitle: 'Accuracy (%)', animate: false });
    expect(config.data.labels).toEqual(chart.labels);
    const [a, b] = config.data.datasets;
    expect(a).toMatchObject({ label: 'Coding', data: [70, null], borderColor: PALETTE[0], pointStyle: 'circle', spanGaps: true });
    expect(b).toMatchObject({ label: 'ROI', borderColor: PALETTE[1], pointStyle: 'rect', borderDash: [6, 4] });
    expect(config.options?.animation).toBe(false);
    expect(config.options?.scales?.y).toMatchObject({ max: 100, beginAtZero: true, title: { text: 'Accuracy (%)' } });
  });

  it('stacks error-type bars with whole-number ticks', () => {
    const config = stackedBarConfig(chart, { yTitle: 'Errors' });
    expect(config.type).toBe('bar');
    expect(config.options?.scales?.x).toMatchObject({ stacked: true });
    expect(config.options?.scales?.y).toMatchObject({ stacked: true, ticks: { precision: 0 } });
    expect(config.options?.scales?.y).not.toHaveProperty('max');
  });
});
