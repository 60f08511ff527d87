/**
 * The history store's modes and the only moves between them:
 * - `new`/`loading`: edits are queued (events that arrive before the stored state is read are
 *   counted once it is), nothing is written.
 * - `ready`: counting and writing.
 * - `readOnly`: a newer schema is stored (after a downgrade); counting in memory only.
 * - `blocked`: history expected but missing; counting in memory only until a restore or a fresh start.
 * - `disposing`/`disposed`: the final write, then edits are ignored.
 */
export type StoreMode = 'new' | 'loading' | 'ready' | 'readOnly' | 'blocked' | 'disposing' | 'disposed';

const MOVES: Readonly<Record<StoreMode, readonly StoreMode[]>> = {
  new: ['loading', 'disposing'],
  loading: ['ready', 'readOnly', 'blocked', 'disposing'],
  ready: ['readOnly', 'disposing'],
  readOnly: ['ready', 'disposing'],
  blocked: ['ready', 'disposing'],
  disposing: ['disposed'],
  disposed: [],
};

export class StoreModeMachine {
  private mode: StoreMode = 'new';
  /** The mode before `disposing`. */
  private endedFrom: StoreMode | undefined;

  get current(): StoreMode {
    return this.mode;
  }

  /** Moves to `next`; a move the table does not allow is a bug, so it throws. */
  to(next: StoreMode): void {
    if (next !== this.mode && !MOVES[this.mode].includes(next)) {
      throw new Error(`history store: no move from ${this.mode} to ${next}`);
    }
    if (next === 'disposing') {
      this.endedFrom = this.mode;
    }
    this.mode = next;
  }

  /** Edits are counted (in memory at least). */
  get counts(): boolean {
    return this.mode === 'ready' || this.mode === 'readOnly' || this.mode === 'blocked';
  }

  /** Edits are queued until the stored state is read. */
  get queues(): boolean {
    return this.mode === 'new' || this.mode === 'loading';
  }

  /** Our record may be written. */
  get writes(): boolean {
    return this.mode === 'ready' || this.mode === 'disposing';
  }

  /** Other windows' records are read and merged. */
  get reads(): boolean {
    return this.mode === 'ready' || this.mode === 'readOnly';
  }

  /**
   * Our own files (the backup) may be rewritten: while `ready`, or ending from it. Never in
   * `readOnly` (a newer version's history: the file may be the copy recovery needs) or `blocked`.
   */
  get rewritesFiles(): boolean {
    return this.mode === 'ready' || (this.ending && this.endedFrom === 'ready');
  }

  get ending(): boolean {
    return this.mode === 'disposing' || this.mode === 'disposed';
  }
}
