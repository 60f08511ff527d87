import * as assert from 'node:assert/strict';
import { InMemoryMemento } from '../../../src/core/history/ports';
import { isEmptyEntry, MAX_ANSWER_LENGTH } from '../../../src/core/reflection/model';
import { parseStoredReflections } from '../../../src/core/reflection/schema';
import { REFLECTIONS_KEY, ReflectionStore } from '../../../src/core/reflection/store';

function setup() {
  const memento = new InMemoryMemento();
  let now = 1_000;
  const store = new ReflectionStore(memento, { now: () => now });
  return { memento, store, tick: () => (now += 1_000) };
}

describe('Reflection store', function () {
  it('saves ratings and answers per day under its own key, editable as the user goes', async function () {
    const { memento, store, tick } = setup();
    await store.save('2026-03-02', { ratings: { energy: 4 } });
    tick();
    await store.save('2026-03-02', { ratings: { boredom: 2 }, answers: { proud: 'the parser, mine' } });
    const entry = store.get('2026-03-02');
    assert.deepEqual(entry?.ratings, { energy: 4, boredom: 2 });
    assert.deepEqual(entry?.answers, { proud: 'the parser, mine' });
    assert.equal(entry?.updated, 2_000);
    assert.deepEqual(memento.keys(), [REFLECTIONS_KEY]);
  });

  it('clears a rating with null and an answer with an empty text; an empty day is removed', async function () {
    const { memento, store } = setup();
    await store.save('2026-03-02', { ratings: { energy: 4 }, answers: { hardest: 'x' } });
    await store.save('2026-03-02', { ratings: { energy: null }, answers: { hardest: '  ' } });
    assert.equal(store.get('2026-03-02'), undefined);
    assert.equal(memento.get(REFLECTIONS_KEY), undefined);
  });

  it('keeps past entries browsable, newest first', async function () {
    const { store } = setup();
    await store.save('2026-03-01', { ratings: { meaning: 3 } });
    await store.save('2026-03-03', { ratings: { meaning: 5 } });
    await store.save('2026-02-27', { answers: { valuable: 'pairing' } });
    assert.deepEqual(store.dates(), ['2026-03-03', '2026-03-01', '2026-02-27']);
    assert.deepEqual(store.all().map((entry) => entry.date), ['2026-02-27', '2026-03-01', '2026-03-03']);
  });

  it('ignores invalid ratings and bounds answers', async function () {
    const { store } = setup();
    await store.save('2026-03-02', { ratings: { energy: 6, pride: 3.5, autonomy: Number.NaN, challenge: 2 }, answers: { proud: 'p'.repeat(MAX_ANSWER_LENGTH + 50) } });
    const entry = store.get('2026-03-02');
    assert.deepEqual(entry?.ratings, { challenge: 2 });
    assert.equal(entry?.answers.proud?.length, MAX_ANSWER_LENGTH);
  });

  it('keeps text exactly as written (no HTML handling here: the page renders it as text)', async function () {
    const { store } = setup();
    const text = '<img src=x onerror=alert(1)></script><!-- ${x} \u2028\u2029';
    await store.save('2026-03-02', { answers: { energySource: text } });
    assert.equal(store.get('2026-03-02')?.answers.energySource, text);
  });

  it('serialises concurrent saves so none is lost', async function () {
    const { store } = setup();
    await Promise.all([
      store.save('2026-03-02', { ratings: { energy: 1 } }),
      store.save('2026-03-02', { ratings: { meaning: 2 } }),
      store.save('2026-03-03', { ratings: { pride: 3 } }),
    ]);
    assert.deepEqual(store.get('2026-03-02')?.ratings, { energy: 1, meaning: 2 });
    assert.deepEqual(store.get('2026-03-03')?.ratings, { pride: 3 });
  });

  it('never overwrites a value from a newer version or a damaged one', async function () {
    const { memento, store } = setup();
    await memento.update(REFLECTIONS_KEY, { v: 2, e: {} });
    assert.equal(store.writable, false);
    await assert.rejects(store.save('2026-03-02', { ratings: { energy: 3 } }));
    assert.deepEqual(memento.get(REFLECTIONS_KEY), { v: 2, e: {} });
    await memento.update(REFLECTIONS_KEY, 'garbage');
    await assert.rejects(store.save('2026-03-02', { ratings: { energy: 3 } }));
    assert.equal(memento.get(REFLECTIONS_KEY), 'garbage');
  });

  it('drops damaged entries on read and keeps the valid ones', function () {
    const parsed = parseStoredReflections({
      v: 1,
      e: {
        '2026-03-01': { date: '2026-03-01', ratings: { energy: 4 }, answers: {}, updated: 1 },
        '2026-03-02': { date: '2026-03-02', ratings: { energy: 9 }, answers: {}, updated: 1 },
        '2026-03-03': { date: '2026-03-04', ratings: {}, answers: {}, updated: 1 },
        'not-a-day': { date: 'not-a-day', ratings: {}, answers: {}, updated: 1 },
      },
    });
    assert.equal(parsed.kind, 'ok');
    if (parsed.kind === 'ok') {
      assert.deepEqual([...parsed.entries.keys()], ['2026-03-01']);
      assert.equal(parsed.dropped, 3);
    }
    assert.equal(parseStoredReflections(undefined).kind, 'empty');
    assert.equal(parseStoredReflections([]).kind, 'invalid');
    assert.deepEqual(parseStoredReflections({ v: 3 }), { kind: 'future', version: 3 });
  });

  it('knows an empty entry', function () {
    assert.ok(isEmptyEntry({ ratings: {}, answers: { proud: ' ' } }));
    assert.ok(!isEmptyEntry({ ratings: { boredom: 1 }, answers: {} }));
  });
});
