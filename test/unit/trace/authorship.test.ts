import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import type { Attribution } from '../../../src/core/attribution/types';
import type { Category } from '../../../src/core/categories';
import { Authorship } from '../../../src/core/trace/authorship';
import { lineContributors, rangesByContributor } from '../../../src/core/trace/lines';
import { countCodePoints } from '../../../src/core/text';

const T0 = Date.UTC(2026, 11, 2, 9, 0, 0);
const KEY = 'file:///repo/a.ts';

/** A document as text, edited like the editor does, each change fed to the tracker with its classification. */
class Doc {
  text: string;
  now = T0;
  readonly authorship = new Authorship();

  constructor(text = '') {
    this.text = text;
  }

  edit(category: Category, offset: number, removed: number, text: string, options: { action?: boolean; deleted?: number } = {}): Attribution {
    this.text = this.text.slice(0, offset) + text + this.text.slice(offset + removed);
    const attribution: Attribution = {
      at: this.now, category, confidence: 'exact', chars: countCodePoints(text), deleted: options.deleted ?? removed, languageId: 'typescript',
      evidence: options.action ? ['action:streamed'] : [],
    };
    this.authorship.observe(KEY, { rangeOffset: offset, rangeLength: removed, text }, attribution, options.action ?? false);
    return attribution;
  }

  type(offset: number, text: string): void {
    for (let i = 0; i < text.length; i++) {
      this.edit('typed', offset + i, 0, text[i]);
    }
  }

  lines(): string[] {
    return lineContributors(this.text, this.authorship.spans(KEY));
  }
}

describe('Authorship: who wrote which lines of an open document', function () {
  it('keeps typed and AI text apart, shifted by later edits', function () {
    const doc = new Doc();
    doc.type(0, 'const a = 1;\n');
    doc.edit('aiInline', doc.text.length, 0, 'const b = 2;\nconst c = 3;\n');
    doc.type(0, '// top\n');
    assert.deepEqual(doc.lines(), ['human', 'human', 'ai', 'ai', 'unknown']);
    assert.deepEqual(doc.authorship.spans(KEY).map((s) => [s.start, s.end, s.author]), [[0, 20, 'human'], [20, 46, 'ai']]);
  });

  it('a line with your characters and the AI’s is mixed; typing over all of an AI line makes it yours', function () {
    const doc = new Doc();
    doc.edit('aiChat', 0, 0, 'let total = price * count;\nlet name = "x";\n');
    doc.type(doc.text.indexOf('count'), 'Math.round(');
    const name = doc.text.indexOf('let name');
    doc.edit('typed', name, 'let name = "x";'.length, 'l', { deleted: 'let name = "x";'.length });
    doc.type(name + 1, 'et n = 1;');
    assert.deepEqual(doc.lines(), ['mixed', 'human', 'unknown']);
  });

  it('pressing Enter after an AI line leaves it the AI’s; blank lines follow their whitespace', function () {
    const doc = new Doc();
    doc.edit('aiInline', 0, 0, 'function f() {\n\n  return 1;\n}');
    doc.type(doc.text.length, '\n');
    doc.type(doc.text.length, 'f();');
    assert.deepEqual(doc.lines(), ['ai', 'ai', 'ai', 'ai', 'human']);
  });

  it('pasted, tool and undo text is nobody’s; deleting AI text removes its lines', function () {
    const doc = new Doc();
    doc.edit('paste', 0, 0, 'pasted();\n');
    doc.edit('aiChat', doc.text.length, 0, 'ai();\ngone();\n');
    doc.edit('tool', 0, 0, '/* header */\n');
    const gone = doc.text.indexOf('gone');
    doc.edit('typed', gone, 'gone();\n'.length, '');
    assert.deepEqual(doc.lines(), ['unknown', 'unknown', 'ai', 'unknown']);
  });

  it('a CRLF document: lines end after their \\r\\n, and \\r decides nothing', function () {
    const doc = new Doc('one\r\ntwo\r\n');
    doc.edit('aiChat', 5, 0, 'ai line\r\n\r\n');
    doc.type(doc.text.length, 'mine');
    assert.deepEqual(doc.lines(), ['unknown', 'ai', 'ai', 'unknown', 'human']);
  });

  it('an accepted suggestion that repeats what it replaced: only the new part is the AI’s', function () {
    const doc = new Doc();
    doc.type(0, 'const x');
    doc.edit('aiInline', 0, 7, 'const x = compute();', { deleted: 0 });
    assert.deepEqual(doc.authorship.spans(KEY).map((s) => [s.start, s.end, s.author]), [[0, 7, 'human'], [7, 20, 'ai']]);
  });

  it('an action first decided a tool’s and then an AI’s: its text becomes the AI’s, and back', function () {
    const doc = new Doc();
    const first = doc.edit('tool', 0, 0, 'streamed\n', { action: true });
    assert.deepEqual(doc.lines(), ['unknown', 'unknown']);
    doc.authorship.reclassify(first, { ...first, category: 'aiChat' });
    doc.edit('aiChat', doc.text.length, 0, 'more\n', { action: true });
    assert.deepEqual(doc.lines(), ['ai', 'ai', 'unknown']);
    const later = doc.edit('aiChat', doc.text.length, 0, 'x', { action: true });
    doc.authorship.reclassify(later, { ...later, category: 'tool' });
    assert.deepEqual(doc.lines(), ['unknown', 'unknown', 'unknown']);
  });

  it('an AI action’s text stays the AI’s after its slot is reused hours later', function () {
    const doc = new Doc();
    doc.edit('aiChat', 0, 0, 'agent();\n', { action: true });
    doc.now += 254 * 60_000;
    doc.edit('tool', doc.text.length, 0, 'tool();\n', { action: true });
    assert.deepEqual(doc.lines(), ['ai', 'unknown', 'unknown']);
  });

  it('a closed document is forgotten, and so is everything on clear', function () {
    const doc = new Doc();
    doc.edit('aiChat', 0, 0, 'x\n');
    doc.authorship.closeDocument(KEY);
    assert.deepEqual(doc.authorship.spans(KEY), []);
    doc.edit('aiChat', 0, 0, 'y\n');
    doc.authorship.clear();
    assert.equal(doc.authorship.footprint().documents, 0);
  });

  it('beyond the range cap, new text is left unattributed (unknown), never mislabelled', function () {
    const authorship = new Authorship(2);
    const at = (category: Category, offset: number, text: string): void => authorship.observe(KEY, { rangeOffset: offset, rangeLength: 0, text },
      { at: T0, category, confidence: 'exact', chars: text.length, deleted: 0, languageId: 'ts', evidence: [] });
    at('typed', 0, 'a\n');
    at('aiChat', 2, 'b\n');
    at('typed', 4, 'c\n');
    assert.deepEqual(lineContributors('a\nb\nc\n', authorship.spans(KEY)), ['human', 'ai', 'unknown', 'unknown']);
  });
});

