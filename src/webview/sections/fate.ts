/** What became of AI text over the chosen range (kept, reworked, removed) and who led the files. */
import { emptyLead, type LeadCounts } from '../../core/fate/lead';
import { LEAD_MEASURES, type LeadMeasure } from '../../core/fate/outcome';
import type { HistoryPayload } from '../../protocol';
import { chartBlock, removeChart, withCharts } from '../chartHost';
import { element, table } from '../dom';
import { count, formatDay, percent, t } from '../format';
import { palette } from '../theme';
import { sections } from './frame';

type Point = HistoryPayload['days'][number];

type Totals = { kept: number; reworked: number; removed: number } & Record<LeadMeasure, LeadCounts>;

function totals(points: readonly Point[]): Totals {
  const sum: Totals = { kept: 0, reworked: 0, removed: 0, lead: emptyLead(), leadSessions: emptyLead(), leadChars: emptyLead() };
  for (const point of points) {
    sum.kept += point.fate?.kept ?? 0;
    sum.reworked += point.fate?.reworked ?? 0;
    sum.removed += point.fate?.removed ?? 0;
    for (const measure of LEAD_MEASURES) {
      sum[measure].you += point[measure]?.you ?? 0;
      sum[measure].ai += point[measure]?.ai ?? 0;
      sum[measure].mixed += point[measure]?.mixed ?? 0;
    }
  }
  return sum;
}

export function renderFate(history: HistoryPayload): void {
  const heading = element('h2', t('fate'));
  const measured = history.days.filter((point) => point.fate !== undefined || LEAD_MEASURES.some((measure) => point[measure] !== undefined));
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
  const lead = element('p', t('lead.summary', count(sum.lead.you), count(sum.lead.ai), count(sum.lead.mixed)));
  lead.id = 'lead-summary';
  const { leadSessions: sessions, leadChars: chars } = sum;
  const byChars = chars.you + chars.ai + chars.mixed;
  const sessionLead = element('p', t('lead.sessions', count(sessions.you), count(sessions.ai), count(sessions.mixed),
    percent(byChars > 0 ? chars.you / byChars : 0), percent(byChars > 0 ? chars.ai / byChars : 0)));
  sessionLead.id = 'lead-sessions';
  parts.push(lead, sessionLead, element('p', t('fate.note'), 'muted'));
  const dataTable = () => table('fate-table', [t('date'), t('fate.kept'), t('fate.reworked'), t('fate.removed'), t('lead.you'), t('lead.ai'), t('lead.mixed'), t('lead.sessionsYou'), t('lead.sessionsAi'), t('lead.sessionsMixed')],
    measured.map((point) => [
      formatDay(point.date, history.unit === 'month' ? 'month' : 'medium'),
      ...[point.fate?.kept, point.fate?.reworked, point.fate?.removed, point.lead?.you, point.lead?.ai, point.lead?.mixed, point.leadSessions?.you, point.leadSessions?.ai, point.leadSessions?.mixed]
        .map((value) => (value === undefined ? '–' : count(value))),
    ]));
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
