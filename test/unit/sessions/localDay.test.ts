import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import {
  addDays, dayIndexFromKey, dayKeyFromIndex, formatLocalIso, isDayKey, localDayKey,
} from '../../../src/core/sessions/localDay';
import { berlin2025 } from '../history/fakes';

describe('localDay', () => {
  it('puts an instant on the local date of the given offset', () => {
    const t = Date.UTC(2025, 0, 1, 23, 30); // 23:30Z
    assert.equal(localDayKey(t, () => 0), '2025-01-01');
    assert.equal(localDayKey(t, () => 60), '2025-01-02');
    assert.equal(localDayKey(t, () => -300), '2025-01-01');
    assert.equal(localDayKey(Date.UTC(2025, 0, 2, 3), () => -300), '2025-01-01');
  });

  it('starts a day exactly at local midnight, on both sides of a DST change', () => {
    // 2025-03-30 (23-hour day in Berlin): midnight is 23:00Z the day before.
    assert.equal(localDayKey(Date.UTC(2025, 2, 29, 22, 59, 59, 999), berlin2025), '2025-03-29');
    assert.equal(localDayKey(Date.UTC(2025, 2, 29, 23), berlin2025), '2025-03-30');
    // It ends at 22:00Z (CEST) — 23 hours later.
    assert.equal(localDayKey(Date.UTC(2025, 2, 30, 21, 59), berlin2025), '2025-03-30');
    assert.equal(localDayKey(Date.UTC(2025, 2, 30, 22), berlin2025), '2025-03-31');
    // 2025-10-26 (25-hour day): from 22:00Z the day before to 23:00Z.
    assert.equal(localDayKey(Date.UTC(2025, 9, 25, 22), berlin2025), '2025-10-26');
    assert.equal(localDayKey(Date.UTC(2025, 9, 26, 22, 59), berlin2025), '2025-10-26');
    assert.equal(localDayKey(Date.UTC(2025, 9, 26, 23), berlin2025), '2025-10-27');
  });

  it('accepts only real calendar dates as day keys', () => {
    assert.ok(isDayKey('2024-02-29'));
    assert.ok(!isDayKey('2025-02-29'));
    assert.ok(!isDayKey('2025-13-01'));
    assert.ok(!isDayKey('2025-1-01'));
    assert.ok(!isDayKey('__proto__'));
  });

  it('adds days across months, years and leap days', () => {
    assert.equal(addDays('2024-02-28', 1), '2024-02-29');
    assert.equal(addDays('2024-12-31', 1), '2025-01-01');
    assert.equal(addDays('2025-03-01', -1), '2025-02-28');
    assert.equal(addDays('2025-06-15', -364), '2024-06-16');
  });

  it('formats ISO 8601 with the local offset', () => {
    const t = Date.UTC(2025, 2, 30, 0, 59);
    assert.equal(formatLocalIso(t, berlin2025), '2025-03-30T01:59:00.000+01:00');
    assert.equal(formatLocalIso(t + 2 * 60_000, berlin2025), '2025-03-30T03:01:00.000+02:00');
    assert.equal(formatLocalIso(t, () => -330), '2025-03-29T19:29:00.000-05:30');
    assert.equal(formatLocalIso(t, () => 345), '2025-03-30T06:44:00.000+05:45');
    assert.equal(new Date(formatLocalIso(t, () => -330)).getTime(), t);
  });

  it('agrees with the UTC date of the shifted instant, and day keys round-trip (property)', () => {
    fc.assert(fc.property(
      fc.integer({ min: 0, max: Date.UTC(2100, 0, 1) }),
      fc.integer({ min: -720, max: 840 }),
      (t, offset) => {
        const key = localDayKey(t, () => offset);
        assert.equal(key, new Date(t + offset * 60_000).toISOString().slice(0, 10));
        assert.ok(isDayKey(key));
        assert.equal(dayKeyFromIndex(dayIndexFromKey(key)), key);
      },
    ));
  });
});
