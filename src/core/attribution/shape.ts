import { countCodePoints } from '../text';
import type { ChangeFact, EditFact, Pos } from './types';

/*
 * Shape predicates over one content change. They only look at lengths, line breaks and whitespace
 * of the inserted text (never keep it), each in one pass: O(size of the change), no allocation.
 */

/** Above this many code points, or with this many non-blank lines, an insert looks AI-written. */
export const AI_LIKE_MIN_CODE_POINTS = 80;
export const AI_LIKE_MIN_LINES = 2;
/** A prefix-replacing insert shorter than this is IntelliSense or a snippet, not AI. */
export const SUGGEST_MAX_CODE_POINTS = 300;
/** The word prefix a completion replaces is short and on one line. */
export const SUGGEST_MAX_PREFIX = 64;
/** IME compositions and conversions are short. */
export const IME_MAX_CODE_POINTS = 32;
/** A plain Tab inserts at most this many spaces (tab size). */
export const INDENT_MAX_CHARS = 16;

export function insertedText(change: ChangeFact): string {
  return typeof change.text === 'string' ? change.text : '';
}

/** The replaced length as a safe count: never negative, never NaN. */
export function replacedLength(change: ChangeFact): number {
  const length = change.rangeLength;
  return typeof length === 'number' && length > 0 && Number.isFinite(length) ? Math.floor(length) : 0;
}

export function isDeletion(change: ChangeFact): boolean {
  return insertedText(change).length === 0 && replacedLength(change) > 0;
}

function comparePos(a: Pos, b: Pos): number {
  return a.line !== b.line ? a.line - b.line : a.character - b.character;
}

function isPos(value: unknown): value is Pos {
  return typeof value === 'object' && value !== null
    && typeof (value as Pos).line === 'number' && typeof (value as Pos).character === 'number';
}

function cursorsOf(fact: EditFact): readonly Pos[] {
  return Array.isArray(fact.cursors) ? fact.cursors : [];
}

/** A cursor sits at, or inside, the changed range (Backspace ends at it, Delete starts at it). */
export function touchesCursor(fact: EditFact, change: ChangeFact): boolean {
  if (!isPos(change.start) || !isPos(change.end)) {
    return false;
  }
  for (const cursor of cursorsOf(fact)) {
    if (isPos(cursor) && comparePos(change.start, cursor) <= 0 && comparePos(cursor, change.end) <= 0) {
      return true;
    }
  }
  return false;
}

/** The changed range ends exactly at a cursor: the shape of a completion replacing the typed prefix. */
export function endsAtCursor(fact: EditFact, change: ChangeFact): boolean {
  if (!isPos(change.end)) {
    return false;
  }
  for (const cursor of cursorsOf(fact)) {
    if (isPos(cursor) && comparePos(cursor, change.end) === 0) {
      return true;
    }
  }
  return false;
}

function isLineBreak(unit: number): boolean {
  return unit === 0x0a || unit === 0x0d;
}

function isBlank(unit: number): boolean {
  return unit === 0x20 || unit === 0x09 || isLineBreak(unit);
}

/** Enter with auto-indent: `\n` or `\r\n` then only whitespace (`\n    \n` between brackets). */
export function isEnterIndent(text: string): boolean {
  const first = text.charCodeAt(0);
  if (!isLineBreak(first)) {
    return false;
  }
  let lineBreaks = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (!isBlank(unit)) {
      return false;
    }
    if (unit === 0x0a || (unit === 0x0d && text.charCodeAt(i + 1) !== 0x0a)) {
      lineBreaks++;
    }
  }
  return lineBreaks <= 2;
}

/** A plain Tab: spaces or tabs only, no line break, short. */
export function isIndent(text: string): boolean {
  if (text.length === 0 || text.length > INDENT_MAX_CHARS) {
    return false;
  }
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit !== 0x20 && unit !== 0x09) {
      return false;
    }
  }
  return true;
}

export function hasLineBreak(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    if (isLineBreak(text.charCodeAt(i))) {
      return true;
    }
  }
  return false;
}

export function hasNonBlank(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    if (!isBlank(text.charCodeAt(i))) {
      return true;
    }
  }
  return false;
}

function hasNonAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    if (text.charCodeAt(i) > 0x7f) {
      return true;
    }
  }
  return false;
}

