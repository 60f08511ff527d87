/**
 * The charts bundle: chart.js and our charts, loaded after the main bundle so that the page shows
 * its first view without waiting for it. It announces itself; the page then draws what waited.
 */
import { CHARTS_GLOBAL, CHARTS_READY_EVENT, type ChartsModule } from '../chartsApi';
import { drawDaily } from './daily';
import { drawFate } from './fate';
import { drawLanguages } from './languages';
import { remove } from './registry';
import { drawSessions } from './sessions';

const charts: ChartsModule = { drawDaily, drawLanguages, drawSessions, drawFate, remove };
(window as unknown as Record<string, ChartsModule>)[CHARTS_GLOBAL] = charts;
window.dispatchEvent(new Event(CHARTS_READY_EVENT));
