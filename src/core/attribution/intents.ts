import { INTENT_KINDS, type Intent, type IntentKind } from './types';

/**
 * An inline accept command runs the built-in at once and its edit follows within a few ms, but the
 * round trip through the extension host took over 500 ms on a heavily loaded machine.
 */
export const ACCEPT_INTENT_WINDOW_MS = 1500;
/**
 * A paste provider is asked before the paste is applied, and the editor waits for every provider:
 * TypeScript's paste-with-imports took up to 1.7 s in the recorded corpus.
 */
export const PASTE_INTENT_WINDOW_MS = 3000;
/** Format-on-save, trim whitespace and final newline run right after the will-save event. */
export const SAVE_WINDOW_MS = 1500;
/** VS Code reloads a clean document shortly after the file changes on disk. */
export const FILE_CHANGE_WINDOW_MS = 2000;
/** The host re-records this while chat-editing documents change, so "recent" is short. */
export const CHAT_EDITING_WINDOW_MS = 3000;
/**
 * An intent may carry a time a few ms after the edit it explains (the host stamps it after running
 * the command). Anything later than this cannot explain the edit.
 */
export const INTENT_CLOCK_SLACK_MS = 25;
/** The clock moving back by more than this clears the log, so a "future" intent never matches later. */
export const CLOCK_BACKWARD_RESET_MS = 1000;
export const INTENT_LOG_CAPACITY = 64;
/** An intent recorded for this key applies to every document (e.g. a chat editing session). */
export const ANY_DOCUMENT = '*';

/** Each kind's place in the log's table of newest times. */
const KIND_SLOTS: ReadonlyMap<string, number> = new Map(INTENT_KINDS.map((kind, slot) => [kind, slot]));

/**
 * Kinds to query, with their slots found once: every keystroke asks about several sets of them. A
 * typed array, so that reading it is a plain load; every slot is a known kind's.
 */
type SlottedKinds = readonly IntentKind[] & { readonly slots: Uint8Array };

function slotsFor(kinds: readonly IntentKind[]): Uint8Array {
  return Uint8Array.from(kinds.filter((kind) => KIND_SLOTS.has(kind)), (kind) => KIND_SLOTS.get(kind) ?? 0);
}

/** A set of kinds to query, made once at module load (any array of kinds may be queried, this one is faster). */
export function intentKinds(...kinds: IntentKind[]): readonly IntentKind[] {
  return Object.freeze(Object.assign(kinds, { slots: slotsFor(kinds) }));
}

function slotsOf(kinds: readonly IntentKind[]): Uint8Array {
  return (kinds as Partial<SlottedKinds>).slots ?? slotsFor(kinds);
}

/** The accept commands whose intent explains one edit event. A jump only moves the cursor. */
export const ACCEPT_KINDS: readonly IntentKind[] = intentKinds('inlineAccept', 'inlineAcceptWord', 'inlineAcceptLine');
export const PASTE_KINDS: readonly IntentKind[] = intentKinds('paste');
export const SAVE_KINDS: readonly IntentKind[] = intentKinds('save');
export const FILE_CHANGE_KINDS: readonly IntentKind[] = intentKinds('fileChangedOnDisk');
export const FILE_CHANGE_ECHOED_KINDS: readonly IntentKind[] = intentKinds('fileChangeEchoed');
export const CHAT_EDITING_KINDS: readonly IntentKind[] = intentKinds('chatEditingActive');

export const TOOL_COMMAND_KINDS: readonly IntentKind[] = intentKinds('toolCommand');
export const TOOL_COMMAND_DONE_KINDS: readonly IntentKind[] = intentKinds('toolCommandDone');
export const FILE_CREATED_KINDS: readonly IntentKind[] = intentKinds('fileCreated');
export const CURSOR_MOVED_KINDS: readonly IntentKind[] = intentKinds('cursorMoved');
export const CHAT_REQUEST_KINDS: readonly IntentKind[] = intentKinds('chatRequest');
export const CHAT_EDITING_ENDED_KINDS: readonly IntentKind[] = intentKinds('chatEditingEnded');

