/**
 * At a glance: the share yours today, over the last 7 and the last 30 days, each with its trend
 * against the period before; today's characters as one stacked bar with its legend, where today's
 * AI chat and agent work came from, and the figures (the source split of each period too) as a
 * table behind "Show as a table".
 */
import { CATEGORIES } from '../../core/categories';
import { aiChars, countedChars } from '../../core/ratio';
import type { Glance, GlancePeriod } from '../../protocol';
import { tableBehind } from '../chartHost';
import { element } from '../dom';
import { count, formatDay, percent, t } from '../format';
import { app } from '../host';
import { palette } from '../theme';
import { sections } from './frame';

/** The counted categories, in the bar's order. */
const BAR = ['typed', 'aiInline', 'aiChat', 'paste'] as const;
/** Glances drawn so far: lets a test see a live update arrive. */
let renderCount = 0;

export function renderGlance(glance: Glance): void {
  const heading = element('h2', `${t('today')} · ${formatDay(glance.date, 'full')}`);
  heading.id = 'glance-heading';
  const figures = element('div', undefined, 'figures');
  figures.append(...glance.periods.map(periodFigure));
  const parts: HTMLElement[] = [heading, figures];
  if (countedChars(glance.chars) === 0) {
    parts.push(element('p', t('noEditsYet'), 'empty'));
  } else {
    parts.push(categoryBar(glance));
  }
  const todayPeriod = glance.periods.find((period) => period.period === 'today');
  if (todayPeriod !== undefined && aiChatOf(todayPeriod) > 0) {
    const line = element('p', aiChatByText(todayPeriod), 'ai-chat-by');
    line.id = 'ai-chat-by';
    parts.push(line);
  }
  const ai = aiChars(glance.chars);
  parts.push(element('p', ai > 0 ? `${t('estimatedShare', count(glance.estimatedAiChars), count(ai))} ${t('unitNote')}` : t('unitNote'), 'muted'));
  parts.push(tableBehind('today-breakdown', () => breakdownTable(glance)));
  sections.glance.replaceChildren(...parts);
  sections.glance.setAttribute('aria-labelledby', heading.id);
  app.dataset.renders = String(++renderCount);
}

function periodFigure(period: GlancePeriod): HTMLElement {
  const figure = element('div', undefined, 'figure');
  figure.dataset.period = period.period;
  figure.append(element('span', t(`glance.${period.period}`), 'figure-label'));
  const value = element('p', undefined, 'ratio');
  if (period.period === 'today') {
    value.id = 'today-ratio';
  }
  value.append(element('span', percent(period.share), 'ratio-value'), element('span', period.share === null ? '' : ` ${t('yours')}`));
  figure.append(value, element('span', trend(period), 'trend'));
  return figure;
}

/** "↑ 5 points from yesterday" and the like; plain words, no judgement either way. */
function trend(period: GlancePeriod): string {
  const before = t(`before.${period.period}`);
  if (period.share === null || period.previous === null) {
    return t('trendNone', before);
  }
  const points = Math.round(period.share * 100) - Math.round(period.previous * 100);
  return points === 0 ? t('trendSame', before) : t(points > 0 ? 'trendUp' : 'trendDown', Math.abs(points), before);
}

function aiChatOf(period: GlancePeriod): number {
  const by = period.aiChatBy;
  return by.chat + by.extension + by.terminal + by.notSplit;
}

/** "AI chat and agents: 120 in chat, 40 by extensions, 300 by terminal agents", and what was counted before the split. */
function aiChatByText(period: GlancePeriod): string {
  const by = period.aiChatBy;
  return by.notSplit > 0
    ? t('aiChatByNotSplit', count(by.chat), count(by.extension), count(by.terminal), count(by.notSplit))
    : t('aiChatBy', count(by.chat), count(by.extension), count(by.terminal));
}

function categoryBar(glance: Glance): HTMLElement {
  const total = countedChars(glance.chars);
  const colors = palette();
  const block = element('div', undefined, 'category-block');
  const bar = element('div', undefined, 'category-bar');
  bar.setAttribute('role', 'img');
  bar.setAttribute('aria-label', BAR.map((key) => `${t(`category.${key}`)}: ${count(glance.chars[key])}`).join(', '));
  const legend = element('ul', undefined, 'legend');
  for (const key of BAR) {
    const chars = glance.chars[key];
    if (chars > 0) {
      const segment = element('span', undefined, 'segment');
      segment.dataset.category = key;
      segment.style.width = `${(chars / total) * 100}%`;
      segment.style.backgroundColor = colors[key];
      if (colors.border) {
        segment.style.outline = `1px solid ${colors.border}`;
      }
      bar.append(segment);
    }
    const item = element('li', undefined, 'legend-item');
    const swatch = element('span', undefined, 'swatch');
    swatch.style.backgroundColor = colors[key];
    item.append(swatch, element('span', `${t(`category.${key}`)} ${count(chars)}`));
    legend.append(item);
  }
  block.append(bar, legend);
  return block;
}

function breakdownTable(glance: Glance): HTMLTableElement {
  const node = element('table', undefined, 'data');
  node.id = 'today-table';
  const head = node.createTHead().insertRow();
  head.append(element('th', t('category')), element('th', t('characters')));
  const body = node.createTBody();
  for (const category of CATEGORIES) {
    const row = body.insertRow();
    row.dataset.category = category;
    const name = element('th', t(`category.${category}`));
    name.scope = 'row';
    row.append(name, element('td', count(glance.chars[category]), 'number'));
  }
  for (const period of glance.periods) {
    const row = body.insertRow();
    const name = element('th', `${t(`glance.${period.period}`)} · ${t('share')}`);
    name.scope = 'row';
    row.append(name, element('td', `${percent(period.share)} (${trend(period)})`, 'number'));
  }
  for (const period of glance.periods.filter((p) => aiChatOf(p) > 0)) {
    const row = body.insertRow();
    row.dataset.aiChatBy = period.period;
    const name = element('th', `${t(`glance.${period.period}`)} · ${t('category.aiChat')}`);
    name.scope = 'row';
    row.append(name, element('td', aiChatByText(period)));
  }
  return node;
}
