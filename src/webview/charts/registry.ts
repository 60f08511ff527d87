/** chart.js with only what is drawn here, and the charts drawn so far (one per id). */
import { BarController, BarElement, CategoryScale, Chart, LinearScale, LineController, LineElement, PointElement, Tooltip, type ChartConfiguration } from 'chart.js';
import { markChartPainted } from '../paintMarks';
import { palette, type Palette } from '../theme';

// Bars, lines, their scales and tooltips; the legends are the page's own (HTML, readable by screen readers).
Chart.register(BarController, BarElement, LineController, LineElement, PointElement, CategoryScale, LinearScale, Tooltip);

export type ChartId = 'daily' | 'languages' | 'sessions' | 'fate';
const charts = new Map<ChartId, Chart>();

/** Draws chart `id` anew on `canvas` with the theme's colours (the previous one under that id is destroyed). */
export function draw(id: ChartId, canvas: HTMLCanvasElement, config: (colors: Palette) => ChartConfiguration): Chart {
  charts.get(id)?.destroy();
  const colors = palette();
  Chart.defaults.color = colors.text;
  Chart.defaults.borderColor = colors.grid;
  Chart.defaults.font.family = colors.font;
  // What every chart here shares: drawn at once, sized by its wrapper, a tooltip for the whole column.
  Chart.defaults.animation = false;
  Chart.defaults.responsive = true;
  Chart.defaults.maintainAspectRatio = false;
  Chart.defaults.interaction.mode = 'index';
  Chart.defaults.interaction.intersect = false;
  const chart = new Chart(canvas, config(colors));
  charts.set(id, chart);
  // A chart the page drew itself first (same data) is taken over, not updated.
  markChartPainted(canvas.dataset.drawnBy !== 'page');
  canvas.dataset.drawnBy = 'chart.js';
  return chart;
}

export function remove(id: ChartId): void {
  charts.get(id)?.destroy();
  charts.delete(id);
}

/** A filled dataset's colours: the fill, and a border in high-contrast themes. */
export function fill(color: string, colors: Palette): { backgroundColor: string; borderColor?: string; borderWidth?: number } {
  return colors.border ? { backgroundColor: color, borderColor: colors.border, borderWidth: 1 } : { backgroundColor: color };
}
