import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  ACCEPT_INTENT_WINDOW_MS, ACCEPT_KINDS, ANY_DOCUMENT, CHAT_EDITING_KINDS, CLOCK_BACKWARD_RESET_MS,
  INTENT_CLOCK_SLACK_MS, IntentLog, PASTE_KINDS, intentKinds, SAVE_KINDS, SAVE_WINDOW_MS,
} from '../../../src/core/attribution/intents';
import type { Intent, IntentKind } from '../../../src/core/attribution/types';
import { DOC, OTHER_DOC, T0, intent } from './facts';

describe('IntentLog', () => {
  it('finds a recent intent of the asked kinds for the document', () => {
    const log = new IntentLog();
    const accept = intent('inlineAccept', T0);
    log.record(accept);
    assert.equal(log.peek(ACCEPT_KINDS, DOC, T0 + 10, ACCEPT_INTENT_WINDOW_MS), accept);
    assert.equal(log.peek(PASTE_KINDS, DOC, T0 + 10, ACCEPT_INTENT_WINDOW_MS), undefined, 'other kind');
    assert.equal(log.peek(ACCEPT_KINDS, OTHER_DOC, T0 + 10, ACCEPT_INTENT_WINDOW_MS), undefined, 'other document');
  });

  it('honours the window edge: inside at exactly the window, outside one ms later', () => {
    const log = new IntentLog();
    log.record(intent('save', T0));
    assert.ok(log.peek(SAVE_KINDS, DOC, T0 + SAVE_WINDOW_MS, SAVE_WINDOW_MS));
    assert.equal(log.peek(SAVE_KINDS, DOC, T0 + SAVE_WINDOW_MS + 1, SAVE_WINDOW_MS), undefined);
  });

  it('take consumes: one accept explains one edit event', () => {
    const log = new IntentLog();
    log.record(intent('inlineAcceptWord', T0));
    assert.ok(log.take(ACCEPT_KINDS, DOC, T0 + 1, ACCEPT_INTENT_WINDOW_MS));
    assert.equal(log.take(ACCEPT_KINDS, DOC, T0 + 2, ACCEPT_INTENT_WINDOW_MS), undefined);
    assert.equal(log.peek(ACCEPT_KINDS, DOC, T0 + 2, ACCEPT_INTENT_WINDOW_MS), undefined, 'a consumed intent is gone for peek too');
  });

  it('peek does not consume (save and chat windows explain many edits)', () => {
    const log = new IntentLog();
    log.record(intent('save', T0));
    assert.ok(log.peek(SAVE_KINDS, DOC, T0 + 1, SAVE_WINDOW_MS));
    assert.ok(log.peek(SAVE_KINDS, DOC, T0 + 2, SAVE_WINDOW_MS));
  });

  it('returns the most recent matching intent first', () => {
    const log = new IntentLog();
    const older = intent('inlineAccept', T0);
    const newer = intent('inlineAcceptLine', T0 + 100);
    log.record(older);
    log.record(newer);
    assert.equal(log.take(ACCEPT_KINDS, DOC, T0 + 150, ACCEPT_INTENT_WINDOW_MS), newer);
    assert.equal(log.take(ACCEPT_KINDS, DOC, T0 + 150, ACCEPT_INTENT_WINDOW_MS), older);
  });

  it('an intent recorded for every document matches any document', () => {
    const log = new IntentLog();
    log.record(intent('chatEditingActive', T0, ANY_DOCUMENT));
    assert.ok(log.peek(CHAT_EDITING_KINDS, OTHER_DOC, T0 + 5, 3000));
  });

  it('a jump is not an accept: it moves the cursor and edits nothing', () => {
    assert.ok(!ACCEPT_KINDS.includes('inlineJump'));
    const log = new IntentLog();
    log.record(intent('inlineJump', T0));
    assert.equal(log.take(ACCEPT_KINDS, DOC, T0 + 1, ACCEPT_INTENT_WINDOW_MS), undefined);
  });

  it('is bounded: a full ring overwrites the oldest entries', () => {
    const log = new IntentLog(8);
    for (let i = 0; i < 1000; i++) {
      log.record(intent('paste', T0 + i, `file:///doc${i}`));
    }
    assert.equal(log.size, 8);
    assert.equal(log.peek(PASTE_KINDS, 'file:///doc991', T0 + 999, 5000), undefined, 'evicted');
    assert.ok(log.peek(PASTE_KINDS, 'file:///doc992', T0 + 999, 5000), 'kept');
  });

  it('ignores malformed intents without throwing', () => {
    const log = new IntentLog();
    const bad = [
      null, undefined, 42, 'paste', {}, { kind: 'nope', documentKey: DOC, at: T0 },
      { kind: 'paste', documentKey: 7, at: T0 }, { kind: 'paste', documentKey: DOC, at: Number.NaN },
      { kind: 'paste', documentKey: DOC, at: Number.POSITIVE_INFINITY }, { kind: 'paste', documentKey: DOC, at: '1' },
    ];
    for (const value of bad) {
      assert.doesNotThrow(() => log.record(value as unknown as Intent));
    }
    assert.equal(log.size, 0);
    assert.equal(log.peek(PASTE_KINDS, DOC, Number.NaN, 1000), undefined);
  });

  it('clear empties the log', () => {
    const log = new IntentLog();
    log.record(intent('paste', T0));
    log.clear();
    assert.equal(log.size, 0);
    assert.equal(log.peek(PASTE_KINDS, DOC, T0, 1000), undefined);
  });

  describe('the clock moving backwards', () => {
    it('an intent stamped a little after the edit (host stamps after running the command) still matches', () => {
      const log = new IntentLog();
      log.record(intent('inlineAccept', T0 + INTENT_CLOCK_SLACK_MS));
      assert.ok(log.take(ACCEPT_KINDS, DOC, T0, ACCEPT_INTENT_WINDOW_MS));
    });

    it('an intent from the future never explains an earlier edit', () => {
      const log = new IntentLog();
      log.record(intent('inlineAccept', T0 + INTENT_CLOCK_SLACK_MS + 1));
      assert.equal(log.take(ACCEPT_KINDS, DOC, T0, ACCEPT_INTENT_WINDOW_MS), undefined);
    });

    it('after a backward jump, intents "in the future" are dropped and never match later', () => {
      const log = new IntentLog();
      log.record(intent('inlineAccept', T0));
      const jumpedBack = T0 - 3_600_000;
      assert.equal(log.take(ACCEPT_KINDS, DOC, jumpedBack, ACCEPT_INTENT_WINDOW_MS), undefined);
      assert.equal(log.size, 0, 'cleared');
      // An hour later (wall clock back at the old stamp), the old intent must not come back to life.
      assert.equal(log.take(ACCEPT_KINDS, DOC, T0 + 10, ACCEPT_INTENT_WINDOW_MS), undefined);
    });

    it('recording after a backward jump also drops future intents', () => {
      const log = new IntentLog();
      log.record(intent('save', T0));
      log.record(intent('paste', T0 - CLOCK_BACKWARD_RESET_MS - 1));
      assert.equal(log.size, 1);
      assert.ok(log.peek(PASTE_KINDS, DOC, T0 - CLOCK_BACKWARD_RESET_MS, 1000));
      assert.equal(log.peek(SAVE_KINDS, DOC, T0 + 1, SAVE_WINDOW_MS), undefined);
    });

    it('works again normally after the jump', () => {
      const log = new IntentLog();
      log.record(intent('paste', T0));
      log.peek(PASTE_KINDS, DOC, T0 - 10 * CLOCK_BACKWARD_RESET_MS, 1000);
      log.record(intent('paste', T0 - 9_000));
      assert.ok(log.take(PASTE_KINDS, DOC, T0 - 8_900, 1000));
    });
  });

  it('noneWithin: an intent of the kinds, of any document, within the window; cursor moves of others do not count', () => {
    const log = new IntentLog();
    log.record(intent('cursorMoved', T0 + 50));
    log.record(intent('paste', T0, OTHER_DOC));
    assert.equal(log.noneWithin(PASTE_KINDS, T0 + 100, 3000), false);
    assert.equal(log.noneWithin(SAVE_KINDS, T0 + 100, 3000), true, 'other kinds');
    assert.equal(log.noneWithin(intentKinds('save', 'paste'), T0 + 100, 3000), false, 'one of several kinds');
    assert.equal(log.noneWithin(PASTE_KINDS, T0 + 3000, 3000), false, 'at the window edge');
    assert.equal(log.noneWithin(PASTE_KINDS, T0 + 3001, 3000), true, 'past it');
  });

  it('noneWithin answers true only when no take or peek of those kinds with a window as long finds anything', () => {
    const kinds: IntentKind[] = ['cursorMoved', 'paste', 'save', 'inlineAccept'];
    const op = fc.record({ record: fc.boolean(), kind: fc.constantFrom(...kinds), other: fc.boolean(), step: fc.integer({ min: -1500, max: 400 }), take: fc.boolean(), window: fc.constantFrom(100, 1500, 3000) });
    fc.assert(fc.property(fc.array(op, { maxLength: 120 }), (ops) => {
      const log = new IntentLog(8);
      let now = T0;
      for (const o of ops) {
        now += o.step;
        const doc = o.other ? OTHER_DOC : DOC;
        if (o.record) {
          log.record(intent(o.kind, now, doc));
          continue;
        }
        const none = log.noneWithin([o.kind, 'save'], now, 3000);
        const found = o.take ? log.take([o.kind], doc, now, o.window) : log.peek([o.kind], doc, now, o.window);
        assert.ok(!none || found === undefined, `${o.kind} found in ${o.window} ms although none within 3000 ms`);
      }
    }), { numRuns: 500 });
  });

  it('answers every query as a scan of the whole log would (a log full of cursor moves, rarer kinds asked for)', () => {
    // The reference: the newest `capacity` intents, newest first, each looked at.
    const kinds: IntentKind[] = ['cursorMoved', 'paste', 'save', 'inlineAccept'];
    const op = fc.record({ record: fc.boolean(), kind: fc.constantFrom(...kinds), other: fc.boolean(), step: fc.integer({ min: -30, max: 400 }), take: fc.boolean(), window: fc.constantFrom(100, 1500, 3000) });
    fc.assert(fc.property(fc.array(op, { maxLength: 120 }), (ops) => {
      const log = new IntentLog(8);
      let held: { intent: Intent; consumed: boolean }[] = [];
      let latest = Number.NEGATIVE_INFINITY;
      let now = T0;
      const seen = (at: number): void => {
        if (at < latest - CLOCK_BACKWARD_RESET_MS) {
          held = [];
          latest = at;
        } else {
          latest = Math.max(latest, at);
        }
      };
      for (const o of ops) {
        now += o.step;
        const doc = o.other ? OTHER_DOC : DOC;
        if (o.record) {
          const recorded = intent(o.kind, now, doc);
          log.record(recorded);
          seen(now);
          held = [{ intent: recorded, consumed: false }, ...held].slice(0, 8);
          continue;
        }
        seen(now);
        const expected = held.find(({ intent: i, consumed }) => !consumed && i.kind === o.kind && i.documentKey === doc
          && now - i.at >= -INTENT_CLOCK_SLACK_MS && now - i.at <= o.window);
        const found = o.take ? log.take([o.kind], doc, now, o.window) : log.peek([o.kind], doc, now, o.window);
        assert.equal(found, expected?.intent);
        if (o.take && expected !== undefined) {
          expected.consumed = true;
        }
        const near = held.some(({ intent: i }) => i.kind === o.kind && i.documentKey === doc && Math.abs(i.at - now) <= o.window);
        assert.equal(log.hasNear([o.kind], doc, now, o.window), near);
      }
    }), { numRuns: 500 });
  });
});
