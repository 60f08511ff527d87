import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { CATEGORIES, emptyCounts, type CategoryCounts } from '../../../src/core/categories';
import {
  CSV_BOM, DAILY_COLUMNS, SESSION_COLUMNS, collectCsv, csvBytes, csvChunks, dailyCsv, formatRow, formatRows, languagesCell,
  reflectionsCsv, sessionsCsv, type CsvCell, type ReflectionCsvRecord,
} from '../../../src/core/export/csv';
import { HistoryStore } from '../../../src/core/history/historyStore';
import { sampleMemento } from '../../../src/core/history/sampleHistory';
import type { DayReader, DaySummary, SessionSummary } from '../../../src/core/history/snapshot';
import { addDays } from '../../../src/core/sessions/localDay';
import { FakeTime } from '../history/fakes';
import { parseCsv, parseRecords, parseTable } from './rfc4180';

const FORMULA_START = /^[=+\-@\t\r\n\uFF1D\uFF0B\uFF0D\uFF20]/;

/** One text cell as written (a one-cell record without its CRLF). */
function escapeText(value: string, delimiter: ',' | ';' = ','): string {
  return formatRow([value], delimiter).slice(0, -2);
}

/** What a text cell must read back as: NUL and lone surrogates replaced, formula-like text prefixed with `'`. */
function expectedText(value: string): string {
  const clean = value.replace(/\0/g, '\uFFFD').replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
  return FORMULA_START.test(clean) ? `'${clean}` : clean;
}

const SPECIALS = [',', ';', '"', '\r', '\n', '\r\n', '\t', '=', '+', '-', '@', '\0', '\uD800', '\uDC00', '😀', 'é', '中', "'", ' ', 'a', '１', '＝', '\u2028', '\uFEFF'];
/** Text heavy in what breaks CSV: delimiters, quotes, line breaks, formula starts, emoji, lone surrogates, NUL. */
const nastyText = fc.string({ unit: fc.oneof(fc.constantFrom(...SPECIALS), fc.string({ unit: 'binary', minLength: 1, maxLength: 1 })), maxLength: 20 });
const cell: fc.Arbitrary<CsvCell> = fc.oneof(
  nastyText,
  fc.integer({ min: -1e9, max: 1e9 }),
  fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 }),
  fc.constant(null),
);

const noPause = { pause: () => Promise.resolve() };

function counts(values: Partial<CategoryCounts> = {}): CategoryCounts {
  return { ...emptyCounts(), ...values };
}

function day(date: string, values: Partial<DaySummary> = {}): DaySummary {
  return {
    date, chars: counts({ typed: 10, aiInline: 5 }), estimatedAiChars: 2, aiChatBy: { chat: 0, extension: 0, terminal: 0 }, ownershipRatio: 10 / 15, deletedChars: 3,
    accepts: { inline: 1, chat: 0 }, activeMinutes: 4, languages: { typescript: counts({ typed: 10, aiInline: 5 }) }, sessions: 1, ...values,
  };
}

function fakeSource(days: readonly DaySummary[], sessions: readonly SessionSummary[] = []): DayReader {
  const sorted = [...days].sort((a, b) => (a.date < b.date ? -1 : 1));
  return {
    days: (from, to) => sorted.filter((d) => d.date >= from && d.date <= to),
    sessionsOf: (date) => sessions.filter((s) => s.date === date),
    dayRange: () => (sorted.length === 0 ? undefined : { first: sorted[0].date, last: sorted[sorted.length - 1].date }),
  };
}

function num(text: string): number | null {
  return text === '' ? null : Number(text);
}

