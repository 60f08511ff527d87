/**
 * A small, strict RFC 4180 parser for tests (no CSV parser library is installed): quoted fields
 * with doubled quotes, CRLF or LF record ends, any delimiter. Throws on malformed input, so a test
 * that parses an export also checks that it is valid CSV.
 */
export function parseCsv(text: string, delimiter = ','): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let i = 0;
  const n = text.length;
  if (n === 0) {
    return rows;
  }
  for (;;) {
    if (text[i] === '"') {
      i++;
      for (;;) {
        if (i >= n) {
          throw new Error('unterminated quoted field');
        }
        const ch = text[i];
        if (ch === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        field += ch;
        i++;
      }
      if (i < n && text[i] !== delimiter && text[i] !== '\r' && text[i] !== '\n') {
        throw new Error(`text after a closing quote at ${i}`);
      }
    } else {
      while (i < n && text[i] !== delimiter && text[i] !== '\r' && text[i] !== '\n') {
        if (text[i] === '"') {
          throw new Error(`bare quote in an unquoted field at ${i}`);
        }
        field += text[i];
        i++;
      }
    }
    row.push(field);
    field = '';
    if (i >= n) {
      rows.push(row);
      return rows;
    }
    if (text[i] === delimiter) {
      i++;
      continue;
    }
    // record end: CRLF or LF
    if (text[i] === '\r') {
      if (text[i + 1] !== '\n') {
        throw new Error(`bare CR at ${i}`);
      }
      i++;
    }
    i++;
    rows.push(row);
    row = [];
    if (i >= n) {
      return rows;
    }
  }
}

/** Strips the BOM and parses; checks every record has the header's width. */
export function parseTable(text: string, delimiter = ','): { header: string[]; rows: string[][] } {
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const [header, ...rows] = parseCsv(body, delimiter);
  for (const [index, row] of rows.entries()) {
    if (row.length !== header.length) {
      throw new Error(`record ${index + 1} has ${row.length} fields, the header ${header.length}`);
    }
  }
  return { header, rows };
}

/** Records as objects keyed by the header. */
export function parseRecords(text: string, delimiter = ','): Record<string, string>[] {
  const { header, rows } = parseTable(text, delimiter);
  return rows.map((row) => Object.fromEntries(header.map((name, i) => [name, row[i]])));
}
