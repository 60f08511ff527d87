import * as assert from 'node:assert/strict';
import { InMemoryMemento, type QuarantineEntry } from '../../../src/core/history/ports';
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

  it('never overwrites a value from a newer version', async function () {
    const { memento, store } = setup();
    await memento.update(REFLECTIONS_KEY, { v: 2, e: {} });
    assert.equal(store.writable, false);
    await assert.rejects(store.save('2026-03-02', { ratings: { energy: 3 } }));
    assert.deepEqual(memento.get(REFLECTIONS_KEY), { v: 2, e: {} });
    assert.deepEqual(await store.restore({ v: 1, e: { '2026-03-01': { ratings: { energy: 2 } } } }), { ok: false, reason: 'readOnly' });
    assert.deepEqual(memento.get(REFLECTIONS_KEY), { v: 2, e: {} });
  });

  it('sets a value it cannot read aside, with the reason, before writing in its place', async function () {
    const { memento, store } = setup();
    const put: QuarantineEntry[] = [];
    const guarded = new ReflectionStore(memento, { now: () => 5 }, { quarantine: { put: (entry) => { put.push(entry); return Promise.resolve(); } } });
    await memento.update(REFLECTIONS_KEY, 'garbage');
    await guarded.save('2026-03-02', { ratings: { energy: 3 } });
    assert.deepEqual(put.map(({ key, raw, issues }) => ({ key, raw, issues })), [{ key: REFLECTIONS_KEY, raw: 'garbage', issues: ['expected an object, got string'] }]);
    assert.deepEqual(store.get('2026-03-02')?.ratings, { energy: 3 });
  });

  it('leaves a value it cannot read untouched when it cannot be set aside', async function () {
    const { memento } = setup();
    const failing = new ReflectionStore(memento, { now: () => 5 }, { quarantine: { put: () => Promise.reject(new Error('disk full')) } });
    await memento.update(REFLECTIONS_KEY, [1, 2]);
    await assert.rejects(failing.save('2026-03-02', { ratings: { energy: 3 } }));
    assert.deepEqual(memento.get(REFLECTIONS_KEY), [1, 2]);
  });

  it('keeps an out-of-range field as it was, ignores it on read, and never erases the text beside it', async function () {
    const { memento, store } = setup();
    // A rating of 9 (a newer version's scale, or a damaged write) next to the user's own words.
    const stored = { date: '2026-03-02', ratings: { energy: 9, meaning: 4 }, answers: { proud: 'the parser, mine', hardest: 42 }, updated: 7, note: 'from a newer version' };
    await memento.update(REFLECTIONS_KEY, { v: 1, e: { '2026-03-02': stored, '2026-03-03': { ratings: { pride: 3.5 }, answers: { valuable: 'pairing' } } } });
    assert.deepEqual(store.get('2026-03-02'), { date: '2026-03-02', ratings: { meaning: 4 }, answers: { proud: 'the parser, mine' }, updated: 7 });
    assert.deepEqual(store.get('2026-03-03')?.answers, { valuable: 'pairing' });
    await store.save('2026-03-02', { ratings: { challenge: 2 } });
    await store.save('2026-03-04', { ratings: { challenge: 5 } });
    const after = memento.get(REFLECTIONS_KEY) as { e: Record<string, Record<string, unknown>> };
    assert.deepEqual(after.e['2026-03-02'].ratings, { energy: 9, meaning: 4, challenge: 2 });
    assert.deepEqual(after.e['2026-03-02'].answers, { proud: 'the parser, mine', hardest: 42 });
    assert.equal(after.e['2026-03-02'].note, 'from a newer version');
    assert.deepEqual(after.e['2026-03-03'], { ratings: { pride: 3.5 }, answers: { valuable: 'pairing' } });
    // Clearing every readable field keeps the entry while a field it could not read remains.
    await store.save('2026-03-02', { ratings: { meaning: null, challenge: null }, answers: { proud: '' } });
    assert.deepEqual((memento.get(REFLECTIONS_KEY) as { e: Record<string, Record<string, unknown>> }).e['2026-03-02'].ratings, { energy: 9 });
  });

  it('sets an unreadable entry aside with its reason and keeps every other day', async function () {
    const { memento } = setup();
    const put: QuarantineEntry[] = [];
    const store = new ReflectionStore(memento, { now: () => 5 }, { quarantine: { put: (entry) => { put.push(entry); return Promise.resolve(); } } });
    await memento.update(REFLECTIONS_KEY, { v: 1, e: { '2026-03-01': 'truncated', 'not-a-day': { ratings: {} }, '2026-03-02': { ratings: { energy: 4 }, answers: {} } } });
    assert.deepEqual(store.dates(), ['2026-03-02']);
    await store.save('2026-03-03', { ratings: { energy: 1 } });
    assert.deepEqual(put.map(({ key, issues }) => [key, issues[0]]), [
      [`${REFLECTIONS_KEY}.2026-03-01`, 'expected an object, got string'],
      [`${REFLECTIONS_KEY}.not-a-day`, 'not under a calendar day'],
    ]);
    assert.deepEqual(store.dates(), ['2026-03-03', '2026-03-02']);
  });

  it('keeps an unreadable entry in place when it cannot be set aside', async function () {
    const { memento } = setup();
    const store = new ReflectionStore(memento, { now: () => 5 }, { quarantine: { put: () => Promise.reject(new Error('read-only')) } });
    await memento.update(REFLECTIONS_KEY, { v: 1, e: { '2026-03-01': 'truncated' } });
    await store.save('2026-03-03', { ratings: { energy: 1 } });
    assert.equal((memento.get(REFLECTIONS_KEY) as { e: Record<string, unknown> }).e['2026-03-01'], 'truncated');
    await assert.rejects(store.save('2026-03-01', { ratings: { energy: 1 } }));
  });

  it('without a quarantine folder keeps what it cannot read under a quarantine key', async function () {
    const { memento, store } = setup();
    await memento.update(REFLECTIONS_KEY, { v: 1, e: { '2026-03-01': null } });
    await store.save('2026-03-03', { ratings: { energy: 1 } });
    const kept = memento.keys().filter((key) => key.startsWith('quarantine.'));
    assert.equal(kept.length, 1);
    assert.equal(memento.get(kept[0]), null);
  });

  it('exports the stored value whole and restores a backup by day, without duplicates', async function () {
    const { memento, store } = setup();
    await store.save('2026-03-01', { ratings: { energy: 2 }, answers: { proud: 'mine' } });
    const backup = store.exportValue();
    await store.save('2026-03-02', { ratings: { energy: 3 } });
    const other = setup();
    await other.store.save('2026-03-01', { ratings: { energy: 5 } });
    await other.store.save('2026-02-28', { answers: { hardest: 'the merge' } });
    const otherBackup = other.store.exportValue();
    assert.deepEqual(await store.restore(backup), { ok: true, days: 0, sameDays: 1, keptDays: 0 });
    assert.deepEqual(await store.restore(otherBackup), { ok: true, days: 1, sameDays: 0, keptDays: 1 });
    assert.deepEqual(await store.restore(otherBackup), { ok: true, days: 0, sameDays: 1, keptDays: 1 });
    assert.deepEqual(store.dates(), ['2026-03-02', '2026-03-01', '2026-02-28']);
    assert.deepEqual(store.get('2026-03-01')?.ratings, { energy: 2 });
    assert.equal(store.get('2026-02-28')?.answers.hardest, 'the merge');
    assert.deepEqual(await store.restore('nope'), { ok: false, reason: 'invalid' });
    assert.deepEqual(await store.restore({ v: 9, e: {} }), { ok: false, reason: 'futureVersion' });
    assert.equal(Object.keys((memento.get(REFLECTIONS_KEY) as { e: object }).e).length, 3);
  });

  it('reads each entry field by field and reports what it ignores', function () {
    const parsed = parseStoredReflections({
      v: 1,
      e: {
        '2026-03-01': { date: '2026-03-01', ratings: { energy: 4 }, answers: {}, updated: 1 },
        '2026-03-02': { date: '2026-03-02', ratings: { energy: 9 }, answers: { proud: 'kept' }, updated: 1 },
        '2026-03-03': { date: '2026-03-04', ratings: {}, answers: {}, updated: 'x' },
        'not-a-day': { date: 'not-a-day', ratings: {}, answers: {}, updated: 1 },
      },
    });
    assert.equal(parsed.kind, 'ok');
    if (parsed.kind === 'ok') {
      assert.deepEqual([...parsed.entries.keys()], ['2026-03-01', '2026-03-02', '2026-03-03']);
      assert.deepEqual(parsed.entries.get('2026-03-02')?.answers, { proud: 'kept' });
      assert.equal(parsed.entries.get('2026-03-03')?.date, '2026-03-03');
      assert.deepEqual(parsed.ignored, ['2026-03-02.ratings.energy']);
      assert.deepEqual(parsed.unreadable.map((u) => u.key), ['not-a-day']);
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
