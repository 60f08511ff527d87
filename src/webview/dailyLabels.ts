/** The daily chart's point labels, shared by the page's own first drawing and chart.js's. */
import type { HistoryPayload } from '../protocol';
import type { ChartTexts } from './chartsApi';

/** A point's label: under its bar (short) or in its tooltip (long). */
export function dailyLabel(history: HistoryPayload, date: string, texts: Pick<ChartTexts, 't' | 'formatDay'>, long: boolean): string {
  if (history.unit === 'month') {
    return texts.formatDay(date, 'month');
  }
  if (history.unit === 'week') {
    return long ? texts.t('weekOf', texts.formatDay(date, 'medium')) : texts.formatDay(date, 'shortYear');
  }
  return texts.formatDay(date, long ? 'full' : history.days.length > 45 ? 'shortYear' : 'weekday');
}
