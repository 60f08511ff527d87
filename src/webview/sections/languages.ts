/** By language: own and AI-assisted characters per language over the chosen range. */
import { ownShare } from '../../core/ratio';
import type { HistoryPayload } from '../../protocol';
import { chartBlock, drawChart, palette, removeChart } from '../charts';
import { element, table } from '../dom';
import { count, percent, t } from '../format';
import { sections } from './frame';

export function renderLanguages(history: HistoryPayload): void {
  const heading = element('h2', t('languages'));
  if (history.languages.length === 0) {
    sections.languages.replaceChildren(heading, element('p', t('noLanguages'), 'empty'));
    removeChart('languages');
    return;
  }
  const dataTable = () => table('language-table', [t('language'), t('own'), t('ai'), t('share')],
    history.languages.map((point) => [point.language, count(point.own), count(point.ai), percent(ownShare(point.own, point.ai))]));
  const { block, canvas } = chartBlock('language-chart', t('languages'), dataTable);
  sections.languages.replaceChildren(heading, block);
  const colors = palette();
  drawChart('languages', canvas, {
    type: 'bar',
    data: {
      labels: history.languages.map((point) => point.language),
      datasets: [
        { label: t('own'), data: history.languages.map((point) => point.own), backgroundColor: colors.typed, stack: 'chars' },
        { label: t('ai'), data: history.languages.map((point) => point.ai), backgroundColor: colors.aiInline, stack: 'chars' },
      ],
    },
    options: {
      animation: false,
      indexAxis: 'y',
      responsive: true,
      maintainAspectRatio: false,
      scales: { x: { stacked: true, beginAtZero: true }, y: { stacked: true } },
    },
  });
}
