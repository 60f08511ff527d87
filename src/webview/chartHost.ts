/** The page's side of the charts: a table behind every chart, and drawing once the charts bundle is there. */
import { CHARTS_GLOBAL, CHARTS_READY_EVENT, type ChartsModule, type ChartTexts } from './chartsApi';
import { element } from './dom';
import { formatDay, formatTime, t } from './format';

const texts: ChartTexts = { t, formatDay, formatTime };
/** Draws asked for before the charts bundle loaded, by chart: only the latest of each is kept. */
const waiting = new Map<string, (charts: ChartsModule) => void>();
/** Tables the user opened stay open when their chart is drawn again (a range switch, new data). */
const openTables = new Set<string>();

function loaded(): ChartsModule | undefined {
  return (window as unknown as Record<string, ChartsModule | undefined>)[CHARTS_GLOBAL];
}

window.addEventListener(CHARTS_READY_EVENT, () => {
  const charts = loaded();
  if (charts) {
    for (const draw of waiting.values()) {
      draw(charts);
    }
    waiting.clear();
  }
});

/** The main bundle's own tag (this module runs within it): it names the charts bundle and holds the nonce. */
const mainScript = document.currentScript instanceof HTMLScriptElement ? document.currentScript : undefined;
let chartsAsked = false;

/**
 * Runs the charts bundle once the frame now being prepared is painted: a `requestAnimationFrame`
 * callback runs before that paint, a task queued from it after. The first view's chart, painted
 * by the page, is on screen before chart.js is fetched and run.
 */
export function loadChartsAfterPaint(): void {
  if (!chartsAsked) {
    requestAnimationFrame(() => setTimeout(loadCharts, 0));
  }
  chartsAsked = true;
}

/** Fetches and runs the charts bundle now (once). */
export function loadCharts(): void {
  const source = mainScript?.dataset.charts;
  if (!mainScript || !source || document.getElementById('charts-bundle') || loaded()) {
    return;
  }
  chartsAsked = true;
  const script = document.createElement('script');
  script.id = 'charts-bundle';
  script.nonce = mainScript.nonce;
  script.src = source;
  document.body.append(script);
}

/**
 * Draws chart `id` now, or as soon as the charts bundle has loaded; `meanwhile` paints it the
 * page's own way until then (the first view's chart, which must not wait for chart.js).
 */
export function withCharts(id: string, draw: (charts: ChartsModule, texts: ChartTexts) => void, meanwhile?: () => void): void {
  const charts = loaded();
  if (charts) {
    waiting.delete(id);
    draw(charts, texts);
  } else {
    waiting.set(id, (ready) => draw(ready, texts));
    meanwhile?.();
  }
}

export function removeChart(id: 'daily' | 'languages' | 'sessions' | 'fate'): void {
  waiting.delete(id);
  loaded()?.remove(id);
}

/**
 * A chart with its data as a table behind it, for screen readers and for reading exact values.
 * The table is built when first opened: a year of days is thousands of cells nobody may read.
 */
export function chartBlock(id: string, label: string, dataTable: () => HTMLTableElement, tall = false): { block: HTMLElement; canvas: HTMLCanvasElement } {
  const block = element('div', undefined, 'chart-block');
  const wrapper = element('div', undefined, tall ? 'chart tall' : 'chart');
  const canvas = element('canvas');
  canvas.id = id;
  canvas.setAttribute('role', 'img');
  canvas.setAttribute('aria-label', label);
  wrapper.append(canvas);
  block.append(wrapper, tableBehind(id, dataTable));
  return { block, canvas };
}

/** "Show as a table": the table is made when opened, and stays open when its figure is drawn again. */
export function tableBehind(id: string, dataTable: () => HTMLTableElement): HTMLDetailsElement {
  const details = element('details');
  details.id = `${id}-details`;
  details.append(element('summary', t('showTable')));
  details.addEventListener('toggle', () => {
    if (details.open) {
      openTables.add(id);
      if (details.childElementCount === 1) {
        details.append(dataTable());
      }
    } else {
      openTables.delete(id);
    }
  });
  if (openTables.has(id)) {
    details.open = true;
    details.append(dataTable());
  }
  return details;
}
