import type { AuthoredSpan } from './authorship';

/** Who wrote a line, as the Agent Trace format names it. */
export type LineContributor = 'human' | 'ai' | 'mixed' | 'unknown';

/** Lines `start_line` to `end_line`, 1-based and inclusive, as the Agent Trace format counts them. */
export interface LineRange {
  readonly start_line: number;
  readonly end_line: number;
}

const HUMAN_BIT = 1;
const AI_BIT = 2;

function isWhitespace(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d || code === 0x0b || code === 0x0c || code === 0xa0 || code === 0xfeff || (code >= 0x2000 && code <= 0x200a) || code === 0x3000;
}

/** The offset where each line starts (LF and CRLF documents: a line ends after its `\n`). */
export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
    starts.push(i + 1);
  }
  return starts;
}

/**
 * Who wrote each line of `text` (index 0 is line 1), from the authored spans. A line's visible
 * characters decide: yours only → human, AI's only → ai, both → mixed. A line with no visible
 * character of either (blank, or indentation only) is decided by its whitespace and line break
 * the same way, so that pressing Enter after an AI line leaves that line the AI's. A line with no
 * authored character at all is unknown (pasted, a tool's, from before the document was opened).
 */
export function lineContributors(text: string, spans: readonly AuthoredSpan[]): LineContributor[] {
  const starts = lineStarts(text);
  const visible = new Uint8Array(starts.length);
  const blank = new Uint8Array(starts.length);
  let line = 0;
  for (const span of spans) {
    const bit = span.author === 'ai' ? AI_BIT : HUMAN_BIT;
    const end = Math.min(span.end, text.length);
    line = lineAt(starts, span.start, line);
    for (let offset = Math.max(0, span.start); offset < end; offset++) {
      while (line + 1 < starts.length && starts[line + 1] <= offset) {
        line++;
      }
      if (isWhitespace(text.charCodeAt(offset))) {
        blank[line] |= bit;
      } else {
        visible[line] |= bit;
      }
    }
  }
  const result: LineContributor[] = new Array<LineContributor>(starts.length);
  for (let i = 0; i < starts.length; i++) {
    result[i] = contributorOf(visible[i] !== 0 ? visible[i] : blank[i]);
  }
  return result;
}

function contributorOf(bits: number): LineContributor {
  return bits === HUMAN_BIT ? 'human' : bits === AI_BIT ? 'ai' : bits === (HUMAN_BIT | AI_BIT) ? 'mixed' : 'unknown';
}

/** The line holding `offset` (binary search from `from`, spans come in order). */
function lineAt(starts: readonly number[], offset: number, from: number): number {
  let lo = Math.min(from, starts.length - 1);
  let hi = starts.length - 1;
  if (starts[lo] > offset) {
    lo = 0;
  }
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (starts[mid] <= offset) {
      lo = mid;
    } else {
      hi = mid - 1;
    }
  }
  return lo;
}

/**
 * The lines named (1-based, ascending, each once), grouped by who wrote them into runs of
 * consecutive lines. `contributors[i]` is line i + 1; a line beyond them is unknown.
 */
export function rangesByContributor(contributors: readonly LineContributor[], lines: readonly number[]): Record<LineContributor, LineRange[]> {
  const out: Record<LineContributor, LineRange[]> = { human: [], ai: [], mixed: [], unknown: [] };
  let open: { contributor: LineContributor; start: number; end: number } | undefined;
  for (const line of lines) {
    const contributor = contributors[line - 1] ?? 'unknown';
    if (open !== undefined && open.contributor === contributor && open.end + 1 === line) {
      open.end = line;
      continue;
    }
    if (open !== undefined) {
      out[open.contributor].push({ start_line: open.start, end_line: open.end });
    }
    open = { contributor, start: line, end: line };
  }
  if (open !== undefined) {
    out[open.contributor].push({ start_line: open.start, end_line: open.end });
  }
  return out;
}