/**
 * A command the user ran (format, rename, organize imports) edits while it runs; rename waits for
 * the new name, so the longest wait is the user's. Its edits follow its return within a few ms.
 */
export const TOOL_COMMAND_MAX_MS = 30_000;
export const TOOL_COMMAND_TAIL_MS = 500;
/**
 * A command that waits for the user (rename, quick fix) applies its workspace edit in one go: every
 * file's change arrives together, so an edit this long after its last one is not the command's.
 */
export const TOOL_COMMAND_EDIT_TAIL_MS = 150;
/** A chat request edits for a while: the model thinks before the first edit arrives. */
export const CHAT_REQUEST_WINDOW_MS = 10_000;
/** A file created this recently is the target of what is written into it next. */
export const FILE_CREATED_WINDOW_MS = 5_000;

/**
 * The intents the host observed (accepts, pastes, saves, file changes, chat editing), kept in a small
 * ring buffer: recording overwrites the oldest entry, queries scan at most `capacity` entries and
 * allocate nothing. Intents that explain one edit are consumed by `take`, so one Tab explains one edit.
 */
export class IntentLog {
  private readonly entries: (Intent | undefined)[];
  private readonly consumed: Uint8Array;
  /** Index of the next slot to write. */
  private head = 0;
  private count = 0;
  /** The latest intent time in the log: when it is outside a window, so is every entry. */
  private newestAt = Number.NEGATIVE_INFINITY;
  /** The latest time seen at all (intents and queries), to notice the clock moving backwards. */
  private latestSeen = Number.NEGATIVE_INFINITY;
  /**
   * The latest time of each kind held: a query for kinds none of which is recent enough is
   * answered without a scan (cursor moves fill the log, while most queries ask for rarer kinds).
   * Indexed by each kind's slot: every query of a keystroke reads it.
   */
  private readonly newestAtByKind = new Float64Array(INTENT_KINDS.length).fill(Number.NEGATIVE_INFINITY);

  readonly capacity: number;

  constructor(capacity: number = INTENT_LOG_CAPACITY) {
    const size = Number.isInteger(capacity) && capacity > 0 ? capacity : INTENT_LOG_CAPACITY;
    this.capacity = size;
    this.entries = new Array<Intent | undefined>(size).fill(undefined);
    this.consumed = new Uint8Array(size);
  }

  /** Intents currently held. */
  get size(): number {
    return this.count;
  }

  /** Records an intent. Malformed input (unknown kind, non-finite time) is ignored, never thrown on. */
  record(intent: Intent): void {
    const slot = typeof intent === 'object' && intent !== null ? KIND_SLOTS.get(intent.kind) : undefined;
    if (slot === undefined || typeof intent.documentKey !== 'string' || typeof intent.at !== 'number' || !Number.isFinite(intent.at)) {
      return;
    }
    this.observeTime(intent.at);
    this.entries[this.head] = intent;
    this.consumed[this.head] = 0;
    this.head = (this.head + 1) % this.capacity;
    this.count = Math.min(this.count + 1, this.capacity);
    this.newestAt = Math.max(this.newestAt, intent.at);
    this.newestAtByKind[slot] = Math.max(this.newestAtByKind[slot], intent.at);
  }

