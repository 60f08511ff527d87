/** What became of AI text over the chosen range (kept, reworked, removed) and who led the files. */
import type { HistoryPayload } from '../../protocol';
import { chartBlock, removeChart, withCharts } from '../chartHost';
import { element, table } from '../dom';
import { count, formatDay, percent, t } from '../format';
import { palette } from '../theme';
import { sections } from './frame';

type Point = HistoryPayload['days'][number];

function totals(points: readonly Point[]): { kept: number; reworked: number; removed: number; you: number; ai: number; mixed: number } {
  const sum = { kept: 0, reworked: 0, removed: 0, you: 0, ai: 0, mixed: 0 };
  for (const point of points) {
    sum.kept += point.fate?.kept ?? 0;
    sum.reworked += point.fate?.reworked ?? 0;
    sum.removed += point.fate?.removed ?? 0;
    sum.you += point.lead?.you ?? 0;
    sum.ai += point.lead?.ai ?? 0;
    sum.mixed += point.lead?.mixed ?? 0;
  }
  return sum;
}

export function renderFate(history: HistoryPayload): void {
  const heading = element('h2', t('fate'));
  const measured = history.days.filter((point) => point.fate !== undefined || point.lead !== undefined);
  if (measured.length === 0) {
    const empty = element('p', t('fate.none'), 'empty');
    empty.id = 'fate-empty';
    sections.fate.replaceChildren(heading, empty);
    removeChart('fate');
    return;
  }
  const sum = totals(measured);
  const settled = sum.kept + sum.reworked + sum.removed;
  const parts: HTMLElement[] = [heading];
  if (settled > 0) {
    const summary = element('p', t('fate.summary', percent(sum.kept / settled), percent(sum.reworked / settled), percent(sum.removed / settled), count(settled)));
    summary.id = 'fate-summary';
    parts.push(summary);
  }
  const lead = element('p', t('lead.summary', count(sum.you), count(sum.ai), count(sum.mixed)));
  lead.id = 'lead-summary';
  parts.push(lead, element('p', t('fate.note'), 'muted'));
  const dataTable = () => table('fate-table', [t('date'), t('fate.kept'), t('fate.reworked'), t('fate.removed'), t('lead.you'), t('lead.ai'), t('lead.mixed')],
    measured.map((point) => [formatDay(point.date, history.unit === 'month' ? 'month' : 'medium'), ...[point.fate?.kept, point.fate?.reworked, point.fate?.removed, point.lead?.you, point.lead?.ai, point.lead?.mixed]
      .map((value) => (value === undefined ? '–' : count(value)))]));
  const { block, canvas } = chartBlock('fate-chart', t('fate.label'), dataTable);
  const legend = element('div', undefined, 'legend');
  legend.setAttribute('aria-hidden', 'true');
  const colors = palette();
  for (const [part, color] of [['kept', colors.ratio], ['reworked', colors.typed], ['removed', colors.aiChat]] as const) {
    const item = element('span', undefined, 'legend-item');
    const swatch = element('span', undefined, 'swatch');
    swatch.style.backgroundColor = color;
    item.append(swatch, element('span', t(`fate.${part}`)));
    legend.append(item);
  }
  parts.push(legend, block);
  sections.fate.replaceChildren(...parts);
  withCharts('fate', (charts, texts) => charts.drawFate(canvas, history, texts));
}
