/**
 * The last known content of files, in memory only (never stored, logged or sent): what a write is
 * diffed against to find the characters it inserted. Bounded by entry count and total size; the
 * least recently used entries go first.
 */

export interface BaselineLimits {
  readonly maxEntries: number;
  /** Total UTF-16 units kept. */
  readonly maxChars: number;
  /** A single file longer than this is not kept (its writes then fall back to a size comparison). */
  readonly maxFileChars: number;
}

export const DEFAULT_BASELINE_LIMITS: BaselineLimits = { maxEntries: 2_000, maxChars: 32_000_000, maxFileChars: 1_000_000 };

export class Baselines {
  private readonly entries = new Map<string, string>();
  private chars = 0;

  constructor(private readonly limits: BaselineLimits = DEFAULT_BASELINE_LIMITS) {}

  get size(): number {
    return this.entries.size;
  }

  get totalChars(): number {
    return this.chars;
  }

  /** Keeps `text` as the file's last known content (a too-long text forgets the file instead). */
  set(key: string, text: string): void {
    this.delete(key);
    if (text.length > this.limits.maxFileChars) {
      return;
    }
    this.entries.set(key, text);
    this.chars += text.length;
    for (const [oldest, value] of this.entries) {
      if (this.entries.size <= this.limits.maxEntries && this.chars <= this.limits.maxChars) {
        break;
      }
      this.entries.delete(oldest);
      this.chars -= value.length;
    }
  }

  /** The file's last known content; using it makes it recent. */
  get(key: string): string | undefined {
    const text = this.entries.get(key);
    if (text !== undefined) {
      this.entries.delete(key);
      this.entries.set(key, text);
    }
    return text;
  }

  has(key: string): boolean {
    return this.entries.has(key);
  }

  delete(key: string): void {
    const text = this.entries.get(key);
    if (text !== undefined) {
      this.entries.delete(key);
      this.chars -= text.length;
    }
  }

  clear(): void {
    this.entries.clear();
    this.chars = 0;
  }
}
