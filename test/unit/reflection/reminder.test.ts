import * as assert from 'node:assert/strict';
import { afterLater, afterShown, decideReminder, dueAt, parseReminderTime, SNOOZE_MS } from '../../../src/core/reflection/reminder';
import type { TzOffset } from '../../../src/core/sessions/localDay';

const cet: TzOffset = () => 60;
/** Amsterdam around the 2026 spring change (29 March, 01:00 UTC). */
const amsterdam: TzOffset = (ms) => (ms >= Date.UTC(2026, 2, 29, 1) ? 120 : 60);
const at = (iso: string) => Date.parse(iso);
const on = { enabled: true, time: '17:30' };
const active = { hasActivity: true, reflected: false };

describe('Reflection reminder scheduling', function () {
  it('parses HH:MM and falls back to 17:30 when the setting is invalid', function () {
    assert.equal(parseReminderTime('17:30'), 17 * 60 + 30);
    assert.equal(parseReminderTime('9:05'), 9 * 60 + 5);
    for (const bad of ['24:00', '12:60', '1730', '', 'noon', '-1:00']) {
      assert.equal(parseReminderTime(bad), undefined, bad);
    }
    assert.equal(dueAt('2026-03-02', 'nonsense', cet), at('2026-03-02T16:30:00Z'));
  });

  it('waits until the set local time, then reminds once', function () {
    const before = decideReminder(at('2026-03-02T12:00:00Z'), cet, on, {}, active);
    assert.deepEqual(before, { action: 'wait', until: at('2026-03-02T16:30:00Z') });
    const due = decideReminder(at('2026-03-02T16:30:00Z'), cet, on, {}, active);
    assert.deepEqual(due, { action: 'remind', day: '2026-03-02' });
    const shown = afterShown({}, '2026-03-02');
    assert.deepEqual(decideReminder(at('2026-03-02T18:00:00Z'), cet, on, shown, active), { action: 'wait', until: at('2026-03-03T16:30:00Z') });
  });

  it('reminds only on days with activity, and looks again later that day', function () {
    const now = at('2026-03-02T17:00:00Z');
    const decision = decideReminder(now, cet, on, {}, { hasActivity: false, reflected: false });
    assert.deepEqual(decision, { action: 'wait', until: now + 15 * 60_000 });
  });

  it('does not remind when today is reflected already, or when turned off', function () {
    assert.deepEqual(decideReminder(at('2026-03-02T17:00:00Z'), cet, on, {}, { hasActivity: true, reflected: true }), { action: 'wait', until: at('2026-03-03T16:30:00Z') });
    assert.deepEqual(decideReminder(at('2026-03-02T17:00:00Z'), cet, { enabled: false, time: '17:30' }, {}, active), { action: 'off' });
  });

  it('"Later" asks again after an hour, the same day only', function () {
    const now = at('2026-03-02T16:31:00Z');
    const later = afterLater(afterShown({}, '2026-03-02'), now);
    assert.deepEqual(decideReminder(now + 60_000, cet, on, later, active), { action: 'wait', until: now + SNOOZE_MS });
    assert.deepEqual(decideReminder(now + SNOOZE_MS, cet, on, later, active), { action: 'remind', day: '2026-03-02' });
    // A snooze from yesterday does not carry over.
    assert.deepEqual(decideReminder(at('2026-03-03T10:00:00Z'), cet, on, later, active), { action: 'wait', until: at('2026-03-03T16:30:00Z') });
  });

  it('keeps the local time across a DST change', function () {
    assert.equal(dueAt('2026-03-28', '17:30', amsterdam), at('2026-03-28T16:30:00Z'));
    assert.equal(dueAt('2026-03-29', '17:30', amsterdam), at('2026-03-29T15:30:00Z'));
  });

  it('a clock that jumps back never schedules in the past', function () {
    const state = afterShown({}, '2026-03-02');
    const decision = decideReminder(at('2026-03-02T08:00:00Z'), cet, on, state, active);
    assert.equal(decision.action, 'wait');
    assert.ok(decision.action === 'wait' && decision.until > at('2026-03-02T08:00:00Z'));
  });
});
