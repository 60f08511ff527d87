/**
 * Counts inserted characters the way the product promises: Unicode code points, with CRLF as one
 * character so Windows and Unix line endings weigh the same. A lone surrogate counts as one.
 * Runs on every keystroke, so it walks the string once without allocating.
 */
export function countCodePoints(text: string): number {
  let count = 0;
  const length = text.length;
  for (let i = 0; i < length; i++) {
    const unit = text.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        i++;
      }
    } else if (unit === 0x0d && i + 1 < length && text.charCodeAt(i + 1) === 0x0a) {
      i++;
    }
    count++;
  }
  return count;
}
