/** Day by day (or week by week, month by month): stacked characters, the share yours and its average. */
import type { TooltipItem } from 'chart.js';
import { DAILY_BARS as BARS } from '../../core/dailyChartLayout';
import type { HistoryPayload } from '../../protocol';
import type { ChartTexts } from '../chartsApi';
import { dailyLabel as labelOf } from '../dailyLabels';
import { draw, fill } from './registry';

function percentOrNull(value: number | null): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? Math.round(value * 1000) / 10 : null;
}

export function drawDaily(canvas: HTMLCanvasElement, history: HistoryPayload, texts: ChartTexts, onChooseDay: (date: string) => void): void {
  const { t } = texts;
  const points = history.days;
  const tooltipLabel = (item: TooltipItem<'bar' | 'line'>) => item.dataset.type === 'line'
    ? `${item.dataset.label ?? ''}: ${item.raw === null ? t('noValue') : `${Math.round(Number(item.raw))}%`}`
    : `${item.dataset.label ?? ''}: ${t('charactersCount', Number(item.raw).toLocaleString())}`;
  draw('daily', canvas, (colors) => ({
    type: 'bar',
    data: {
      labels: points.map((point) => labelOf(history, point.date, texts, false)),
      datasets: [
        ...BARS.map((key) => ({ type: 'bar' as const, label: t(`category.${key}`), data: points.map((point) => point[key]), ...fill(colors[key], colors), stack: 'chars', yAxisID: 'y', order: 2 })),
        { type: 'line', label: t('shareLine'), data: points.map((point) => percentOrNull(point.ratio)), borderColor: colors.ratio, backgroundColor: colors.ratio, yAxisID: 'ratio', pointRadius: points.length > 60 ? 0 : 2, borderWidth: 2, spanGaps: false, order: 1 },
        { type: 'line', label: t(`rollingLine.${history.unit}`), data: points.map((point) => percentOrNull(point.rolling)), borderColor: colors.rolling, backgroundColor: colors.rolling, borderDash: [6, 4], yAxisID: 'ratio', pointRadius: 0, borderWidth: 2, spanGaps: true, order: 0 },
      ],
    },
    options: {
      plugins: {
        tooltip: { callbacks: { title: (items) => (items[0] ? labelOf(history, points[items[0].dataIndex].date, texts, true) : ''), label: tooltipLabel } },
      },
      scales: {
        x: { stacked: true, ticks: { autoSkip: true, maxRotation: 0, autoSkipPadding: 12 }, grid: { display: false } },
        y: { stacked: true, beginAtZero: true, title: { display: true, text: t('characters') }, ticks: { precision: 0 } },
        ratio: { position: 'right', min: 0, max: 100, title: { display: true, text: t('shareAxis') }, grid: { drawOnChartArea: false }, ticks: { callback: (value) => `${value}%` } },
      },
      onClick: (_event, elements) => {
        const index = elements[0]?.index;
        if (index !== undefined && points[index] && history.unit === 'day') {
          onChooseDay(points[index].date);
        }
      },
    },
  }));
}
