/** Today at a glance: the share yours and the characters per category. */
import { CATEGORIES } from '../../core/categories';
import { aiChars } from '../../core/ratio';
import type { TodayTotals } from '../../protocol';
import { element } from '../dom';
import { count, formatDay, percent, t } from '../format';
import { app, post } from '../host';
import { received, view } from '../state';
import { sections } from './frame';

/** Todays rendered so far: lets a test see a refresh round-trip complete. */
let renderCount = 0;

export function renderToday(day: TodayTotals): void {
  const heading = element('h2', `${t('today')} · ${formatDay(day.date, 'PPPP')}`);

  const glance = element('div', undefined, 'glance');
  glance.setAttribute('aria-label', t('today'));
  if (day.ownershipRatio === null || !Number.isFinite(day.ownershipRatio)) {
    glance.append(element('p', t('noEditsYet'), 'empty'));
  } else {
    const ratio = element('p', undefined, 'ratio');
    ratio.id = 'today-ratio';
    ratio.append(element('span', percent(day.ownershipRatio), 'ratio-value'), element('span', ` ${t('yours')}`));
    glance.append(ratio);
  }

  const breakdown = element('table', undefined, 'breakdown');
  breakdown.id = 'today-breakdown';
  const head = breakdown.createTHead().insertRow();
  head.append(element('th', t('category')), element('th', t('characters')));
  const body = breakdown.createTBody();
  for (const category of CATEGORIES) {
    const row = body.insertRow();
    row.dataset.category = category;
    row.append(element('td', t(`category.${category}`)), element('td', count(day.chars[category]), 'number'));
  }
  const ai = aiChars(day.chars);
  const notes = element('p', ai > 0 ? `${t('estimatedShare', count(day.estimatedAiChars), count(ai))} ${t('unitNote')}` : t('unitNote'), 'muted');

  const refresh = element('button', t('refresh'));
  refresh.id = 'refresh';
  refresh.type = 'button';
  refresh.addEventListener('click', () => {
    post({ type: 'refresh' });
    post({ type: 'getHistory', range: view.range });
    if (received.today) {
      post({ type: 'getSessions', date: view.day ?? received.today });
    }
  });

  sections.today.replaceChildren(heading, glance, breakdown, notes, refresh);
  app.dataset.renders = String(++renderCount);
}
