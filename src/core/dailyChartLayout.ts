/**
 * Where the daily chart's parts go (stacked bars, the share line and its average, both axes and
 * the labels under the bars), for the page to paint on its own canvas before chart.js has loaded.
 * Pure: sizes in CSS pixels in, shapes out; text widths come from the caller's measure.
 */

/** The stacked categories, bottom up, as chart.js stacks them. */
export const DAILY_BARS = ['typed', 'aiInline', 'aiChat', 'paste'] as const;
export type DailyBar = (typeof DAILY_BARS)[number];

export type DailyChartPoint = Readonly<Record<DailyBar, number>> & {
  /** The share yours of the point, 0–1, null where nothing was counted. */
  readonly ratio: number | null;
  /** The average line's share, 0–1, null where there is none. */
  readonly rolling: number | null;
};

export interface DailyChartInput {
  readonly width: number;
  readonly height: number;
  readonly points: readonly DailyChartPoint[];
  /** The label under each point (same order as `points`). */
  readonly labels: readonly string[];
  readonly fontSize: number;
  measure(text: string): number;
  formatCount(value: number): string;
}

export interface Rect { readonly x: number; readonly y: number; readonly width: number; readonly height: number; readonly bar: DailyBar }
export interface Point { readonly x: number; readonly y: number }
export interface Tick { readonly at: number; readonly text: string }

export interface DailyChartLayout {
  /** The plot area: bars and lines stay inside it. */
  readonly plot: { readonly left: number; readonly top: number; readonly right: number; readonly bottom: number };
  readonly bars: readonly Rect[];
  /** The share line, broken where a point has none. */
  readonly shareLine: readonly (readonly Point[])[];
  /** The average line, drawn across points without one. */
  readonly rollingLine: readonly Point[];
  /** Characters on the left axis (`at` is a y), with a grid line each. */
  readonly countTicks: readonly Tick[];
  /** Percentages on the right axis (`at` is a y). */
  readonly shareTicks: readonly Tick[];
  /** The labels kept under the bars (`at` is an x), the rest skipped so that none overlap. */
  readonly labels: readonly Tick[];
  /** Where each axis title's centre goes (drawn turned a quarter). */
  readonly countTitle: Point;
  readonly shareTitle: Point;
}

/** chart.js's share of a column given to its bar (category 0.8 × bar 0.9), so both draw alike. */
const BAR_SHARE = 0.72;
const PAD = 4;
/** chart.js's tick marks beside its axes, and the room from the axis to the tick labels. */
export const TICK_LENGTH = 8;
export const TICK_LABEL_GAP = 11;
/** The least room between two labels under the bars. */
const LABEL_GAP = 12;
/** The least room between two grid lines. */
const TICK_ROOM = 34;

/** 1, 2 or 5 times a power of ten: the first such step at least `rough`. */
export function niceStep(rough: number): number {
  if (!(rough > 0) || !Number.isFinite(rough)) {
    return 1;
  }
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 5, 10].map((factor) => factor * power).find((candidate) => candidate >= rough - 1e-9 * power);
  return step ?? 10 * power;
}

/** Whole-number steps from 0 to at least `max`, as many as fit in `room` pixels. */
export function countScale(max: number, room: number): { readonly max: number; readonly step: number } {
  const slots = Math.max(1, Math.min(10, Math.floor(room / TICK_ROOM)));
  const step = Math.max(1, niceStep(Math.max(max, 1) / slots));
  return { max: Math.max(step, Math.ceil(max / step) * step), step };
}

function total(point: DailyChartPoint): number {
  return DAILY_BARS.reduce((sum, bar) => sum + Math.max(0, point[bar]), 0);
}

export function layoutDailyChart(input: DailyChartInput): DailyChartLayout {
  const { width, height, points, fontSize } = input;
  const top = Math.ceil(fontSize / 2) + PAD;
  const bottom = height - (fontSize + TICK_LABEL_GAP + 2 * PAD);
  const scale = countScale(Math.max(0, ...points.map(total)), bottom - top);
  const countValues = Array.from({ length: Math.round(scale.max / scale.step) + 1 }, (_, index) => index * scale.step);
  const countTexts = countValues.map((value) => input.formatCount(value));
  const left = fontSize + 2 * PAD + Math.max(0, ...countTexts.map((text) => input.measure(text))) + TICK_LABEL_GAP;
  const right = width - (TICK_LABEL_GAP + input.measure('100%') + 2 * PAD + fontSize);
  const y = (value: number, max: number) => bottom - (Math.min(Math.max(value, 0), max) / max) * (bottom - top);
  const band = points.length > 0 ? (right - left) / points.length : 0;
  const centre = (index: number) => left + (index + 0.5) * band;
  const bars: Rect[] = [];
  points.forEach((point, index) => {
    let base = 0;
    for (const bar of DAILY_BARS) {
      const value = Math.max(0, point[bar]);
      if (value > 0) {
        const upper = y(base + value, scale.max);
        bars.push({ x: centre(index) - (band * BAR_SHARE) / 2, y: upper, width: band * BAR_SHARE, height: y(base, scale.max) - upper, bar });
      }
      base += value;
    }
  });
  const share = (value: number) => y(value * 100, 100);
  const shareLine: Point[][] = [];
  let run: Point[] | undefined;
  points.forEach((point, index) => {
    if (point.ratio === null) {
      run = undefined;
      return;
    }
    if (!run) {
      shareLine.push(run = []);
    }
    run.push({ x: centre(index), y: share(point.ratio) });
  });
  const rollingLine = points.flatMap((point, index) => (point.rolling === null ? [] : [{ x: centre(index), y: share(point.rolling) }]));
  const shareStep = (bottom - top) / 10 >= TICK_ROOM / 2 ? 10 : 20;
  const shareTicks = Array.from({ length: 100 / shareStep + 1 }, (_, index) => ({ at: y(index * shareStep, 100), text: `${index * shareStep}%` }));
  return {
    plot: { left, top, right, bottom },
    bars,
    shareLine,
    rollingLine,
    countTicks: countValues.map((value, index) => ({ at: y(value, scale.max), text: countTexts[index] })),
    shareTicks,
    labels: keptLabels(input.labels, centre, input.measure),
    countTitle: { x: PAD + fontSize / 2, y: (top + bottom) / 2 },
    shareTitle: { x: width - PAD - fontSize / 2, y: (top + bottom) / 2 },
  };
}

/** Every n-th label, n the smallest that leaves `LABEL_GAP` between neighbours (as chart.js skips them). */
function keptLabels(labels: readonly string[], centre: (index: number) => number, measure: (text: string) => number): Tick[] {
  if (labels.length === 0) {
    return [];
  }
  const widest = Math.max(...labels.map(measure));
  const band = labels.length > 1 ? centre(1) - centre(0) : Number.POSITIVE_INFINITY;
  const every = Math.max(1, Math.ceil((widest + LABEL_GAP) / band));
  return labels.flatMap((text, index) => (index % every === 0 ? [{ at: centre(index), text }] : []));
}
