/** The charts: chart.js with only the parts drawn here, theme colours, and a table behind every chart. */
import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, LineController, LineElement, PointElement, Tooltip, type ChartConfiguration } from 'chart.js';
import { element } from './dom';
import { t } from './format';
import { app } from './host';

// Only the parts drawn here: bars, lines, their scales, tooltips and the legend.
Chart.register(BarController, BarElement, LineController, LineElement, PointElement, CategoryScale, LinearScale, Tooltip, Legend);

const charts = new Map<string, Chart>();
/** Tables the user opened stay open when their chart is drawn again (a range switch, new data). */
const openTables = new Set<string>();

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
  block.append(wrapper, details);
  return { block, canvas };
}

function cssColor(name: string, fallback: string): string {
  const value = getComputedStyle(document.body).getPropertyValue(name).trim();
  return value || fallback;
}

/** The theme's chart colours, read when drawing (a theme change redraws). */
export function palette() {
  return {
    typed: cssColor('--vscode-charts-blue', '#3794ff'),
    aiInline: cssColor('--vscode-charts-purple', '#b180d7'),
    aiChat: cssColor('--vscode-charts-orange', '#d18616'),
    paste: cssColor('--vscode-charts-yellow', '#cca700'),
    ratio: cssColor('--vscode-charts-green', '#89d185'),
    rolling: cssColor('--vscode-charts-foreground', cssColor('--vscode-foreground', '#cccccc')),
    text: cssColor('--vscode-foreground', '#cccccc'),
    grid: cssColor('--vscode-charts-lines', cssColor('--vscode-editorWidget-border', 'rgba(128,128,128,0.3)')),
    font: cssColor('--vscode-font-family', 'sans-serif'),
  };
}

/** Draws chart `id` anew on `canvas` (the previous one under that id is destroyed). */
export function drawChart(id: string, canvas: HTMLCanvasElement, config: ChartConfiguration): Chart {
  charts.get(id)?.destroy();
  const colors = palette();
  Chart.defaults.color = colors.text;
  Chart.defaults.borderColor = colors.grid;
  Chart.defaults.font.family = colors.font;
  const chart = new Chart(canvas, config);
  charts.set(id, chart);
  return chart;
}

export function removeChart(id: string): void {
  charts.get(id)?.destroy();
  charts.delete(id);
}

/** The legend's own items, lines drawn as (dashed) lines and bars as boxes: a filled box with a dashed border reads as a smudge. */
export function legendItems(chart: Chart) {
  return Chart.defaults.plugins.legend.labels.generateLabels(chart).map((item) => ({
    ...item,
    pointStyle: chart.data.datasets[item.datasetIndex ?? 0]?.type === 'line' ? 'line' as const : 'rect' as const,
  }));
}

/** Records when the first chart, and the latest one, was painted (the dashboard benchmark reads them). */
export function markPainted(): void {
  requestAnimationFrame(() => {
    const now = String(Date.now());
    app.dataset.chartPaintedAt ??= now;
    app.dataset.chartUpdatedAt = now;
  });
}
