import * as assert from 'node:assert/strict';
import { decodeDay, decodeHistory, encodeDay, encodeHistory } from '../../../src/core/history/codec';
import { HistoryStore } from '../../../src/core/history/historyStore';
import { SpanAgg, emptyHistory, mergeHistory } from '../../../src/core/history/model';
import { parseWindowRecord } from '../../../src/core/history/schema';
import { RecentRing } from '../../../src/core/sessions/recentRing';
import { SessionTracker } from '../../../src/core/sessions/sessionTracker';
import { Tally } from '../../../src/core/tally';
import { aiChatNotSplit } from '../../../src/core/terminal/aiChatBy';
import { FakeTime, SpyMemento, attr, utc } from './fakes';

const T0 = Date.UTC(2025, 5, 2, 9);
const TODAY = '2025-06-02';
const chat = (at: number, chars: number) => attr(at, 'aiChat', chars, { evidence: ['exact:chat'] });
const extension = (at: number, chars: number) => attr(at, 'aiChat', chars, { evidence: ['exact:workspaceEdit', 'shape:aiLike'], confidence: 'estimated' });
const terminal = (at: number, chars: number) => attr(at, 'aiChat', chars, { evidence: ['terminal:claude', 'file:unopened'], confidence: 'estimated' });

function tracker(): SessionTracker {
  return new SessionTracker({ tz: utc, idleGapMs: 20 * 60_000, windowTag: 'w' });
}

/** A window record as an earlier version wrote it: aiChat counted, no split. */
function oldRecord(aiChat: number): unknown {
  return { v: 1, w: 'old', t: T0 - 86_400_000, d: { '2025-06-01': { c: [10, 0, aiChat], m: 3, n: 1 } }, s: { '2025-06-01': [{ i: 's-old', b: T0 - 86_400_000, f: T0 - 86_000_000, c: [10, 0, aiChat] }] } };
}

