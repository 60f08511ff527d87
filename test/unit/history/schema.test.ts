import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { generateSampleHistory } from '../../../src/core/history/sampleHistory';
import { buildBackup } from '../../../src/core/history/backupRestore';
import { DEFAULT_ENCODE_LIMITS } from '../../../src/core/history/codec';
import { SCHEMA_VERSION, parseBackup, parseWindowRecord, type ParsedWindowRecord, type ParseResult } from '../../../src/core/history/schema';

function good(): Record<string, unknown> {
  return {
    v: 1, w: 'win1', t: 1_750_000_000_000,
    d: {
      '2025-06-01': { c: [100, 50, 10], e: 20, x: 5, a: [3, 1], m: 42, n: 2, l: { typescript: [80, 50], json: [20, 0, 10] } },
      '2025-06-02': { c: [7] },
      '2025-06-03': { c: [1, 2, 3, 4, 5, 6, 7] },
    },
    s: { '2025-06-02': [{ i: 'abc-win1', b: 1_750_000_000_000, f: 1_750_000_060_000, c: [7], m: 2 }] },
  };
}

function value(result: ParseResult<ParsedWindowRecord>): ParsedWindowRecord {
  assert.ok(result.kind === 'ok' || result.kind === 'repaired', `unexpected ${result.kind}`);
  return result.value;
}

