/** Day by day: the range switcher and the stacked daily chart with the share yours and its 7-day average. */
import type { HistoryPayload } from '../../protocol';
import { RANGES } from '../../ranges';
import { chartBlock, drawChart, legendItems, markPainted, palette, removeChart } from '../charts';
import { element, table } from '../dom';
import { count, formatDay, percent, percentOrNull, t } from '../format';
import { app, post } from '../host';
import { saveView, view } from '../state';
import { sections } from './frame';
import { renderLanguages } from './languages';
import { chooseDay } from './sessions';

/** Beyond this many days the chart drops its points and uses short date labels. */
const LONG_RANGE_DAYS = 120;

function rangeSwitcher(): HTMLElement {
  const group = element('div', undefined, 'range-switcher');
  group.setAttribute('role', 'group');
  group.setAttribute('aria-label', t('period'));
  for (const range of RANGES) {
    const button = element('button', t(`range.${range}`), 'toggle');
    button.type = 'button';
    button.id = `range-${range}`;
    button.setAttribute('aria-pressed', String(range === view.range));
    button.addEventListener('click', () => {
      view.range = range;
      saveView();
      group.querySelectorAll('button').forEach((other) => other.setAttribute('aria-pressed', String(other === button)));
      post({ type: 'getHistory', range });
    });
    group.append(button);
  }
  return group;
}

export function renderHistory(history: HistoryPayload): void {
  const heading = element('h2', t('daily'));
  const parts: HTMLElement[] = [heading, rangeSwitcher()];
  app.dataset.range = history.range;
  app.dataset.historyDays = String(history.days.length);
  if (history.days.length === 0) {
    const empty = element('p', t('noHistory'), 'empty');
    empty.id = 'history-empty';
    parts.push(empty);
    sections.history.replaceChildren(...parts);
    removeChart('daily');
    renderLanguages(history);
    return;
  }
  const summary = element('p', history.ratio === null ? t('noValue') : t('periodShare', Math.round(history.ratio * 100)), 'muted');
  summary.id = 'history-share';
  parts.push(summary);
  const dataTable = () => table('daily-table', [t('date'), t('category.typed'), t('category.aiInline'), t('category.aiChat'), t('category.paste'), t('shareLine'), t('rollingLine')],
    history.days.map((day) => [formatDay(day.date, 'PP'), count(day.typed), count(day.aiInline), count(day.aiChat), count(day.paste), percent(day.ratio), percent(day.rolling)]));
  const { block, canvas } = chartBlock('daily-chart', t('daily'), dataTable, true);
  parts.push(block);
  sections.history.replaceChildren(...parts);
  drawDaily(canvas, history);
  markPainted();
  renderLanguages(history);
}

function drawDaily(canvas: HTMLCanvasElement, history: HistoryPayload): void {
  const long = history.days.length > LONG_RANGE_DAYS;
  const colors = palette();
  const bar = (key: 'typed' | 'aiInline' | 'aiChat' | 'paste') => ({
    type: 'bar' as const,
    label: t(`category.${key}`),
    data: history.days.map((day) => day[key]),
    backgroundColor: colors[key],
    stack: 'chars',
    yAxisID: 'y',
    order: 2,
  });
  drawChart('daily', canvas, {
    type: 'bar',
    data: {
      labels: history.days.map((day) => formatDay(day.date, long ? 'd MMM yy' : 'EEE d MMM')),
      datasets: [
        bar('typed'), bar('aiInline'), bar('aiChat'), bar('paste'),
        { type: 'line', label: t('shareLine'), data: history.days.map((day) => percentOrNull(day.ratio)), borderColor: colors.ratio, backgroundColor: colors.ratio, yAxisID: 'ratio', pointRadius: long ? 0 : 2, borderWidth: 2, spanGaps: false, order: 1 },
        { type: 'line', label: t('rollingLine'), data: history.days.map((day) => percentOrNull(day.rolling)), borderColor: colors.rolling, backgroundColor: colors.rolling, borderDash: [6, 4], yAxisID: 'ratio', pointRadius: 0, borderWidth: 2, spanGaps: true, order: 0 },
      ],
    },
    options: {
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      interaction: { mode: 'index', intersect: false },
      plugins: {
        legend: { labels: { sort: (a, b) => (a.datasetIndex ?? 0) - (b.datasetIndex ?? 0), usePointStyle: true, pointStyleWidth: 28, generateLabels: legendItems } },
      },
      scales: {
        x: { stacked: true, ticks: { autoSkip: true, maxRotation: 0 } },
        y: { stacked: true, beginAtZero: true, title: { display: true, text: t('characters') } },
        ratio: { position: 'right', min: 0, max: 100, grid: { drawOnChartArea: false }, ticks: { callback: (value) => `${value}%` } },
      },
      onClick: (_event, elements) => {
        const index = elements[0]?.index;
        if (index !== undefined && history.days[index]) {
          chooseDay(history.days[index].date);
        }
      },
    },
  });
}
