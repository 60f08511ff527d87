import * as assert from 'node:assert/strict';
import { classify } from '../../../src/core/attribution/classify';
import { IntentLog } from '../../../src/core/attribution/intents';
import type { Attribution, ChangeFact, DetailedReason, EditFact, Intent, IntentKind, Pos } from '../../../src/core/attribution/types';

/** Builders for the classifier's inputs, so each test states only what matters to it. */

export const DOC = 'file:///work/project/a.ts';
export const OTHER_DOC = 'file:///work/project/b.ts';
export const T0 = 1_700_000_000_000;

export function pos(line: number, character: number): Pos {
  return { line, character };
}

/** Inserts `text` at (line, character), replacing nothing. */
export function insertAt(line: number, character: number, text: string): ChangeFact {
  return { start: pos(line, character), end: pos(line, character), rangeLength: 0, text };
}

/** Replaces the one-line range [from, to) on `line` with `text`. */
export function replaceOnLine(line: number, from: number, to: number, text: string): ChangeFact {
  return { start: pos(line, from), end: pos(line, to), rangeLength: to - from, text };
}

export function deleteRange(start: Pos, end: Pos, rangeLength: number): ChangeFact {
  return { start, end, rangeLength, text: '' };
}

export function fact(overrides: Partial<EditFact> = {}): EditFact {
  return {
    at: T0,
    documentKey: DOC,
    scheme: 'file',
    languageId: 'typescript',
    version: 2,
    reason: undefined,
    detailedReason: undefined,
    changes: [],
    inActiveEditor: true,
    cursors: [],
    wasDirty: true,
    selectionKind: undefined,
    ...overrides,
  };
}

/** One change at the single cursor (line 3, column 8) of the focused editor. */
export const CURSOR = pos(3, 8);

export function atCursor(text: string, overrides: Partial<EditFact> = {}): EditFact {
  return fact({ changes: [insertAt(CURSOR.line, CURSOR.character, text)], cursors: [CURSOR], ...overrides });
}

export function reason(source: string, metadata: Record<string, unknown> = {}): DetailedReason {
  return { source, metadata: { source, ...metadata } };
}

export function intent(kind: IntentKind, at: number, documentKey = DOC): Intent {
  return { kind, documentKey, at };
}

/** Ten lines of code-like text: what a chat or agent typically inserts. */
export const MULTI_LINE_CODE = Array.from({ length: 10 }, (_, i) => `  const value${i} = compute(${i});`).join('\n') + '\n';

/** The stable path as desktop users get it: exact sources switched off. */
export function classifyStable(edit: EditFact, intents = new IntentLog()): Attribution[] {
  return classify(edit, { intents, exactSources: false });
}

/** The stable path's one attribution for an event with one change. */
export function onlyStable(edit: EditFact, intents?: IntentLog): Attribution {
  const result = classifyStable(edit, intents);
  assert.equal(result.length, 1);
  return result[0];
}
