/** By language: own and AI-assisted characters per language over the chosen range, each bar with its name. */
import { ownShare } from '../../core/ratio';
import type { HistoryPayload } from '../../protocol';
import { chartBlock, removeChart, withCharts } from '../chartHost';
import { element, table } from '../dom';
import { count, percent, t } from '../format';
import { sections } from './frame';

/** Room per language bar, so that every bar keeps its label. */
const ROW_PX = 30;
const AXIS_PX = 70;

export function renderLanguages(history: HistoryPayload): void {
  const heading = element('h2', t('languages'));
  const languages = history.languages;
  if (languages.length === 0) {
    sections.languages.replaceChildren(heading, element('p', t('noLanguages'), 'empty'));
    removeChart('languages');
    return;
  }
  const dataTable = () => table('language-table', [t('language'), t('own'), t('ai'), t('share')],
    languages.map((point) => [point.name, count(point.own), count(point.ai), percent(ownShare(point.own, point.ai))]));
  const { block, canvas } = chartBlock('language-chart', t('languagesLabel', languages.map((point) => point.name).join(', ')), dataTable);
  (canvas.parentElement as HTMLElement).style.height = `${Math.max(140, languages.length * ROW_PX + AXIS_PX)}px`;
  sections.languages.replaceChildren(heading, block);
  withCharts('languages', (charts, texts) => charts.drawLanguages(canvas, languages, texts));
}
