import * as assert from 'node:assert/strict';
import { Baselines } from '../../../src/core/files/baselines';

describe('Baselines (last known file contents, in memory)', function () {
  it('keeps the most recently used files within count and size bounds', function () {
    const baselines = new Baselines({ maxEntries: 3, maxChars: 10, maxFileChars: 6 });
    baselines.set('a', 'aaa');
    baselines.set('b', 'bbb');
    baselines.set('c', 'ccc');
    assert.equal(baselines.get('a'), 'aaa');
    baselines.set('d', 'ddd');
    assert.equal(baselines.has('b'), false, 'the least recently used goes first');
    assert.equal(baselines.size, 3);
    baselines.set('e', 'eeeeee');
    assert.ok(baselines.totalChars <= 10);
    assert.equal(baselines.get('e'), 'eeeeee');
    baselines.set('big', 'x'.repeat(7));
    assert.equal(baselines.has('big'), false, 'a file above the single-file bound is not kept');
    baselines.set('e', 'e');
    assert.equal(baselines.get('e'), 'e');
    baselines.delete('e');
    baselines.clear();
    assert.equal(baselines.size, 0);
    assert.equal(baselines.totalChars, 0);
  });
});
