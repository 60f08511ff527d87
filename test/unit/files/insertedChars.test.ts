import * as assert from 'node:assert/strict';
import { countInserted } from '../../../src/core/files/insertedChars';

describe('Inserted characters of a file write', function () {
  it('counts a created file whole, in code points with CRLF as one', function () {
    assert.deepEqual(countInserted(undefined, 'ab\r\ncd\n😀'), { inserted: 7, deleted: 0, method: 'created' });
  });

  it('counts only what changed: added lines, and the new characters of an edited line', function () {
    const before = 'const a = 1;\nconst b = 2;\n';
    assert.equal(countInserted(before, before).inserted, 0);
    assert.deepEqual(countInserted(before, `${before}const c = 3;\n`), { inserted: 13, deleted: 0, method: 'diff' });
    assert.deepEqual(countInserted(before, 'const a = 10;\nconst b = 2;\n'), { inserted: 1, deleted: 0, method: 'diff' });
    assert.deepEqual(countInserted(before, 'const b = 2;\n'), { inserted: 0, deleted: 13, method: 'diff' });
    const middle = countInserted('a\nb\nc\n', 'a\nnew line\nb\nc\n');
    assert.equal(middle.inserted, 'new line\n'.length);
  });

  it('does not count line-ending changes as work', function () {
    const lf = 'one\ntwo\nthree\n';
    assert.equal(countInserted(lf, lf.replace(/\n/g, '\r\n')).inserted, 0);
    assert.equal(countInserted(lf.replace(/\n/g, '\r\n'), 'one\r\ntwo\r\nthree\r\nfour\r\n').inserted, 5);
  });

  it('stays bounded on a big, wholly rewritten file: sizes compared when the diff gives up', function () {
    const before = Array.from({ length: 20_000 }, (_, i) => `line ${i} ${(i * 7919) % 1000}`).join('\n');
    const after = Array.from({ length: 20_000 }, (_, i) => `row ${(i * 104729) % 20000} other`).join('\n');
    const started = process.hrtime.bigint();
    const result = countInserted(before, after, { timeoutMs: 5, maxCharDiff: 20_000 });
    const elapsedMs = Number(process.hrtime.bigint() - started) / 1e6;
    assert.equal(result.method, 'bounded');
    assert.equal(result.inserted, Math.max(0, after.length - before.length));
    // A generous ceiling only against a hang; the speed budget is checked in the bench.
    assert.ok(elapsedMs < 5_000, `${elapsedMs} ms`);
  });
});