describe('where AI chat and agent work came from (aiChatBy)', () => {
  describe('counting', () => {
    it('the tally counts aiChat characters by source and nothing else', () => {
      const tally = new Tally();
      tally.add(chat(T0, 120));
      tally.add(extension(T0, 40));
      tally.add(terminal(T0, 300));
      tally.add(attr(T0, 'aiInline', 9));
      tally.add(attr(T0, 'typed', 5, { evidence: ['terminal:claude'] }));
      assert.deepEqual(tally.totals('excluded').aiChatBy, { chat: 120, extension: 40, terminal: 300 });
      assert.equal(tally.chars.aiChat, 460);
      tally.remove(extension(T0, 40));
      assert.deepEqual(tally.aiChatBy, { chat: 120, extension: 0, terminal: 300 });
    });

    it('totals hand out a copy: a caller cannot change the counts', () => {
      const tally = new Tally();
      tally.add(chat(T0, 3));
      const totals = tally.totals('excluded');
      (totals.aiChatBy as { chat: number }).chat = 99;
      assert.equal(tally.aiChatBy.chat, 3);
    });

    it('the day and the session split alike, and spans add up by source', () => {
      const t = tracker();
      t.record(chat(T0, 10));
      t.record(terminal(T0 + 1000, 20));
      const day = t.live.days.get(TODAY) as SpanAgg;
      const [session] = t.live.sessions.get(TODAY) ?? [];
      assert.deepEqual(day.aiChatBy, { chat: 10, extension: 0, terminal: 20 });
      assert.deepEqual(session.aiChatBy, { chat: 10, extension: 0, terminal: 20 });
      const sum = new SpanAgg();
      sum.addSpan(day);
      sum.addSpan(day);
      assert.deepEqual(sum.aiChatBy, { chat: 20, extension: 0, terminal: 40 });
    });

    it('the snapshot carries the split for the session and today', async () => {
      const time = new FakeTime(T0);
      const store = new HistoryStore({ memento: new SpyMemento(), calendar: time.calendar(utc), scheduler: time, windowId: 'winA' });
      await store.load();
      store.record(chat(T0, 120));
      store.record(extension(T0 + 10, 40));
      store.record(terminal(T0 + 20, 300));
      const snapshot = store.snapshot();
      assert.deepEqual(snapshot.session.aiChatBy, { chat: 120, extension: 40, terminal: 300 });
      assert.deepEqual(snapshot.today.aiChatBy, { chat: 120, extension: 40, terminal: 300 });
      assert.equal(aiChatNotSplit(snapshot.today.chars.aiChat, snapshot.today.aiChatBy), 0);
      assert.deepEqual(store.rangeTotals(TODAY, TODAY).aiChatBy, { chat: 120, extension: 40, terminal: 300 });
    });

    it('an empty session in the snapshot has an empty split', async () => {
      const time = new FakeTime(T0);
      const store = new HistoryStore({ memento: new SpyMemento(), calendar: time.calendar(utc), scheduler: time, windowId: 'winA' });
      await store.load();
      assert.deepEqual(store.snapshot().session.aiChatBy, { chat: 0, extension: 0, terminal: 0 });
    });
  });

  describe('replace (an action decided otherwise)', () => {
    it('moves the characters between sources, also when the category stays aiChat', () => {
      const t = tracker();
      const first = extension(T0, 50);
      t.record(first);
      assert.equal(t.replace(first, { ...first, evidence: ['terminal:codex'] }), true);
      const day = t.live.days.get(TODAY) as SpanAgg;
      const [session] = t.live.sessions.get(TODAY) ?? [];
      assert.deepEqual(day.aiChatBy, { chat: 0, extension: 0, terminal: 50 });
      assert.deepEqual(session.aiChatBy, { chat: 0, extension: 0, terminal: 50 });
      assert.equal(day.chars.aiChat, 50);
    });

    it('takes the source out when the piece leaves aiChat, and puts it in when it joins', () => {
      const t = tracker();
      const a = terminal(T0, 30);
      const b = attr(T0 + 10, 'tool', 8, { evidence: ['action:oneShot'] });
      t.record(a);
      t.record(b);
      t.replace(a, { ...a, category: 'tool' });
      t.replace(b, { ...b, category: 'aiChat', evidence: ['intent:chatEditing'] });
      const day = t.live.days.get(TODAY) as SpanAgg;
      assert.deepEqual(day.aiChatBy, { chat: 8, extension: 0, terminal: 0 });
      assert.equal(day.chars.aiChat, 8);
      assert.equal(day.chars.tool, 30);
    });

    it('the recent list holds the new verdict with its evidence', () => {
      const ring = new RecentRing<ReturnType<typeof attr>>(4);
      const a = extension(T0, 5);
      ring.push(a);
      const next = { ...a, evidence: ['terminal:aider'] };
      ring.replace(a, next);
      assert.deepEqual(ring.toArray()[0].evidence, ['terminal:aider']);
    });

    it('the history store moves the split, also for pieces queued while history loads, and stores it', async () => {
      const time = new FakeTime(T0);
      const memento = new SpyMemento();
      const store = new HistoryStore({ memento, calendar: time.calendar(utc), scheduler: time, windowId: 'winA' });
      const queued = extension(T0, 5);
      store.record(queued);
      store.replace(queued, { ...queued, evidence: ['terminal:claude'] });
      await store.load();
      const counted = attr(T0 + 10, 'tool', 7);
      store.record(counted);
      store.replace(counted, { ...counted, category: 'aiChat', evidence: ['exact:chat'] });
      assert.deepEqual(store.snapshot().today.aiChatBy, { chat: 7, extension: 0, terminal: 5 });
      assert.equal(await store.flush(), true);
      const stored = parseWindowRecord(memento.get(store.key));
      assert.equal(stored.kind, 'ok');
      if (stored.kind === 'ok') {
        assert.deepEqual(stored.value.history.d[TODAY].ab, [7, 0, 5]);
      }
    });
  });

  describe('storage', () => {
    it('stores the split compactly (key ab, trailing zeros dropped) and reads it back', () => {
      const span = new SpanAgg();
      span.add(chat(T0, 12));
      span.add(extension(T0, 4));
      assert.deepEqual(encodeDay(span, 0).ab, [12, 4]);
      assert.deepEqual(decodeDay(encodeDay(span, 0)).aiChatBy, { chat: 12, extension: 4, terminal: 0 });
      span.add(terminal(T0, 1));
      assert.deepEqual(encodeDay(span, 0).ab, [12, 4, 1]);
    });

    it('writes no ab where there is no AI chat work', () => {
      const span = new SpanAgg();
      span.add(attr(T0, 'typed', 12));
      assert.equal('ab' in encodeDay(span, 0), false);
    });

    it('history written before has no split: none is made up, and saving it again adds none', () => {
      const parsed = parseWindowRecord(oldRecord(80));
      assert.equal(parsed.kind, 'ok');
      if (parsed.kind !== 'ok') {
        return;
      }
      const data = decodeHistory(parsed.value.history);
      const day = data.days.get('2025-06-01') as SpanAgg;
      assert.deepEqual(day.aiChatBy, { chat: 0, extension: 0, terminal: 0 });
      assert.equal(aiChatNotSplit(day.chars.aiChat, day.aiChatBy), 80);
      const again = encodeHistory(data);
      assert.equal('ab' in again.d['2025-06-01'], false);
      assert.equal('ab' in again.s['2025-06-01'][0], false);
    });

    it('a day counted partly before the split keeps the known part and the rest unsplit', () => {
      const parsed = parseWindowRecord(oldRecord(80));
      assert.equal(parsed.kind, 'ok');
      if (parsed.kind !== 'ok') {
        return;
      }
      const merged = emptyHistory();
      mergeHistory(merged, decodeHistory(parsed.value.history));
      const t = tracker();
      t.record(terminal(Date.UTC(2025, 5, 1, 20), 30));
      mergeHistory(merged, t.live);
      const day = merged.days.get('2025-06-01') as SpanAgg;
      assert.equal(day.chars.aiChat, 110);
      assert.deepEqual(day.aiChatBy, { chat: 0, extension: 0, terminal: 30 });
      assert.equal(aiChatNotSplit(day.chars.aiChat, day.aiChatBy), 80);
      const rec = encodeDay(day, 0);
      assert.deepEqual(rec.ab, [0, 0, 30]);
      assert.equal(parseWindowRecord({ v: 1, w: 'w', t: 0, d: { '2025-06-01': rec }, s: {} }).kind, 'ok');
    });

    it('the old store loads into the new one: earlier days stay unsplit, today is split', async () => {
      const time = new FakeTime(T0);
      const memento = new SpyMemento();
      await memento.update('history.w.old', oldRecord(80));
      const store = new HistoryStore({ memento, calendar: time.calendar(utc), scheduler: time, windowId: 'winA' });
      await store.load();
      store.record(chat(T0, 6));
      const [yesterday, today] = store.days('2025-06-01', TODAY);
      assert.deepEqual(yesterday.aiChatBy, { chat: 0, extension: 0, terminal: 0 });
      assert.equal(yesterday.chars.aiChat, 80);
      assert.deepEqual(today.aiChatBy, { chat: 6, extension: 0, terminal: 0 });
      const range = store.rangeTotals('2025-06-01', TODAY);
      assert.equal(aiChatNotSplit(range.chars.aiChat, range.aiChatBy), 80);
    });

    it('the schema refuses a split larger than the aiChat it splits and drops it on repair, keeping the rest', () => {
      const parsed = parseWindowRecord({ v: 1, w: 'w', t: 0, d: { [TODAY]: { c: [5, 0, 10], ab: [8, 0, 8] } }, s: {} });
      assert.equal(parsed.kind, 'repaired');
      if (parsed.kind === 'repaired') {
        assert.deepEqual(parsed.value.history.d[TODAY], { c: [5, 0, 10] });
        assert.match(parsed.issues.join(' '), /d\.2025-06-02: repaired/);
      }
    });

    it('a damaged split is repaired where it can be read and dropped where it cannot', () => {
      const fraction = parseWindowRecord({ v: 1, w: 'w', t: 0, d: { [TODAY]: { c: [0, 0, 10], ab: [2.4, '3', -1, 7] } }, s: {} });
      assert.equal(fraction.kind, 'repaired');
      if (fraction.kind === 'repaired') {
        assert.deepEqual(fraction.value.history.d[TODAY].ab, [2, 3, 0]);
      }
      const garbage = parseWindowRecord({ v: 1, w: 'w', t: 0, d: { [TODAY]: { c: [0, 0, 10], ab: 'x' } }, s: {} });
      assert.equal(garbage.kind, 'repaired');
      if (garbage.kind === 'repaired') {
        assert.deepEqual(garbage.value.history.d[TODAY], { c: [0, 0, 10] });
      }
    });
  });
});
