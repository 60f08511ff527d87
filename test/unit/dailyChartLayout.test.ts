import * as assert from 'node:assert/strict';
import { countScale, layoutDailyChart, niceStep, type DailyChartInput, type DailyChartPoint } from '../../src/core/dailyChartLayout';

function point(typed: number, aiInline = 0, ratio: number | null = 0.5, rolling: number | null = 0.5): DailyChartPoint {
  return { typed, aiInline, aiChat: 0, paste: 0, ratio, rolling };
}

function layout(points: DailyChartPoint[], patch: Partial<DailyChartInput> = {}) {
  return layoutDailyChart({
    width: 600, height: 300, points, labels: points.map((_, index) => `day ${index}`), fontSize: 12,
    measure: (text) => text.length * 6, formatCount: (value) => String(value), ...patch,
  });
}

describe('Daily chart layout (the page\'s own first drawing)', function () {
  it('steps the axis by 1, 2 or 5 times a power of ten, never below what is asked', function () {
    assert.equal(niceStep(96), 100);
    assert.equal(niceStep(100), 100);
    assert.equal(niceStep(101), 200);
    assert.equal(niceStep(3), 5);
    assert.equal(niceStep(0.3), 0.5);
    assert.equal(niceStep(0), 1);
    assert.equal(niceStep(Number.NaN), 1);
  });

  it('scales the characters from 0 to a whole step at or above the tallest bar, as many steps as fit', function () {
    assert.deepEqual(countScale(675, 270), { max: 700, step: 100 });
    assert.deepEqual(countScale(675, 60), { max: 1000, step: 1000 }, 'room for one step');
    assert.deepEqual(countScale(0, 270), { max: 1, step: 1 }, 'no characters: still an axis');
  });

  it('stacks typed, AI inline, AI chat and paste from the bottom, each in proportion, inside the plot', function () {
    const { bars, plot } = layout([{ typed: 200, aiInline: 100, aiChat: 50, paste: 0, ratio: 0.5, rolling: 0.5 }, point(400)]);
    const first = bars.filter((bar) => bar.x === bars[0].x);
    assert.deepEqual(first.map((bar) => bar.bar), ['typed', 'aiInline', 'aiChat'], 'nothing drawn for no paste');
    assert.equal(first[0].y + first[0].height, plot.bottom);
    assert.ok(Math.abs(first[1].y + first[1].height - first[0].y) < 1e-9, 'AI inline sits on typed');
    assert.ok(Math.abs(first[0].height - 2 * first[1].height) < 1e-9);
    for (const bar of bars) {
      assert.ok(bar.x >= plot.left && bar.x + bar.width <= plot.right && bar.y >= plot.top && bar.y + bar.height <= plot.bottom + 1e-9);
    }
    const band = (plot.right - plot.left) / 2;
    assert.ok(Math.abs(first[0].width - band * 0.72) < 1e-9, 'as wide as chart.js draws its bars');
  });

  it('draws the share line from 0% at the bottom to 100% at the top, broken where a day has none; the average spans gaps', function () {
    const { shareLine, rollingLine, plot, shareTicks } = layout([point(10, 0, 1), point(10, 0, null, null), point(10, 0, 0), point(10, 0, 0.5)]);
    assert.deepEqual(shareLine.map((run) => run.length), [1, 2]);
    assert.equal(shareLine[0][0].y, plot.top);
    assert.equal(shareLine[1][0].y, plot.bottom);
    assert.equal(rollingLine.length, 3);
    assert.equal(shareTicks[0].text, '0%');
    assert.equal(shareTicks[shareTicks.length - 1].text, '100%');
  });

  it('keeps every n-th label under the bars so that none overlap, starting with the first', function () {
    const points = Array.from({ length: 100 }, () => point(10));
    const { labels } = layout(points, { labels: points.map(() => 'Mon, Feb 10') });
    assert.equal(labels[0].text, 'Mon, Feb 10');
    for (let index = 1; index < labels.length; index++) {
      assert.ok(labels[index].at - labels[index - 1].at >= 66 + 12 - 1e-9, 'a label\'s width and a gap apart');
    }
    assert.ok(labels.length > 3 && labels.length < 100);
    assert.equal(layout(points.slice(0, 5)).labels.length, 5, 'few points: every label');
  });

  it('draws nothing for no points, and leaves room for the widest tick label', function () {
    const empty = layout([]);
    assert.deepEqual([empty.bars.length, empty.shareLine.length, empty.labels.length], [0, 0, 0]);
    const wide = layout([point(1_000_000)], { formatCount: (value) => value.toLocaleString('en') });
    const narrow = layout([point(10)]);
    assert.ok(wide.plot.left > narrow.plot.left);
  });
});
