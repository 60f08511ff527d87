/** What became of AI text, day by day: kept, reworked and removed as shares of the settled AI characters. */
import type { HistoryPayload } from '../../protocol';
import type { ChartTexts } from '../chartsApi';
import { draw, fill } from './registry';

const PARTS = ['kept', 'reworked', 'removed'] as const;

/** The share of one part on one day (percent, one decimal), or null where nothing was settled. */
function shareOf(point: HistoryPayload['days'][number], part: (typeof PARTS)[number]): number | null {
  const fate = point.fate;
  const total = fate === undefined ? 0 : fate.kept + fate.reworked + fate.removed;
  return fate === undefined || total === 0 ? null : Math.round((fate[part] * 1000) / total) / 10;
}

export function drawFate(canvas: HTMLCanvasElement, history: HistoryPayload, texts: ChartTexts): void {
  const { t } = texts;
  const points = history.days;
  const style = history.unit === 'month' ? 'month' : points.length > 45 ? 'shortYear' : 'weekday';
  draw('fate', canvas, (colors) => {
    const color = { kept: colors.ratio, reworked: colors.typed, removed: colors.aiChat };
    return {
      type: 'bar',
      data: {
        labels: points.map((point) => texts.formatDay(point.date, style)),
        datasets: PARTS.map((part) => ({ label: t(`fate.${part}`), data: points.map((point) => shareOf(point, part)), ...fill(color[part], colors), stack: 'fate' })),
      },
      options: {
        plugins: {
          tooltip: {
            callbacks: {
              label: (item) => {
                const fate = points[item.dataIndex]?.fate;
                const part = PARTS[item.datasetIndex];
                return `${item.dataset.label ?? ''}: ${Math.round(Number(item.raw))}% (${t('charactersCount', (fate?.[part] ?? 0).toLocaleString())})`;
              },
            },
          },
        },
        scales: {
          x: { stacked: true, ticks: { autoSkip: true, maxRotation: 0, autoSkipPadding: 12 }, grid: { display: false } },
          y: { stacked: true, min: 0, max: 100, title: { display: true, text: t('fate.axis') }, ticks: { callback: (value) => `${value}%` } },
        },
      },
    };
  });
}
