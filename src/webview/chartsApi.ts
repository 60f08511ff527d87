/**
 * What the charts bundle (chart.js and our charts, loaded after the main bundle) offers the page.
 * Types only, besides two names: the main bundle pulls in nothing of chart.js.
 */
import type { HistoryPayload, SessionPoint } from '../protocol';

export interface ChartTexts {
  t(key: string, ...args: Array<string | number>): string;
  formatDay(date: string, style: 'full' | 'medium' | 'weekday' | 'shortYear' | 'month'): string;
  formatTime(iso: string): string;
}

export interface ChartsModule {
  drawDaily(canvas: HTMLCanvasElement, history: HistoryPayload, texts: ChartTexts, onChooseDay: (date: string) => void): void;
  drawLanguages(canvas: HTMLCanvasElement, languages: HistoryPayload['languages'], texts: ChartTexts): void;
  drawSessions(canvas: HTMLCanvasElement, sessions: readonly SessionPoint[], texts: ChartTexts): void;
  drawFate(canvas: HTMLCanvasElement, history: HistoryPayload, texts: ChartTexts): void;
  remove(id: 'daily' | 'languages' | 'sessions' | 'fate'): void;
}

/** The global under which the charts bundle leaves its `ChartsModule`. */
export const CHARTS_GLOBAL = 'ownershipDashboardCharts';
/** Fired on the window once the charts bundle is there. */
export const CHARTS_READY_EVENT = 'ownership-dashboard-charts';
