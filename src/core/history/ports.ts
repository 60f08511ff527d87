/**
 * What the history store needs from its host, as small interfaces so core stays free of `vscode`
 * and deterministic under test. `vscode.Memento` (`context.workspaceState`) satisfies `MementoLike`.
 */

export interface MementoLike {
  get(key: string): unknown;
  /** `undefined` deletes the key. May throw synchronously or reject (a cyclic value, a full disk). */
  update(key: string, value: unknown): PromiseLike<void>;
  keys(): readonly string[];
}

export { systemScheduler, type Scheduler } from '../clock';

/** A stored value that could not be read as it is, kept aside before anything replaces it. */
export interface QuarantineEntry {
  /** The Memento key it came from. */
  readonly key: string;
  /** When it was set aside, epoch ms. */
  readonly at: number;
  /** What was wrong (paths only, never stored text). */
  readonly issues: readonly string[];
  /** The value exactly as read. */
  readonly raw: unknown;
}

/**
 * Where quarantined values go; the host writes each to a file (e.g. `quarantine/<key>.<at>.json` in
 * the extension's storage folder). Without a sink the store keeps them under the Memento key
 * `quarantine.<key>.<at>`. Must resolve only once the value is safely kept.
 */
export interface QuarantineSink {
  put(entry: QuarantineEntry): PromiseLike<void>;
}

/**
 * An in-memory Memento that stores JSON copies, like VS Code does (so a `Date` comes back as a
 * string and `undefined` members vanish). For tests and the demo mode.
 */
export class InMemoryMemento implements MementoLike {
  private readonly values = new Map<string, string>();

  get(key: string): unknown {
    const json = this.values.get(key);
    return json === undefined ? undefined : JSON.parse(json);
  }

  update(key: string, value: unknown): Promise<void> {
    if (value === undefined) {
      this.values.delete(key);
    } else {
      this.values.set(key, JSON.stringify(value));
    }
    return Promise.resolve();
  }

  keys(): readonly string[] {
    return [...this.values.keys()];
  }

  /** Size of all values as JSON, in bytes of UTF-8 (what VS Code would serialise). */
  byteSize(): number {
    const encoder = new TextEncoder();
    let size = 2;
    for (const [key, json] of this.values) {
      size += encoder.encode(JSON.stringify(key)).length + 1 + encoder.encode(json).length + 1;
    }
    return size;
  }
}