  /** Whether an intent of one of `kinds` may be stamped at `since` or later. */
  private mayHaveSince(kinds: readonly IntentKind[], since: number): boolean {
    const slots = slotsOf(kinds);
    for (let i = 0; i < slots.length; i++) {
      if (this.newestAtByKind[slots[i]] >= since) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether no intent of one of `kinds` (of any document) is stamped within `windowMs` before `now`:
   * then every `take` or `peek` of some of them, with a window no longer, finds nothing. Takes `now`
   * as the time, as they do; one check in place of several while the user types.
   */
  noneWithin(kinds: readonly IntentKind[], now: number, windowMs: number): boolean {
    if (typeof now !== 'number' || !Number.isFinite(now)) {
      return true;
    }
    this.observeTime(now);
    return this.count === 0 || now - this.newestAt > windowMs || !this.mayHaveSince(kinds, now - windowMs);
  }

  /**
   * The most recent unconsumed intent of one of `kinds` for the document (or for every document),
   * stamped within `windowMs` before `now`; marks it consumed so it explains one edit only.
   */
  take(kinds: readonly IntentKind[], documentKey: string, now: number, windowMs: number): Intent | undefined {
    const index = this.find(kinds, documentKey, now, windowMs);
    if (index < 0) {
      return undefined;
    }
    this.consumed[index] = 1;
    return this.entries[index];
  }

  /** Like `take` but leaves the intent in place: for states that explain many edits (save, chat). */
  peek(kinds: readonly IntentKind[], documentKey: string, now: number, windowMs: number): Intent | undefined {
    const index = this.find(kinds, documentKey, now, windowMs);
    return index < 0 ? undefined : this.entries[index];
  }

  /**
   * Whether an intent of one of `kinds` for the document is stamped within `radiusMs` of `at`, before
   * or after (consumed ones too: this asks what happened, not what is left to explain). `at` is a
   * past moment, not the clock, so it is not taken as the time now.
   */
  hasNear(kinds: readonly IntentKind[], documentKey: string, at: number, radiusMs: number): boolean {
    if (!this.mayHaveSince(kinds, at - radiusMs)) {
      return false;
    }
    for (let step = 1; step <= this.count; step++) {
      const intent = this.entries[(this.head - step + this.capacity) % this.capacity];
      if (intent !== undefined && Math.abs(intent.at - at) <= radiusMs && intent.documentKey === documentKey && kinds.includes(intent.kind)) {
        return true;
      }
    }
    return false;
  }

  /** Like `peek`, for an intent of any document: did this happen anywhere since? */
  peekAnyDocument(kinds: readonly IntentKind[], now: number, windowMs: number): Intent | undefined {
    const index = this.find(kinds, undefined, now, windowMs);
    return index < 0 ? undefined : this.entries[index];
  }

  clear(): void {
    this.entries.fill(undefined);
    this.consumed.fill(0);
    this.head = 0;
    this.count = 0;
    this.newestAt = Number.NEGATIVE_INFINITY;
    this.newestAtByKind.fill(Number.NEGATIVE_INFINITY);
  }

  /** `documentKey` undefined: an intent of any document matches. */
  private find(kinds: readonly IntentKind[], documentKey: string | undefined, now: number, windowMs: number): number {
    if (typeof now !== 'number' || !Number.isFinite(now)) {
      return -1;
    }
    this.observeTime(now);
    // Fast path while typing: nothing recent at all.
    if (this.count === 0 || now - this.newestAt > windowMs || !this.mayHaveSince(kinds, now - windowMs)) {
      return -1;
    }
    // Newest first, so the latest intent wins.
    for (let step = 1; step <= this.count; step++) {
      const index = (this.head - step + this.capacity) % this.capacity;
      const intent = this.entries[index];
      if (intent === undefined || this.consumed[index] === 1) {
        continue;
      }
      const age = now - intent.at;
      if (age < -INTENT_CLOCK_SLACK_MS || age > windowMs) {
        continue;
      }
      if ((documentKey === undefined || intent.documentKey === documentKey || intent.documentKey === ANY_DOCUMENT) && kinds.includes(intent.kind)) {
        return index;
      }
    }
    return -1;
  }

  /** A clock that jumped backwards would leave intents "in the future" that match much later: drop them. */
  private observeTime(at: number): void {
    if (at < this.latestSeen - CLOCK_BACKWARD_RESET_MS) {
      this.clear();
      this.latestSeen = at;
      return;
    }
    if (at > this.latestSeen) {
      this.latestSeen = at;
    }
  }
}
