/**
 * The daily chart painted by the page itself, the moment its data arrives: the same bars, lines
 * and axes as chart.js draws, without tooltips or clicks. chart.js (loaded after the first view is
 * painted) takes the canvas over with the same data; until then this is the chart the user sees.
 */
import { DAILY_BARS, layoutDailyChart, TICK_LABEL_GAP, TICK_LENGTH, type DailyChartLayout, type Point } from '../core/dailyChartLayout';
import type { HistoryPayload } from '../protocol';
import { dailyLabel } from './dailyLabels';
import { count, formatDay, t } from './format';
import { markChartPainted } from './paintMarks';
import { palette, type Palette } from './theme';

/** chart.js's default font size, so that both drawings read alike. */
const FONT_SIZE = 12;
const DOTS_UP_TO = 60;

/** Paints `history` on `canvas` (inside its sized wrapper); false when there is no room yet (a hidden place). */
export function paintDailyChart(canvas: HTMLCanvasElement, history: HistoryPayload): boolean {
  const box = canvas.parentElement?.getBoundingClientRect();
  const context = canvas.getContext('2d');
  if (!box || box.width < 1 || box.height < 1 || !context) {
    return false;
  }
  const scale = window.devicePixelRatio || 1;
  canvas.width = Math.round(box.width * scale);
  canvas.height = Math.round(box.height * scale);
  canvas.style.display = 'block';
  canvas.style.width = `${box.width}px`;
  canvas.style.height = `${box.height}px`;
  const colors = palette();
  context.setTransform(scale, 0, 0, scale, 0, 0);
  context.font = `${FONT_SIZE}px ${colors.font}`;
  const layout = layoutDailyChart({
    width: box.width,
    height: box.height,
    points: history.days,
    labels: history.days.map((day) => dailyLabel(history, day.date, { t, formatDay }, false)),
    fontSize: FONT_SIZE,
    measure: (text) => context.measureText(text).width,
    formatCount: count,
  });
  paintAxes(context, layout, colors);
  paintBars(context, layout, colors);
  paintLine(context, layout.rollingLine, colors.rolling, [6, 4]);
  // The share line with a dot on each point while they are few, as chart.js draws it.
  const dots = history.days.length <= DOTS_UP_TO;
  for (const run of layout.shareLine) {
    paintLine(context, run, colors.ratio, [], dots);
  }
  canvas.dataset.drawnBy = 'page';
  markChartPainted();
  return true;
}

function paintAxes(context: CanvasRenderingContext2D, layout: DailyChartLayout, colors: Palette): void {
  const { plot } = layout;
  context.strokeStyle = colors.grid;
  context.lineWidth = 1;
  const crisp = (at: number) => Math.round(at) + 0.5;
  context.beginPath();
  for (const tick of layout.countTicks) {
    context.moveTo(plot.left - TICK_LENGTH, crisp(tick.at));
    context.lineTo(plot.right, crisp(tick.at));
  }
  for (const tick of layout.shareTicks) {
    context.moveTo(plot.right, crisp(tick.at));
    context.lineTo(plot.right + TICK_LENGTH, crisp(tick.at));
  }
  // The axes' own lines: both sides and the bottom.
  context.moveTo(crisp(plot.left), plot.top);
  context.lineTo(crisp(plot.left), plot.bottom);
  context.moveTo(crisp(plot.right), plot.top);
  context.lineTo(crisp(plot.right), plot.bottom);
  context.moveTo(plot.left, crisp(plot.bottom));
  context.lineTo(plot.right, crisp(plot.bottom));
  context.stroke();
  context.fillStyle = colors.text;
  context.textBaseline = 'middle';
  context.textAlign = 'right';
  for (const tick of layout.countTicks) {
    context.fillText(tick.text, plot.left - TICK_LABEL_GAP, tick.at);
  }
  context.textAlign = 'left';
  for (const tick of layout.shareTicks) {
    context.fillText(tick.text, plot.right + TICK_LABEL_GAP, tick.at);
  }
  context.textAlign = 'center';
  context.textBaseline = 'top';
  for (const label of layout.labels) {
    context.fillText(label.text, label.at, plot.bottom + TICK_LABEL_GAP - 3);
  }
  turned(context, layout.countTitle, -Math.PI / 2, t('characters'));
  turned(context, layout.shareTitle, Math.PI / 2, t('shareAxis'));
}

function turned(context: CanvasRenderingContext2D, at: Point, angle: number, text: string): void {
  context.save();
  context.translate(at.x, at.y);
  context.rotate(angle);
  context.textBaseline = 'middle';
  context.fillText(text, 0, 0);
  context.restore();
}

function paintBars(context: CanvasRenderingContext2D, layout: DailyChartLayout, colors: Palette): void {
  for (const bar of DAILY_BARS) {
    context.fillStyle = colors[bar];
    for (const rect of layout.bars) {
      if (rect.bar === bar) {
        context.fillRect(rect.x, rect.y, rect.width, rect.height);
      }
    }
  }
  if (colors.border) {
    // High contrast: neighbours kept apart by a border, as chart.js draws them.
    context.strokeStyle = colors.border;
    for (const rect of layout.bars) {
      context.strokeRect(rect.x, rect.y, rect.width, rect.height);
    }
  }
}

function paintLine(context: CanvasRenderingContext2D, points: readonly Point[], color: string, dash: number[], dots = false): void {
  if (points.length === 0) {
    return;
  }
  context.strokeStyle = color;
  context.lineWidth = 2;
  context.setLineDash(dash);
  context.beginPath();
  points.forEach((point, index) => (index === 0 ? context.moveTo(point.x, point.y) : context.lineTo(point.x, point.y)));
  context.stroke();
  context.setLineDash([]);
  if (dots) {
    context.fillStyle = color;
    for (const point of points) {
      context.beginPath();
      context.arc(point.x, point.y, 3, 0, 2 * Math.PI);
      context.fill();
    }
  }
}
