import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { ownershipRatio } from '../../src/core/ratio';
import { Tally } from '../../src/core/tally';
import { countCodePoints } from '../../src/core/text';
import { emptyCounts } from '../../src/core/categories';

describe('Counting characters', function () {
  it('counts code points, with CRLF as one character', function () {
    assert.equal(countCodePoints(''), 0);
    assert.equal(countCodePoints('abc'), 3);
    assert.equal(countCodePoints('a\r\nb'), 3);
    assert.equal(countCodePoints('a\nb'), 3);
    assert.equal(countCodePoints('\r'), 1);
    assert.equal(countCodePoints('😀'), 1);
    assert.equal(countCodePoints('e\u0301'), 2, 'a combining mark is its own code point');
    assert.equal(countCodePoints('\ud800'), 1, 'a lone surrogate counts once');
    assert.equal(countCodePoints('\udc00\ud800'), 2);
  });

  it('agrees with the spread operator on any text without CRLF', function () {
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (text) => {
      const withoutCrlf = text.replace(/\r\n/g, '\n');
      assert.equal(countCodePoints(withoutCrlf), [...withoutCrlf].length);
    }));
  });
});

describe('The ownership ratio', function () {
  it('is own / (own + AI), weighted by volume', function () {
    const chars = { ...emptyCounts(), typed: 300, aiInline: 50, aiChat: 50, tool: 1000 };
    assert.equal(ownershipRatio(chars, 'excluded'), 0.75);
  });

  it('is null when nothing own or AI-assisted was counted', function () {
    assert.equal(ownershipRatio({ ...emptyCounts(), tool: 10, undoRedo: 5 }, 'excluded'), null);
  });

  it('counts paste per the setting', function () {
    const chars = { ...emptyCounts(), typed: 50, aiInline: 25, paste: 25 };
    assert.equal(ownershipRatio(chars, 'excluded'), 2 / 3);
    assert.equal(ownershipRatio(chars, 'own'), 0.75);
    assert.equal(ownershipRatio(chars, 'ai'), 0.5);
  });

  it('is never an average of per-session ratios', function () {
    const big = new Tally();
    big.add({ at: 0, category: 'typed', confidence: 'exact', chars: 900, deleted: 0, languageId: 'ts', evidence: [] });
    big.add({ at: 0, category: 'aiInline', confidence: 'exact', chars: 100, deleted: 0, languageId: 'ts', evidence: [] });
    big.add({ at: 0, category: 'aiChat', confidence: 'estimated', chars: 1000, deleted: 3, languageId: 'ts', evidence: [] });
    const totals = big.totals('excluded');
    assert.equal(totals.ownershipRatio, 0.45);
    assert.equal(totals.estimatedAiChars, 1000);
    assert.equal(big.deletedChars, 3);
  });
});
