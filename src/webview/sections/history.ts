/** Day by day: the range switcher and the stacked chart with the share yours and its average. */
import type { HistoryPayload } from '../../protocol';
import { RANGES } from '../../ranges';
import { chartBlock, removeChart, withCharts } from '../chartHost';
import { paintDailyChart } from '../dailyCanvas';
import { element, table, toggleGroup } from '../dom';
import { count, formatDay, percent, t } from '../format';
import { app, post } from '../host';
import { saveView, view } from '../state';
import { palette } from '../theme';
import { sections } from './frame';
import { renderFate } from './fate';
import { renderLanguages } from './languages';
import { chooseDay } from './sessions';

function rangeSwitcher(): HTMLElement {
  return toggleGroup('range', t('period'), 'range-switcher', RANGES.map((range) => ({ value: range, text: t(`range.${range}`) })), view.range, (range) => {
    view.range = range;
    saveView();
    app.dataset.rangeAskedAt = String(Date.now());
    post({ type: 'getHistory', range });
  });
}

export function renderHistory(history: HistoryPayload): void {
  const heading = element('h2', t('daily'));
  const parts: HTMLElement[] = [heading, rangeSwitcher()];
  app.dataset.range = history.range;
  app.dataset.historyDays = String(history.days.length);
  app.dataset.historyUnit = history.unit;
  if (history.days.length === 0) {
    const empty = element('p', t('noHistory'), 'empty');
    empty.id = 'history-empty';
    parts.push(empty);
    sections.history.replaceChildren(...parts);
    removeChart('daily');
    renderLanguages(history);
    renderFate(history);
    return;
  }
  const summary = element('p', history.ratio === null ? t('noValue') : t('periodShare', Math.round(history.ratio * 100)), 'muted');
  summary.id = 'history-share';
  parts.push(summary);
  if (history.unit !== 'day') {
    parts.push(element('p', t(`unitNote.${history.unit}`), 'muted'));
  }
  const firstColumn = history.unit === 'day' ? t('date') : history.unit === 'week' ? t('week') : t('month');
  const dataTable = () => table('daily-table', [firstColumn, t('category.typed'), t('category.aiInline'), t('category.aiChat'), t('category.paste'), t('shareLine'), t(`rollingLine.${history.unit}`)],
    history.days.map((day) => [formatDay(day.date, history.unit === 'month' ? 'month' : 'medium'), count(day.typed), count(day.aiInline), count(day.aiChat), count(day.paste), percent(day.ratio), percent(day.rolling)]));
  const { block, canvas } = chartBlock('daily-chart', t('dailyLabel', percent(history.ratio)), dataTable, true);
  parts.push(element('div', undefined, 'legend'), block);
  sections.history.replaceChildren(...parts);
  renderLegend(parts[parts.length - 2], history.unit);
  withCharts('daily', (charts, texts) => charts.drawDaily(canvas, history, texts, chooseDay), () => paintDailyChart(canvas, history));
  renderLanguages(history);
  renderFate(history);
}

/** The chart's legend in the page, in the chart's colours; the table behind the chart carries the same for screen readers. */
function renderLegend(legend: HTMLElement, unit: HistoryPayload['unit']): void {
  legend.setAttribute('aria-hidden', 'true');
  const colors = palette();
  const entry = (color: string, text: string, line = false) => {
    const item = element('span', undefined, 'legend-item');
    const swatch = element('span', undefined, line ? 'swatch line' : 'swatch');
    swatch.style.backgroundColor = color;
    item.append(swatch, element('span', text));
    return item;
  };
  legend.append(
    ...(['typed', 'aiInline', 'aiChat', 'paste'] as const).map((key) => entry(colors[key], t(`category.${key}`))),
    entry(colors.ratio, t('shareLine'), true),
    entry(colors.rolling, t(`rollingLine.${unit}`), true),
  );
}
