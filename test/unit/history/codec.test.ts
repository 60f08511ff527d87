import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { CATEGORIES, emptyCounts } from '../../../src/core/categories';
import {
  DEFAULT_ENCODE_LIMITS, boundLanguages, decodeCounts, decodeHistory, encodeCounts, encodeHistory,
} from '../../../src/core/history/codec';
import { parseWindowRecord } from '../../../src/core/history/schema';
import { summarizeDay, summarizeSession } from '../../../src/core/history/snapshot';
import type { HistoryData } from '../../../src/core/history/model';
import { SessionTracker } from '../../../src/core/sessions/sessionTracker';
import { attr, utc } from './fakes';

const LANGS = ['typescript', 'json', 'markdown', 'python', 'rust', 'go'];
/** Evidence of each source of AI chat work (chat, extension, terminal agent). */
const SOURCE_EVIDENCE = [['exact:chat'], ['shape:aiLike'], ['terminal:claude']];

const edit = fc.record({
  gap: fc.integer({ min: 0, max: 3 * 3_600_000 }),
  category: fc.constantFrom(...CATEGORIES),
  chars: fc.nat(5000),
  deleted: fc.nat(300),
  estimated: fc.boolean(),
  lang: fc.integer({ min: 0, max: LANGS.length - 1 }),
  source: fc.integer({ min: 0, max: SOURCE_EVIDENCE.length - 1 }),
});

interface Edit {
  gap: number;
  category: (typeof CATEGORIES)[number];
  chars: number;
  deleted: number;
  estimated: boolean;
  lang: number;
  source: number;
}

function build(edits: readonly Edit[], languages: number): HistoryData {
  const tracker = new SessionTracker({ tz: utc, idleGapMs: 20 * 60_000, windowTag: 'w' });
  let at = Date.UTC(2025, 0, 1, 8);
  for (const e of edits) {
    at += e.gap;
    tracker.record(attr(at, e.category, e.chars, {
      deleted: e.deleted, confidence: e.estimated ? 'estimated' : 'exact', languageId: LANGS[e.lang % languages], evidence: SOURCE_EVIDENCE[e.source],
    }));
  }
  return tracker.live;
}

/** Everything the API can show of a history (plain values). */
function view(data: HistoryData): unknown {
  const days = [...data.days].sort(([a], [b]) => a.localeCompare(b)).map(([day, span]) => summarizeDay(day, span, 'excluded', 10));
  const sessions = [...data.sessions].sort(([a], [b]) => a.localeCompare(b))
    .map(([day, list]) => [day, list.map((s) => summarizeSession(s, utc, 'excluded', 10))]);
  return { days, sessions };
}

/** Only JSON's own types: finite numbers, strings, booleans, null, arrays, plain objects. */
function assertPlainJson(value: unknown, path = '$'): void {
  if (typeof value === 'number') {
    assert.ok(Number.isFinite(value), `${path} is not finite`);
  } else if (Array.isArray(value)) {
    value.forEach((item, i) => assertPlainJson(item, `${path}[${i}]`));
  } else if (typeof value === 'object' && value !== null) {
    assert.equal(Object.getPrototypeOf(value), Object.prototype, `${path} is not a plain object`);
    for (const [k, v] of Object.entries(value)) {
      assert.notEqual(v, undefined, `${path}.${k} is undefined`);
      assertPlainJson(v, `${path}.${k}`);
    }
  } else {
    assert.ok(['string', 'boolean'].includes(typeof value) || value === null, `${path}: ${typeof value}`);
  }
}

describe('history codec', () => {
  it('drops trailing zero counts and reads them back', () => {
    const counts = emptyCounts();
    counts.typed = 3;
    counts.paste = 2;
    assert.deepEqual(encodeCounts(counts), [3, 0, 0, 2]);
    assert.deepEqual(decodeCounts([3, 0, 0, 2]), counts);
    assert.deepEqual(encodeCounts(emptyCounts()), []);
  });

  it('keeps the top languages and sums the rest under "other", totals preserved', () => {
    const languages = new Map(['a', 'b', 'c', 'd'].map((id, i) => {
      const c = emptyCounts();
      c.typed = (i + 1) * 10;
      return [id, c] as const;
    }));
    const bounded = boundLanguages(languages, 2);
    assert.deepEqual([...bounded.keys()], ['d', 'c', 'other']);
    assert.equal(bounded.get('other')?.typed, 30);
  });

  it('load(save(s)) deep-equals s through a JSON round trip (property)', () => {
    fc.assert(fc.property(fc.array(edit, { maxLength: 150 }), (edits) => {
      // Within the stored bounds (≤ 2 languages, the per-session limit) nothing is dropped.
      const data = build(edits, DEFAULT_ENCODE_LIMITS.languagesPerSession);
      const saved = encodeHistory(data);
      assertPlainJson(saved);
      const loaded = decodeHistory(JSON.parse(JSON.stringify(saved)));
      assert.deepEqual(view(loaded), view(data));
    }));
  });

  it('is idempotent beyond the bounds: save(load(save(s))) = save(s), and the stored value validates', () => {
    fc.assert(fc.property(fc.array(edit, { maxLength: 150 }), (edits) => {
      const saved = encodeHistory(build(edits, LANGS.length));
      const again = encodeHistory(decodeHistory(JSON.parse(JSON.stringify(saved))));
      assert.deepEqual(again, saved);
      const parsed = parseWindowRecord({ v: 1, w: 'w', t: 0, ...saved });
      assert.equal(parsed.kind, 'ok', parsed.kind === 'repaired' ? parsed.issues.join('; ') : parsed.kind);
    }));
  });

  it('derives "other" on read from what the listed languages leave of the chars', () => {
    const data = build(LANGS.map((_, i) => ({ gap: 1000, category: 'typed' as const, chars: (i + 1) * 100, deleted: 0, estimated: false, lang: i, source: 0 })), LANGS.length);
    const saved = encodeHistory(data, { languagesPerDay: 2, languagesPerSession: 1 });
    const day = Object.values(saved.d)[0];
    assert.deepEqual(Object.keys(day.l ?? {}), ['go', 'rust']);
    const loaded = decodeHistory(saved);
    const span = [...loaded.days.values()][0];
    assert.equal(span.languages.get('other')?.typed, 100 + 200 + 300 + 400);
    assert.equal(span.languages.get('go')?.typed, 600);
  });

  it('drops per-language detail for days before the cut-off only', () => {
    const tracker = new SessionTracker({ tz: utc, idleGapMs: 20 * 60_000, windowTag: 'w' });
    tracker.record(attr(Date.UTC(2024, 0, 1, 9), 'typed', 5));
    tracker.record(attr(Date.UTC(2025, 0, 1, 9), 'typed', 5));
    const saved = encodeHistory(tracker.live, DEFAULT_ENCODE_LIMITS, '2024-06-01');
    assert.equal(saved.d['2024-01-01'].l, undefined);
    assert.deepEqual(saved.d['2025-01-01'].l, { typescript: [5] });
  });
});
