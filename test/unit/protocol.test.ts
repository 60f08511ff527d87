import * as assert from 'node:assert/strict';
import { MAX_MESSAGE_CHARS, parseFromWebview, parseToWebview } from '../../src/protocol';

const save = (patch: Record<string, unknown> = {}) => ({ type: 'saveReflection', date: '2026-03-02', ratings: { energy: 4 }, answers: { proud: 'the parser' }, ...patch });

describe('Webview protocol: a closed set of validated messages both ways', function () {
  it('accepts the closed set of actions', function () {
    assert.deepEqual(parseFromWebview({ type: 'ready' }), { type: 'ready' });
    assert.deepEqual(parseFromWebview({ type: 'ready', range: 'all' }), { type: 'ready', range: 'all' });
    assert.equal(parseFromWebview({ type: 'ready', range: 'forever' }), undefined);
    assert.equal(parseFromWebview({ type: 'refresh' }), undefined, 'the page follows the counts live: no refresh');
    for (const range of ['7', '30', '90', '365', 'all']) {
      assert.deepEqual(parseFromWebview({ type: 'getHistory', range }), { type: 'getHistory', range });
    }
    assert.ok(parseFromWebview({ type: 'getSessions', date: '2026-03-02' }));
    assert.ok(parseFromWebview({ type: 'getReflection', date: '2026-03-02' }));
    assert.deepEqual(parseFromWebview(save()), save());
    assert.ok(parseFromWebview(save({ ratings: { energy: null, boredom: 1, enjoyment: 5 }, answers: {} })));
  });

  it('rejects unknown types, commands and file paths', function () {
    for (const message of [
      { type: 'executeCommand', command: 'workbench.action.terminal.new' },
      { type: 'openFile', path: '/etc/passwd' },
      { type: 'READY' },
      { type: '' },
      { command: 'ready' },
      {},
      null,
      undefined,
      'ready',
      42,
      [],
      [{ type: 'ready' }],
    ]) {
      assert.equal(parseFromWebview(message), undefined, JSON.stringify(message));
    }
  });

  it('takes "This project / All projects" and a project to remove by its key, never a path', function () {
    assert.deepEqual(parseFromWebview({ type: 'ready', range: '7', scope: 'all' }), { type: 'ready', range: '7', scope: 'all' });
    assert.deepEqual(parseFromWebview({ type: 'setScope', scope: 'this' }), { type: 'setScope', scope: 'this' });
    assert.deepEqual(parseFromWebview({ type: 'removeProject', key: '0a1b2c3d' }), { type: 'removeProject', key: '0a1b2c3d' });
    for (const message of [
      { type: 'setScope', scope: 'everything' }, { type: 'setScope' }, { type: 'ready', scope: 'both' },
      { type: 'removeProject', key: '../workspace-index' }, { type: 'removeProject', key: '/etc/passwd' }, { type: 'removeProject', key: '' },
      { type: 'removeProject', key: 'a'.repeat(129) }, { type: 'removeProject', key: 'ok', path: '/x' },
    ]) {
      assert.equal(parseFromWebview(message), undefined, JSON.stringify(message));
    }
  });

  it('rejects missing and extra fields', function () {
    assert.equal(parseFromWebview({ type: 'ready', extra: 1 }), undefined);
    assert.equal(parseFromWebview({ type: 'getHistory' }), undefined);
    assert.equal(parseFromWebview({ type: 'getHistory', range: '14' }), undefined);
    assert.equal(parseFromWebview({ type: 'getHistory', range: 7 }), undefined);
    assert.equal(parseFromWebview({ type: 'getSessions' }), undefined);
    assert.equal(parseFromWebview({ type: 'getSessions', date: '2026-02-30' }), undefined);
    assert.equal(parseFromWebview({ type: 'getSessions', date: '../../etc' }), undefined);
    assert.equal(parseFromWebview(save({ date: undefined })), undefined);
    assert.equal(parseFromWebview({ type: 'saveReflection', date: '2026-03-02', ratings: {} }), undefined);
    assert.equal(parseFromWebview(save({ path: '/tmp/x' })), undefined);
    assert.equal(parseFromWebview(save({ ratings: { energy: 3, mood: 4 } })), undefined);
    assert.equal(parseFromWebview(save({ answers: { html: '<b>' } })), undefined);
  });

  it('rejects ratings that are not whole numbers 1–5', function () {
    for (const rating of ['5', 6, 0, Number.NaN, -1, 3.5, Number.POSITIVE_INFINITY, true, [3], { v: 3 }]) {
      assert.equal(parseFromWebview(save({ ratings: { energy: rating } })), undefined, String(rating));
    }
    for (const rating of [1, 2, 3, 4, 5, null]) {
      assert.ok(parseFromWebview(save({ ratings: { pride: rating } })), String(rating));
    }
  });

  it('rejects a 10 MB text, and answers over the length bound', function () {
    const huge = 'x'.repeat(10 * 1024 * 1024);
    assert.equal(parseFromWebview(save({ answers: { proud: huge } })), undefined);
    assert.equal(parseFromWebview(save({ answers: { proud: 'y'.repeat(2001) } })), undefined);
    assert.ok(parseFromWebview(save({ answers: { proud: 'y'.repeat(2000), hardest: 'z'.repeat(2000), valuable: 'v'.repeat(2000), energySource: 'e'.repeat(2000) } })));
    assert.ok(MAX_MESSAGE_CHARS > 4 * 2000 * 6, 'four answers of escaped characters fit');
  });

  it('rejects __proto__ and constructor keys without polluting prototypes', function () {
    const messages = [
      JSON.parse('{"type":"ready","__proto__":{"polluted":true}}'),
      JSON.parse('{"type":"saveReflection","date":"2026-03-02","ratings":{"__proto__":{"polluted":true}},"answers":{}}'),
      JSON.parse('{"type":"saveReflection","date":"2026-03-02","ratings":{},"answers":{"constructor":"x"}}'),
      JSON.parse('{"__proto__":{"type":"ready"}}'),
    ];
    for (const message of messages) {
      assert.equal(parseFromWebview(message), undefined, JSON.stringify(message));
    }
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
  });

  it('never throws, even on values JSON cannot hold', function () {
    const cyclic: Record<string, unknown> = { type: 'ready' };
    cyclic.self = cyclic;
    assert.equal(parseFromWebview(cyclic), undefined);
    assert.equal(parseFromWebview({ type: 'ready', big: 10n }), undefined);
    const getter = { get type(): string { throw new Error('boom'); } };
    assert.doesNotThrow(() => parseFromWebview(getter));
  });

  it('validates host messages on arrival in the webview too', function () {
    assert.ok(parseToWebview({ type: 'focus', section: 'reflection' }));
    assert.equal(parseToWebview({ type: 'focus', section: 'settings' }), undefined);
    assert.equal(parseToWebview({ type: 'history', history: { range: '7', unit: 'day', days: [{ date: '2026-03-02', typed: Number.NaN, aiInline: 0, aiChat: 0, paste: 0, ratio: null, rolling: null, minutes: 0, sessions: 0 }], languages: [], ratio: null } }), undefined);
    assert.ok(parseToWebview({ type: 'history', history: { range: '7', unit: 'day', days: [], languages: [], ratio: null } }));
    assert.equal(parseToWebview({ type: 'history', history: { range: '7', unit: 'year', days: [], languages: [], ratio: null } }), undefined);
    assert.ok(parseToWebview({ type: 'focus', section: 'dashboard' }));
    assert.equal(parseToWebview({ type: 'init', locale: 'en', strings: {} }), undefined);
  });
});
