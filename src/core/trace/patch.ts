/**
 * The lines a unified diff adds or changes, as line numbers (1-based) of the new side, ascending:
 * the lines that are new since the diff's old side. Only the hunk headers and each line's first
 * character are read; the diff's text is not kept.
 */
export function addedLines(patch: string): number[] {
  const lines: number[] = [];
  let next = 0;
  let inHunk = false;
  for (const line of patch.split('\n')) {
    if (line.startsWith('@@')) {
      const match = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,\d+)? @@/.exec(line);
      inHunk = match !== null;
      next = match === null ? 0 : Number(match[1]);
    } else if (!inHunk || line.startsWith('diff ')) {
      inHunk = false;
    } else if (line.startsWith('+')) {
      lines.push(next++);
    } else if (line.startsWith(' ') || line === '' || line === '\r') {
      next++;
    }
  }
  return lines;
}
