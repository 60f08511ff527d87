import * as assert from 'node:assert/strict';
import { contrastRatio, parseColor, toHex, withContrast } from '../../src/core/colorContrast';

describe('Colour contrast for the charts', function () {
  it('reads the colour forms VS Code themes use', function () {
    assert.deepEqual(parseColor('#bf8803'), { r: 191, g: 136, b: 3 });
    assert.deepEqual(parseColor('#fff'), { r: 255, g: 255, b: 255 });
    assert.deepEqual(parseColor('#1a85ffcc'), { r: 26, g: 133, b: 255 });
    assert.deepEqual(parseColor('rgb(12, 34, 56)'), { r: 12, g: 34, b: 56 });
    assert.deepEqual(parseColor('rgba(12 34 56 / 0.5)'), { r: 12, g: 34, b: 56 });
    assert.equal(parseColor('var(--x)'), undefined);
    assert.equal(parseColor('#12345'), undefined);
  });

  it('computes WCAG contrast ratios', function () {
    assert.equal(Math.round(contrastRatio({ r: 0, g: 0, b: 0 }, { r: 255, g: 255, b: 255 })), 21);
    assert.equal(contrastRatio({ r: 120, g: 120, b: 120 }, { r: 120, g: 120, b: 120 }), 1);
  });

  it('darkens on light and lightens on dark backgrounds until 3:1, and leaves colours that already stand out', function () {
    const white = { r: 255, g: 255, b: 255 };
    const black = { r: 30, g: 30, b: 30 };
    const yellow = parseColor('#cca700');
    assert.ok(yellow && contrastRatio(yellow, white) < 3, 'VS Code\'s yellow is too light on white');
    const darker = withContrast(yellow, white, 3);
    assert.ok(contrastRatio(darker, white) >= 3, toHex(darker));
    assert.ok(darker.r <= yellow.r && darker.g <= yellow.g, 'a darker shade of it');
    const purple = parseColor('#652d90');
    assert.ok(purple);
    const lighter = withContrast(purple, black, 3);
    assert.ok(contrastRatio(lighter, black) >= 3 && lighter.r >= purple.r);
    const blue = { r: 0, g: 90, b: 200 };
    assert.deepEqual(withContrast(blue, white, 3), blue);
  });
});
