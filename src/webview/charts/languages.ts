/** By language: own and AI-assisted characters per language, every bar labelled with the language's name. */
import type { HistoryPayload } from '../../protocol';
import type { ChartTexts } from '../chartsApi';
import { draw, fill } from './registry';

/** Height per language bar: enough for its label, so that none is skipped. */
export const LANGUAGE_ROW_PX = 30;

export function drawLanguages(canvas: HTMLCanvasElement, languages: HistoryPayload['languages'], texts: ChartTexts): void {
  const { t } = texts;
  const chart = draw('languages', canvas, (colors) => ({
    type: 'bar',
    data: {
      labels: languages.map((point) => point.name),
      datasets: [
        { label: t('own'), data: languages.map((point) => point.own), ...fill(colors.typed, colors), stack: 'chars' },
        { label: t('ai'), data: languages.map((point) => point.ai), ...fill(colors.aiInline, colors), stack: 'chars' },
      ],
    },
    options: {
      indexAxis: 'y',
      plugins: { tooltip: { callbacks: { label: (item) => `${item.dataset.label ?? ''}: ${t('charactersCount', Number(item.raw).toLocaleString())}` } } },
      scales: {
        x: { stacked: true, beginAtZero: true, title: { display: true, text: t('characters') }, ticks: { precision: 0 } },
        y: { stacked: true, ticks: { autoSkip: false }, grid: { display: false } },
      },
    },
  }));
  // The labels chart.js drew along the axis (none skipped), for readers of the page and its tests.
  // (A canvas not in the page yet, as while the reflection is shown, has no laid-out axis: nothing to tell then.)
  canvas.dataset.axisLabels = (chart.scales.y?.ticks ?? []).map((tick) => String(tick.label ?? '')).join('\n');
}
