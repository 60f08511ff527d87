/** The sessions of a chosen day. */
import { countedChars } from '../../core/ratio';
import type { SessionPoint } from '../../protocol';
import { chartBlock, removeChart, withCharts } from '../chartHost';
import { dayPicker, element, table } from '../dom';
import { count, formatTime, percent, t } from '../format';
import { post } from '../host';
import { received, saveView, view } from '../state';
import { sections } from './frame';

export function chooseDay(date: string): void {
  view.day = date;
  saveView();
  post({ type: 'getSessions', date });
}

export function renderSessions(date: string, sessions: readonly SessionPoint[]): void {
  const heading = element('h2', t('sessions'));
  const history = received.history;
  const days = history?.unit === 'day' ? history.days.filter((day) => day.sessions > 0 || countedChars(day) > 0).map((day) => day.date) : [];
  const picker = dayPicker('session-day', date, received.today ? [received.today, ...days] : days, chooseDay);
  if (sessions.length === 0) {
    const empty = element('p', t('noSessions'), 'empty');
    empty.id = 'sessions-empty';
    sections.sessions.replaceChildren(heading, picker, empty);
    removeChart('sessions');
    return;
  }
  const dataTable = () => table('sessions-table', [t('start'), t('end'), t('minutes'), t('own'), t('ai'), t('category.paste'), t('share')],
    sessions.map((s) => [formatTime(s.start), formatTime(s.end), count(s.minutes), count(s.own), count(s.ai), count(s.paste), percent(s.ratio)]));
  const { block, canvas } = chartBlock('sessions-chart', t('sessions'), dataTable);
  sections.sessions.replaceChildren(heading, picker, block);
  withCharts('sessions', (charts, texts) => charts.drawSessions(canvas, sessions, texts));
}