describe('rangesByContributor: the changed lines as runs', function () {
  it('groups consecutive lines by who wrote them; a line beyond the document is unknown', function () {
    const contributors = ['human', 'ai', 'ai', 'mixed', 'ai', 'unknown'] as const;
    assert.deepEqual(rangesByContributor(contributors, [1, 2, 3, 5, 6, 9]), {
      human: [{ start_line: 1, end_line: 1 }],
      ai: [{ start_line: 2, end_line: 3 }, { start_line: 5, end_line: 5 }],
      mixed: [],
      unknown: [{ start_line: 6, end_line: 6 }, { start_line: 9, end_line: 9 }],
    });
  });

  it('a file with nothing known: every changed line is unknown', function () {
    assert.deepEqual(rangesByContributor([], [3, 4, 7]).unknown, [{ start_line: 3, end_line: 4 }, { start_line: 7, end_line: 7 }]);
  });
});

describe('Authorship against a model of every character (property)', function () {
  it('its spans are exactly the typed and AI characters, wherever later edits put them', function () {
    const categories: Category[] = ['typed', 'aiInline', 'aiChat', 'paste', 'tool'];
    const edit = fc.record({ at: fc.nat(), removed: fc.nat({ max: 6 }), text: fc.constantFrom('', 'a', 'bc', 'd\n', 'e\r\nf', '  '), category: fc.constantFrom(...categories) });
    fc.assert(fc.property(fc.array(edit, { maxLength: 60 }), (edits) => {
      const authorship = new Authorship();
      let model: Array<'human' | 'ai' | undefined> = [];
      for (const { at, removed, text, category } of edits) {
        const offset = model.length === 0 ? 0 : at % (model.length + 1);
        const length = Math.min(removed, model.length - offset);
        const author = category === 'typed' ? 'human' : category === 'aiInline' || category === 'aiChat' ? 'ai' : undefined;
        model = [...model.slice(0, offset), ...Array.from(text, () => author), ...model.slice(offset + length)];
        authorship.observe(KEY, { rangeOffset: offset, rangeLength: length, text },
          { at: T0, category, confidence: 'exact', chars: text.length, deleted: length, languageId: 'ts', evidence: [] });
      }
      const fromSpans: Array<'human' | 'ai' | undefined> = new Array(model.length).fill(undefined);
      for (const span of authorship.spans(KEY)) {
        for (let i = span.start; i < span.end; i++) {
          fromSpans[i] = span.author;
        }
      }
      assert.deepEqual(fromSpans, model);
    }), { numRuns: 500 });
  });
});