/**
 * Multi-line or long text with real content, the way AI output looks. Blank lines do not count, so
 * an auto-import line with its trailing newline is not AI-like; a formatter's whitespace is not either.
 */
export function isAiLike(text: string): boolean {
  if (text.length >= AI_LIKE_MIN_CODE_POINTS && countCodePoints(text) >= AI_LIKE_MIN_CODE_POINTS && hasNonBlank(text)) {
    return true;
  }
  return countContentLines(text, AI_LIKE_MIN_LINES) >= AI_LIKE_MIN_LINES;
}

/** Lines with something other than whitespace, counted up to `limit`. */
export function countContentLines(text: string, limit = Number.POSITIVE_INFINITY): number {
  let contentLines = 0;
  let lineHasContent = false;
  for (let i = 0; i < text.length && contentLines < limit; i++) {
    const unit = text.charCodeAt(i);
    if (isLineBreak(unit)) {
      lineHasContent = false;
    } else if (!isBlank(unit) && !lineHasContent) {
      lineHasContent = true;
      contentLines++;
    }
  }
  return contentLines;
}

/** The typed shapes a person produces at a cursor, by name (used as evidence). */
export type TypedShape = 'short' | 'enterIndent' | 'indent' | 'ime' | 'delete';

/**
 * The typed shape of a change at a cursor, or undefined. `keyboard` says a Keyboard selection change
 * paired with it, which lets a short growing replacement (an IME composition step) count as typing.
 */
export function typedShapeAt(fact: EditFact, change: ChangeFact, keyboard: boolean): TypedShape | undefined {
  if (!touchesCursor(fact, change)) {
    return undefined;
  }
  if (isDeletion(change)) {
    return 'delete';
  }
  const text = insertedText(change);
  if (text.length === 0) {
    return undefined;
  }
  if (isEnterIndent(text)) {
    return 'enterIndent';
  }
  const codePoints = countCodePoints(text);
  if (codePoints <= 2) {
    return 'short';
  }
  if (isIndent(text)) {
    return 'indent';
  }
  const replaced = replacedLength(change);
  if (replaced > 0 && codePoints <= IME_MAX_CODE_POINTS && !hasLineBreak(text)) {
    // IME: compositions grow by a keystroke; conversions shrink romaji/pinyin into non-ASCII text.
    if (keyboard ? codePoints <= replaced + 2 : codePoints < replaced && hasNonAscii(text)) {
      return 'ime';
    }
  }
  return undefined;
}

/** IntelliSense or snippet: replaces a short one-line prefix ending at the cursor with longer text. */
export function isSuggestShape(fact: EditFact, change: ChangeFact): boolean {
  const replaced = replacedLength(change);
  if (replaced === 0 || replaced > SUGGEST_MAX_PREFIX || !isPos(change.start) || !isPos(change.end)) {
    return false;
  }
  if (change.start.line !== change.end.line || !endsAtCursor(fact, change)) {
    return false;
  }
  const text = insertedText(change);
  if (text.length >= SUGGEST_MAX_CODE_POINTS * 2) {
    return false;
  }
  const codePoints = countCodePoints(text);
  return codePoints > replaced && codePoints < SUGGEST_MAX_CODE_POINTS;
}

/** The end of the inserted text, in the document after the change. */
function insertedEnd(change: ChangeFact): Pos {
  const text = insertedText(change);
  let line = change.start.line;
  let lineStart = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit === 0x0a || (unit === 0x0d && text.charCodeAt(i + 1) !== 0x0a)) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, character: line === change.start.line ? change.start.character + text.length : text.length - lineStart };
}

/**
 * After the edit, a cursor sits strictly inside the inserted text (not at either end): a snippet waiting
 * in its placeholders (Insert Snippet, Emmet, a completion's snippet). Typing, pastes, accepted
 * suggestions, chat and agent edits leave the cursor at the end of what they inserted, or elsewhere.
 */
export function leavesCursorInside(fact: EditFact, change: ChangeFact): boolean {
  const after = fact.cursorsAfter;
  if (!Array.isArray(after) || after.length === 0 || !isPos(change.start) || insertedText(change).length === 0) {
    return false;
  }
  const end = insertedEnd(change);
  for (const cursor of after) {
    if (isPos(cursor) && comparePos(change.start, cursor) < 0 && comparePos(cursor, end) < 0) {
      return true;
    }
  }
  return false;
}