describe('history schema (valibot)', () => {
  it('accepts a valid record as is', () => {
    const result = parseWindowRecord(good());
    assert.equal(result.kind, 'ok');
    const record = value(result);
    assert.deepEqual(record.history.d, good().d);
    assert.deepEqual(record.history.s, good().s);
    assert.equal(record.closed, false);
  });

  it('accepts what the sample generator (the store\'s encoder) writes', () => {
    const { record } = generateSampleHistory({ seed: 3, days: 40 });
    assert.equal(parseWindowRecord(JSON.parse(JSON.stringify(record))).kind, 'ok');
  });

  it('a value of the wrong type is invalid, nothing made up', () => {
    for (const raw of ['oops', [], null, 42, true, undefined]) {
      const result = parseWindowRecord(raw);
      assert.equal(result.kind, 'invalid', JSON.stringify(raw));
    }
  });

  it('a newer schema version (after a downgrade) is reported as future, not repaired', () => {
    const result = parseWindowRecord({ ...good(), v: SCHEMA_VERSION + 1, d: 'whatever the next version stores' });
    assert.deepEqual(result, { kind: 'future', version: SCHEMA_VERSION + 1 });
    assert.equal(parseBackup({ v: SCHEMA_VERSION + 1 }).kind, 'future');
  });

  it('reads version 1 (release 0.1) as it was, and version 2 with its own fields (ab, o, ld) kept', () => {
    assert.equal(SCHEMA_VERSION, 2);
    const v1 = parseWindowRecord(good());
    assert.equal(v1.kind, 'ok');
    assert.deepEqual(value(v1).history.d, good().d);
    const withFields = { c: [10, 0, 30], ab: [20, 4, 6], o: [12, 3, 15], ld: [1, 2, 0] };
    const v2 = { ...good(), v: 2, d: { '2025-06-10': withFields }, s: { '2025-06-10': [{ i: 's1', b: 5, f: 9, ...withFields }] } };
    const parsed = value(parseWindowRecord(JSON.parse(JSON.stringify(v2))));
    assert.deepEqual(parsed.history.d['2025-06-10'], withFields);
    assert.deepEqual(parsed.history.s['2025-06-10'], [{ i: 's1', b: 5, f: 9, ...withFields }]);
    const backup = { v: 2, k: 'ownership-ratio-backup', t: 5, d: v2.d, s: v2.s };
    const restored = parseBackup(backup);
    assert.ok(restored.kind === 'ok', restored.kind);
    assert.deepEqual(restored.value.history.d['2025-06-10'], withFields);
    assert.equal(parseBackup({ ...backup, v: 1 }).kind, 'ok', 'a backup made by release 0.1 can be restored');
  });

  it('everything written carries a version release 0.1 leaves alone, so it never drops fields it does not know', () => {
    // Release 0.1 strips unknown fields when it rewrites; it treats any version above 1 as newer (read-only).
    const release01RewritesIt = (raw: { v: number }): boolean => raw.v <= 1;
    const { record } = generateSampleHistory({ seed: 3, days: 40 });
    assert.equal(release01RewritesIt(record), false);
    assert.equal(release01RewritesIt(buildBackup({ days: new Map(), sessions: new Map() }, 0, DEFAULT_ENCODE_LIMITS, undefined)), false);
  });

  it('one bad day entry is repaired or dropped and logged; the other days stay intact', () => {
    const raw = good();
    const d = raw.d as Record<string, unknown>;
    d['2025-06-04'] = { c: [-5, 10] }; // negative
    d['2025-06-05'] = { c: [null, 3] }; // NaN after a JSON round trip
    d['2025-06-06'] = { c: ['5', 3.5] }; // string count, fraction
    d['2025-06-07'] = 'not a day'; // unreadable
    d['2025-02-30'] = { c: [1] }; // not a date
    d['2025-06-08'] = { c: [1], e: 999 }; // estimated > AI
    d['2025-06-09'] = { c: [1], l: { typescript: [50] } }; // languages exceed chars
    const result = parseWindowRecord(JSON.parse(JSON.stringify(raw)));
    assert.equal(result.kind, 'repaired');
    const { history } = value(result);
    for (const key of ['2025-06-01', '2025-06-02', '2025-06-03']) {
      assert.deepEqual(history.d[key], (good().d as Record<string, unknown>)[key], key);
    }
    assert.deepEqual(history.d['2025-06-04'].c, [0, 10]);
    assert.deepEqual(history.d['2025-06-05'].c, [0, 3]);
    assert.deepEqual(history.d['2025-06-06'].c, [5, 4]);
    assert.equal(history.d['2025-06-07'], undefined);
    assert.equal(history.d['2025-02-30'], undefined);
    assert.equal(history.d['2025-06-08'].e, 0);
    assert.equal(history.d['2025-06-09'].l, undefined);
    const issues = result.kind === 'repaired' ? result.issues.join('\n') : '';
    for (const day of ['2025-06-04', '2025-06-05', '2025-06-06', '2025-06-07', '2025-02-30', '2025-06-08', '2025-06-09']) {
      assert.ok(issues.includes(day), `${day} not reported:\n${issues}`);
    }
    assert.ok(!issues.includes('2025-06-01'));
  });

  it('repairs a session that ends before it starts and drops a session that is not an object', () => {
    const raw = good();
    (raw.s as Record<string, unknown[]>)['2025-06-02'].push({ i: 'x', b: 2000, f: 1000, c: [1] }, 'junk');
    const result = parseWindowRecord(raw);
    assert.equal(result.kind, 'repaired');
    const list = value(result).history.s['2025-06-02'];
    assert.equal(list.length, 2);
    assert.deepEqual([list[1].b, list[1].f], [2000, 2000]);
  });

  it('salvages the days of a record whose envelope is damaged', () => {
    const raw = { ...good(), v: '1', w: 42, t: -1 };
    const result = parseWindowRecord(raw);
    assert.equal(result.kind, 'repaired');
    assert.deepEqual(value(result).history.d, good().d);
  });

  it('ignores __proto__ and other non-date keys without polluting anything', () => {
    const raw = JSON.parse('{"v":1,"w":"w","t":0,"d":{"__proto__":{"c":[1]},"2025-06-01":{"c":[2],"l":{"__proto__":[1],"ts":[1]}}},"s":{}}');
    const result = parseWindowRecord(raw);
    const { history } = value(result);
    assert.deepEqual(Object.keys(history.d), ['2025-06-01']);
    assert.equal(({} as Record<string, unknown>).c, undefined);
  });

  it('validates backups: kind, version and entries', () => {
    const backup = { v: 1, k: 'ownership-ratio-backup', t: 5, d: good().d, s: good().s };
    assert.equal(parseBackup(backup).kind, 'ok');
    assert.equal(parseBackup({ ...backup, k: 'something-else' }).kind, 'invalid');
    assert.equal(parseBackup('{}').kind, 'invalid');
    const damaged = JSON.parse(JSON.stringify(backup));
    damaged.d['2025-06-02'].c = [-1];
    assert.equal(parseBackup(damaged).kind, 'repaired');
  });

  it('never throws, whatever JSON it is given (property)', () => {
    fc.assert(fc.property(fc.jsonValue(), (raw) => {
      parseWindowRecord(raw);
      parseBackup(raw);
      parseWindowRecord({ v: 1, w: 'w', t: 1, d: { '2025-01-01': raw }, s: { '2025-01-01': [raw] } });
    }));
  });

  it('keeps every valid day when random days are damaged (property)', () => {
    const days = good().d as Record<string, unknown>;
    fc.assert(fc.property(fc.jsonValue(), fc.constantFrom(...Object.keys(days)), (junk, victim) => {
      const raw = { ...good(), d: { ...days, [victim]: junk } };
      const result = parseWindowRecord(raw);
      const history = value(result).history;
      for (const [key, day] of Object.entries(days)) {
        if (key !== victim) {
          assert.deepEqual(history.d[key], day);
        }
      }
    }));
  });
});