describe('CSV export', () => {
  describe('cells', () => {
    it('any row of cells parses back to the same values (fast-check)', () => {
      fc.assert(fc.property(fc.array(fc.array(cell, { minLength: 1, maxLength: 6 }), { maxLength: 8 }), fc.constantFrom(',', ';'), (rows, delimiter) => {
        const text = rows.map((row) => formatRow(row, delimiter as ',' | ';')).join('');
        const parsed = parseCsv(text, delimiter);
        assert.equal(parsed.length, rows.length);
        rows.forEach((row, r) => {
          assert.equal(parsed[r].length, row.length);
          row.forEach((value, c) => {
            const back = parsed[r][c];
            if (typeof value === 'number') {
              assert.equal(Number(back), value + 0); // -0 is written as 0
            } else if (value === null) {
              assert.equal(back, '');
            } else {
              assert.equal(back, expectedText(value as string));
            }
          });
        });
      }), { numRuns: 500 });
    });

    it('commas, quotes, CR, LF, CRLF and tabs are quoted with quotes doubled', () => {
      assert.equal(escapeText('a,b'), '"a,b"');
      assert.equal(escapeText('say "hi"'), '"say ""hi"""');
      assert.equal(escapeText('one\r\ntwo'), '"one\r\ntwo"');
      assert.equal(escapeText('one\ntwo'), '"one\ntwo"');
      assert.equal(escapeText('a\tb'), '"a\tb"');
      assert.equal(escapeText('a;b', ';'), '"a;b"');
      assert.equal(escapeText('a;b'), '"a;b"');
      assert.equal(escapeText('a,b', ';'), '"a,b"');
      assert.equal(escapeText(' a'), '" a"');
      assert.equal(escapeText('a\u00A0'), '"a\u00A0"');
      assert.equal(escapeText('plain'), 'plain');
      assert.equal(escapeText(''), '');
    });

    it('a batch of records is written exactly as record by record (fast-check)', () => {
      fc.assert(fc.property(fc.array(fc.array(cell, { maxLength: 6 }), { maxLength: 8 }), fc.constantFrom(',', ';'), (rows, delimiter) => {
        const d = delimiter as ',' | ';';
        assert.equal(formatRows(rows, d), rows.map((row) => formatRow(row, d)).join(''));
      }), { numRuns: 300 });
    });

    it('formula-like text is prefixed with \' and quoted; the result never starts a formula', () => {
      for (const text of ['=1+1', '+1', '-1', '@SUM(A1)', '\t=1', '\r=1', '\n=1', '=HYPERLINK("http://x","y")', '＝1', '-2+3']) {
        const out = escapeText(text);
        assert.ok(out.startsWith('"\''), `${JSON.stringify(text)} → ${JSON.stringify(out)}`);
        assert.equal(parseCsv(out)[0][0], `'${text}`);
      }
      fc.assert(fc.property(nastyText, (text) => {
        const back = parseCsv(formatRow([text]))[0][0];
        assert.ok(!FORMULA_START.test(back), JSON.stringify(back));
      }), { numRuns: 1000 });
    });

    it('every formula start is neutralised in text, but a negative number stays a number', () => {
      assert.equal(
        formatRow(['-1', -1, '+1', '@A1', '=1', '\t1', '\r1', '\n1', '＝1', '＋1', '－1', '＠A1', -0.5]),
        '"\'-1",-1,"\'+1","\'@A1","\'=1","\'\t1","\'\r1","\'\n1","\'＝1","\'＋1","\'－1","\'＠A1",-0.5\r\n',
      );
    });

    it('a formula after a delimiter inside a cell stays inside the quoted cell, for either delimiter', () => {
      const text = 'x,=1;=2';
      for (const delimiter of [',', ';'] as const) {
        const line = formatRow([text, 1], delimiter);
        assert.deepEqual(parseCsv(line, delimiter), [[text, '1']]);
      }
    });

    it('negative numbers and dates stay numeric or ISO, never prefixed', () => {
      assert.equal(formatRow([-5, -0.25, '2025-01-02', '2025-01-02T09:00:00.000+01:00', 0, null, Number.NaN]), '-5,-0.25,2025-01-02,2025-01-02T09:00:00.000+01:00,0,,\r\n');
    });

    it('NUL is neutralised and lone surrogates never throw', () => {
      assert.equal(escapeText('a\0b'), 'a\uFFFDb');
      assert.equal(escapeText('\uD800x\uDC00'), '\uFFFDx\uFFFD');
      assert.equal(escapeText('😀'), '😀');
      fc.assert(fc.property(nastyText, (text) => {
        const out = escapeText(text);
        assert.ok(!out.includes('\0'));
        assert.ok(!/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(out));
        new TextEncoder().encode(out);
      }), { numRuns: 500 });
    });
  });

  describe('files', () => {
    it('an empty history gives a header-only, valid CSV (each kind)', async () => {
      const empty = fakeSource([]);
      const daily = await collectCsv(dailyCsv(empty, noPause));
      assert.equal(daily, `${CSV_BOM}${DAILY_COLUMNS.join(',')}\r\n`);
      assert.deepEqual(parseTable(daily).rows, []);
      assert.equal(await collectCsv(sessionsCsv(empty, { bom: false })), `${SESSION_COLUMNS.join(',')}\r\n`);
      assert.equal(await collectCsv(reflectionsCsv([], { bom: false, tz: () => 60 })), 'date,updated_at\r\n');
    });

    it('AI chat work by source: the three columns at the end, empty for days that were not split', async () => {
      const after = (columns: readonly string[]): string[] => columns.slice(columns.indexOf('languages') + 1, columns.indexOf('languages') + 4);
      assert.deepEqual(after(DAILY_COLUMNS), ['ai_chat_chat', 'ai_chat_extension', 'ai_chat_terminal']);
      assert.deepEqual(after(SESSION_COLUMNS), ['ai_chat_chat', 'ai_chat_extension', 'ai_chat_terminal']);
      const source = fakeSource([
        day('2025-03-01', { chars: counts({ typed: 10, aiChat: 80 }) }),
        day('2025-03-02', { chars: counts({ typed: 10, aiChat: 460 }), aiChatBy: { chat: 120, extension: 40, terminal: 300 } }),
        day('2025-03-03', { chars: counts({ typed: 10, aiChat: 110 }), aiChatBy: { chat: 0, extension: 0, terminal: 30 } }),
        day('2025-03-04', { chars: counts({ typed: 10 }) }),
      ]);
      const records = parseRecords((await collectCsv(dailyCsv(source, noPause))).slice(1));
      const split = records.map((r) => [r.date, r.ai_chat, r.ai_chat_chat, r.ai_chat_extension, r.ai_chat_terminal]);
      assert.deepEqual(split, [
        ['2025-03-01', '80', '', '', ''],
        ['2025-03-02', '460', '120', '40', '300'],
        ['2025-03-03', '110', '0', '0', '30'],
        ['2025-03-04', '0', '0', '0', '0'],
      ]);
    });

    it('sessions CSV: AI chat work by source per session', async () => {
      const session: SessionSummary = {
        ...day('2025-03-02', { chars: counts({ typed: 3, aiChat: 9 }), aiChatBy: { chat: 0, extension: 2, terminal: 7 } }),
        id: 's1', start: '2025-03-02T09:00:00.000+01:00', end: '2025-03-02T09:30:00.000+01:00',
      };
      const source = fakeSource([day('2025-03-02')], [session]);
      const [row] = parseRecords((await collectCsv(sessionsCsv(source, noPause))).slice(1));
      assert.deepEqual([row.ai_chat, row.ai_chat_chat, row.ai_chat_extension, row.ai_chat_terminal], ['9', '0', '2', '7']);
    });

    it('UTF-8 with a BOM by default, none when asked; non-ASCII survives the bytes', async () => {
      const source = fakeSource([day('2025-03-01', { languages: { 'é中😀': counts({ typed: 10 }) } })]);
      const withBom = await csvBytes(dailyCsv(source, noPause));
      assert.deepEqual([...withBom.slice(0, 3)], [0xef, 0xbb, 0xbf]);
      const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(withBom);
      assert.equal(parseRecords(text.slice(1))[0].languages, 'é中😀:10');
      const without = await csvBytes(dailyCsv(source, { ...noPause, bom: false }));
      assert.equal(without[0], 'd'.charCodeAt(0));
    });

    it('with the semicolon delimiter columns are not merged', async () => {
      const source = fakeSource([day('2025-03-01', { ownershipRatio: 0.6667 })]);
      const text = await collectCsv(dailyCsv(source, { ...noPause, delimiter: ';' }));
      const records = parseRecords(text.slice(1), ';');
      assert.equal(records[0].ownership_ratio, '0.6667');
      assert.equal(records[0].typed, '10');
      assert.equal(text.split('\r\n')[0].slice(1), DAILY_COLUMNS.join(';'));
    });

    it('daily CSV: any history round-trips through the CSV (fast-check)', async () => {
      const countsArb = fc.record(Object.fromEntries(CATEGORIES.map((c) => [c, fc.nat(1e7)])) as Record<keyof CategoryCounts, fc.Arbitrary<number>>);
      const dayArb = fc.record({
        offset: fc.nat(3000),
        chars: countsArb,
        estimatedAiChars: fc.nat(1e6),
        deletedChars: fc.nat(1e6),
        inline: fc.nat(1e4),
        chat: fc.nat(1e4),
        activeMinutes: fc.nat(1440),
        sessions: fc.nat(50),
        languages: fc.dictionary(nastyText.filter((t) => t.length > 0), countsArb, { maxKeys: 3 }),
        ratio: fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: null }),
        by: fc.record({ chat: fc.nat(1e6), extension: fc.nat(1e6), terminal: fc.nat(1e6) }),
      });
      await fc.assert(fc.asyncProperty(fc.uniqueArray(dayArb, { selector: (d) => d.offset, maxLength: 20 }), async (generated) => {
        const days = generated.map((g) => day(addDays('2020-01-01', g.offset), {
          chars: g.chars, estimatedAiChars: g.estimatedAiChars, deletedChars: g.deletedChars, accepts: { inline: g.inline, chat: g.chat },
          activeMinutes: g.activeMinutes, sessions: g.sessions, languages: g.languages, ownershipRatio: g.ratio, aiChatBy: g.by,
        }));
        const text = await collectCsv(dailyCsv(fakeSource(days), noPause));
        const records = parseRecords(text.slice(1));
        const sorted = [...days].sort((a, b) => (a.date < b.date ? -1 : 1));
        assert.equal(records.length, sorted.length);
        records.forEach((record, i) => {
          const d = sorted[i];
          assert.equal(record.date, d.date);
          assert.equal(num(record.typed), d.chars.typed);
          assert.equal(num(record.ai_inline), d.chars.aiInline);
          assert.equal(num(record.ai_chat), d.chars.aiChat);
          assert.equal(num(record.paste), d.chars.paste);
          assert.equal(num(record.tool), d.chars.tool);
          assert.equal(num(record.undo_redo), d.chars.undoRedo);
          assert.equal(num(record.external), d.chars.external);
          assert.equal(num(record.deleted), d.deletedChars);
          assert.equal(num(record.estimated_ai_chars), d.estimatedAiChars);
          assert.equal(num(record.accepts_inline), d.accepts.inline);
          assert.equal(num(record.accepts_chat), d.accepts.chat);
          assert.equal(num(record.active_minutes), d.activeMinutes);
          assert.equal(num(record.sessions), d.sessions);
          const ratio = num(record.ownership_ratio);
          assert.ok(d.ownershipRatio === null ? ratio === null : Math.abs((ratio as number) - d.ownershipRatio) <= 0.00005);
          assert.equal(record.languages, expectedText(languagesCell(d.languages)));
          const unsplit = d.chars.aiChat > 0 && d.aiChatBy.chat + d.aiChatBy.extension + d.aiChatBy.terminal === 0;
          assert.equal(num(record.ai_chat_chat), unsplit ? null : d.aiChatBy.chat);
          assert.equal(num(record.ai_chat_extension), unsplit ? null : d.aiChatBy.extension);
          assert.equal(num(record.ai_chat_terminal), unsplit ? null : d.aiChatBy.terminal);
        });
      }), { numRuns: 200 });
    });

    it('reflections CSV: any answers round-trip, ratings stay numeric (fast-check)', async () => {
      const recordArb = fc.record({
        offset: fc.nat(2000),
        ratings: fc.dictionary(fc.constantFrom('energy', 'focus', 'Own Work'), fc.option(fc.integer({ min: 1, max: 5 }), { nil: undefined })),
        answers: fc.dictionary(fc.constantFrom('learned', 'proud', 'next'), fc.option(nastyText, { nil: undefined })),
        updatedAt: fc.option(fc.integer({ min: 0, max: 4e12 }), { nil: undefined }),
      });
      await fc.assert(fc.asyncProperty(fc.uniqueArray(recordArb, { selector: (r) => r.offset, maxLength: 10 }), async (generated) => {
        const records: ReflectionCsvRecord[] = generated.map((g) => ({ date: addDays('2024-01-01', g.offset), ratings: g.ratings, answers: g.answers, updatedAt: g.updatedAt }));
        const text = await collectCsv(reflectionsCsv(records, { ...noPause, tz: () => 60 }));
        const parsed = parseRecords(text.slice(1));
        assert.equal(parsed.length, records.length);
        parsed.forEach((row, i) => {
          const r = records[i];
          assert.equal(row.date, r.date);
          for (const [key, value] of Object.entries(r.ratings)) {
            assert.equal(num(row[`rating_${key.toLowerCase().replace(/[^a-z0-9_]+/g, '_')}`]), value ?? null);
          }
          for (const [key, value] of Object.entries(r.answers)) {
            assert.equal(row[`answer_${key}`], value === undefined ? '' : expectedText(value));
          }
          assert.equal(row.updated_at, r.updatedAt === undefined ? '' : new Date((r.updatedAt as number) + 3_600_000).toISOString().slice(0, -1) + '+01:00');
        });
      }), { numRuns: 200 });
    });

    it('reflections CSV: fixed keys give fixed columns; a key named like __proto__ is just a column', async () => {
      const text = await collectCsv(reflectionsCsv(
        [{ date: '2025-01-01', ratings: { focus: 4 }, answers: { learned: '=cmd|\' /C calc\'!A0' }, updatedAt: '2025-01-01T20:00:00.000+01:00' }],
        { ...noPause, bom: false, tz: () => 60, ratingKeys: ['focus', '__proto__'], answerKeys: ['learned'] },
      ));
      assert.equal(text, 'date,rating_focus,rating___proto__,answer_learned,updated_at\r\n2025-01-01,4,,"\'=cmd|\' /C calc\'!A0",2025-01-01T20:00:00.000+01:00\r\n');
    });
  });

  describe('against the real store', () => {
    const END = '2025-12-31';

    async function sampleStore(days: number) {
      const options = { sessionDetailDays: 30, retentionDays: 0 };
      const memento = sampleMemento({ seed: 7, days, endDay: END, retention: options });
      const time = new FakeTime(Date.UTC(2025, 11, 31, 22));
      const store = new HistoryStore({ memento, calendar: time.calendar(() => 60), scheduler: time, windowId: 'reader' }, options);
      await store.load();
      return store;
    }

    it('the daily and sessions CSVs hold exactly the store\'s figures', async () => {
      const store = await sampleStore(120);
      const range = store.dayRange();
      assert.ok(range);
      const days = store.days(range.first, range.last);
      const daily = parseRecords((await collectCsv(dailyCsv(store, noPause))).slice(1));
      assert.equal(daily.length, days.length);
      daily.forEach((record, i) => {
        assert.equal(record.date, days[i].date);
        assert.equal(num(record.typed), days[i].chars.typed);
        assert.equal(num(record.ai_chat), days[i].chars.aiChat);
        assert.equal(num(record.sessions), days[i].sessions);
      });
      const sessions: SessionSummary[] = [];
      for (let d = range.first; d <= range.last; d = addDays(d, 1)) {
        sessions.push(...store.sessionsOf(d));
      }
      assert.ok(sessions.length > 30);
      const rows = parseRecords((await collectCsv(sessionsCsv(store, noPause))).slice(1));
      assert.deepEqual(rows.map((r) => r.session_id), sessions.map((s) => s.id));
      assert.deepEqual(rows.map((r) => r.start), sessions.map((s) => s.start));
      assert.deepEqual(rows.map((r) => num(r.ai_inline)), sessions.map((s) => s.chars.aiInline));
      assert.ok(rows.every((r) => /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+01:00$/.test(r.end) && Number(r.duration_minutes) >= 0));
    });

    it('a long export is cut into slices that pause for the event loop', async () => {
      let pauses = 0;
      const chunks: string[] = [];
      const rows = function* () {
        for (let i = 0; i < 20_000; i++) {
          const until = i % 1000 === 0 ? Date.now() + 3 : 0;
          while (Date.now() < until) { /* a slow source */ }
          yield [i, 'text', -i] as CsvCell[];
        }
      };
      for await (const chunk of csvChunks(['a', 'b', 'c'], rows(), { sliceMs: 5, pause: () => { pauses++; return Promise.resolve(); } })) {
        chunks.push(chunk);
      }
      assert.ok(pauses >= 5, `pauses: ${pauses}`);
      assert.equal(chunks.length, pauses + 1);
      assert.ok(chunks.every((chunk) => chunk.endsWith('\r\n')));
      assert.equal(parseTable(chunks.join('')).rows.length, 20_000);
    });
  });
});

describe('CSV numbers with a decimal comma (export.decimalSeparator)', function () {
  it('writes fractions with a comma when asked (quoted, as every cell holding a comma), integers and empty cells as they are', function () {
    assert.equal(formatRow([0.6667, 12, null, 'a.b'], ';', ','), '"0,6667";12;;a.b\r\n');
    assert.equal(formatRow([0.6667, 12], ',', ','), '"0,6667",12\r\n');
    assert.equal(formatRow([0.6667, 12], ';'), '0.6667;12\r\n', 'a point by default');
  });

  it('reaches every row of an export through the options', async function () {
    const chunks: string[] = [];
    for await (const chunk of csvChunks(['ratio'], [[0.25]], { delimiter: ';', decimal: ',', bom: false })) {
      chunks.push(chunk);
    }
    assert.equal(chunks.join(''), 'ratio\r\n"0,25"\r\n');
  });
});
